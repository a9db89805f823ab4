"""Place search: what a person typing a place name means, among the places of the data."""

from __future__ import annotations

from collections.abc import Mapping

from partnermap.data.filters import localities_named
from partnermap.data.schema import Locality
from partnermap.geo.gazetteer import load_gazetteer
from partnermap.geo.geocode import geocode


def place_ids(name: str, localities: Mapping[str, Locality]) -> frozenset[str]:
    """Return the locality ids a place search for ``name`` finds.

    A locality id or the start of a name in the table wins; otherwise the offline geocoder reads
    the spellings the table does not hold ("Chinkiang", "镇江市人民政府"), and a state or
    province with no agreement of its own stands for the places inside it.

    Parameters
    ----------
    name
        What the person typed, in English or Chinese.
    localities
        The localities of the data, by id.

    Examples
    --------
    >>> place_ids("Atlantis", {})
    frozenset()
    """
    return localities_named(name, localities, resolve=lambda text: _geocoded(text, localities))


def _geocoded(name: str, localities: Mapping[str, Locality]) -> frozenset[str]:
    """The ids among ``localities`` the geocoder's match for ``name`` means or contains."""
    match = geocode(name).match
    if match is None:
        return frozenset()
    places = load_gazetteer().places
    inside = {lid for lid in localities if lid in places and match.id in places[lid].parents}
    return frozenset({match.id, match.twin} & localities.keys() | inside)
