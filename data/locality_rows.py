"""Rows of the localities table made from gazetteer places."""

from __future__ import annotations

from partnermap.data.schema import Locality
from partnermap.geo.gazetteer import Place, load_gazetteer, source_label


def locality_of(place: Place, versions: dict[str, str] | None = None) -> Locality:
    """The localities-table row of a gazetteer place, naming the package it comes from.

    A state or province is its own ``admin1``, as in the table; a country has none.
    """
    own = place.level in ("state", "province")
    return Locality(
        id=place.id,
        name_en=place.name_en,
        name_zh=place.name_zh,
        level=place.level,
        country=place.country,
        admin1=place.name_en if own else place.admin1,
        lat=round(place.lat, 4),
        lon=round(place.lon, 4),
        gazetteer=source_label(place.id, versions or load_gazetteer().versions),
    )
