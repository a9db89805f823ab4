"""Check the localities table against the gazetteer: ids, levels, coordinates and names."""

from __future__ import annotations

from collections.abc import Mapping

from partnermap.data.schema import Locality
from partnermap.geo.arcs import distance_km
from partnermap.geo.gazetteer import Gazetteer, han_key, load_gazetteer
from partnermap.geo.names import latin_key, zh_stem

#: How far (km) a row's point may lie from the gazetteer's. The table is built from the same
#: sources, so a gap means a hand edit or a source update. 25 km keeps a city's point inside
#: its urban area; a county's seat and centroid can be that far apart too. Provinces and
#: states are wider: the gazetteer gives geotool-cn's centre for a province and a polygon's
#: representative point for a state, and another reasonable choice can be 150 km away
#: (Inner Mongolia spans 2,400 km). A country's label point is only a label position.
TOLERANCE_KM: dict[str, float] = {
    "city": 25.0,
    "county": 25.0,
    "province": 150.0,
    "state": 150.0,
    "country": 500.0,
}


def locality_problems(
    localities: Mapping[str, Locality], gazetteer: Gazetteer | None = None
) -> list[tuple[str, str, str]]:
    """Check every locality row against the gazetteer.

    Parameters
    ----------
    localities
        The localities table, keyed by locality id.
    gazetteer
        The index to check against (default: the cached one).

    Returns
    -------
    list[tuple[str, str, str]]
        ``(locality id, field, message)`` for each disagreement: an id the gazetteer lacks,
        another level or country, a point farther than :data:`TOLERANCE_KM` from the
        gazetteer's, or an English or Chinese name that is not one of the place's names.
    """
    gazetteer = gazetteer or load_gazetteer()
    problems: list[tuple[str, str, str]] = []
    for locality_id, row in localities.items():
        place = gazetteer.places.get(locality_id)
        if place is None:
            problems.append((locality_id, "id", f"{locality_id} is not in the gazetteer"))
            continue
        if row.level != place.level:
            problems.append(
                (
                    locality_id,
                    "level",
                    f"level is {row.level!r}; the gazetteer says {place.level!r}",
                )
            )
        if row.country != place.country:
            problems.append(
                (
                    locality_id,
                    "country",
                    f"country is {row.country!r}; the gazetteer says {place.country!r}",
                )
            )
        gap = distance_km(row.lat, row.lon, place.lat, place.lon)
        limit = TOLERANCE_KM[place.level]
        if gap > limit:
            problems.append(
                (
                    locality_id,
                    "lat",
                    f"({row.lat}, {row.lon}) is {gap:.0f} km from the gazetteer's ({place.lat}, "
                    f"{place.lon}); at most {limit:.0f} km is expected for a {place.level}",
                )
            )
        if locality_id not in _places_named(latin_key(row.name_en), gazetteer):
            problems.append(
                (
                    locality_id,
                    "name_en",
                    f"{row.name_en!r} is not a name of {place.name_en} ({locality_id})",
                )
            )
        if row.name_zh and not _same_zh(row.name_zh, place.name_zh, locality_id, gazetteer):
            problems.append(
                (
                    locality_id,
                    "name_zh",
                    f"{row.name_zh!r} is not a Chinese name of {place.name_en} ({locality_id}); "
                    f"the gazetteer has {place.name_zh!r}",
                )
            )
    return problems


def _places_named(key: str, gazetteer: Gazetteer) -> set[str]:
    ids = {place_id for place_id, _tier in gazetteer.lookup(key)}
    for word in ("city", "county", "district", "province", "state", "municipality"):
        if key.endswith(word):
            ids |= {place_id for place_id, _tier in gazetteer.lookup(key.removesuffix(word))}
    return ids


def _same_zh(written: str, expected: str | None, locality_id: str, gazetteer: Gazetteer) -> bool:
    key = han_key(written, gazetteer.to_simplified)
    if expected and key in (expected, zh_stem(expected)[0]):
        return True
    return locality_id in {place_id for place_id, _tier in gazetteer.lookup(key)}
