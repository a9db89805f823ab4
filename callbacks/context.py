"""What every callback reads: the corpus arrays, the views, place names and credits."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from partnermap.data.filters import FilterState, localities_named
from partnermap.data.schema import Locality
from partnermap.data.urlstate import UrlState, parse_query
from partnermap.data.view import CorpusIndex, MapView
from partnermap.geo.gazetteer import load_gazetteer
from partnermap.geo.geocode import geocode


@dataclass(frozen=True, eq=False)
class AppContext:
    """The read-only state shared by the callbacks of one app.

    Attributes
    ----------
    index
        The corpus arrays, built once at start-up.
    view
        Builds the view of a filter state (cached: several callbacks answer each change).
    resolve_place
        Maps one place id or name (English or Chinese) to locality ids.
    attribution
        The basemap credit line by language.
    """

    index: CorpusIndex
    view: Callable[[FilterState], MapView]
    resolve_place: Callable[[str], frozenset[str]]
    attribution: Mapping[str, str]

    def state(self, query: str | None) -> UrlState:
        """The filter state and language of a URL query."""
        return parse_query(query or "", self.resolve_place)

    def place_label(self, place: frozenset[str], lang: str) -> str:
        """Locality ids as the search box shows them: names in ``lang``, comma-separated."""
        places = self.index.places.loc[self.index.places.index.intersection(sorted(place))]
        names = places["name_zh"].fillna(places["name_en"]) if lang == "zh" else places["name_en"]
        return ", ".join(names)


def place_resolver(localities: Mapping[str, Locality]) -> Callable[[str], frozenset[str]]:
    """The place search: a locality id or name prefix, else what the geocoder makes of it.

    The geocoder reads spellings the table does not hold ("Chinkiang", "镇江市人民政府"); a
    state or province with no agreement of its own stands for the places inside it.

    Examples
    --------
    >>> resolve = place_resolver({})
    >>> resolve("Atlantis")
    frozenset()
    """

    def resolve(name: str) -> frozenset[str]:
        return localities_named(name, localities, resolve=lambda text: geocoded(text, localities))

    return resolve


def geocoded(name: str, localities: Mapping[str, Locality]) -> frozenset[str]:
    """The ids among ``localities`` the geocoder's match for ``name`` means or contains."""
    match = geocode(name).match
    if match is None:
        return frozenset()
    places = load_gazetteer().places
    inside = {lid for lid in localities if lid in places and match.id in places[lid].parents}
    return frozenset({match.id, match.twin} & localities.keys() | inside)
