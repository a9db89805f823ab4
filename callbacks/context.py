"""What every callback reads: the corpus arrays, the views, place names and credits."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from partnermap.data.filters import FilterState
from partnermap.data.urlstate import UrlState, parse_query
from partnermap.data.view import CorpusIndex, MapView


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
    drafts
        Ids of the records that are drafts awaiting review (``serve --include-drafts``).
    """

    index: CorpusIndex
    view: Callable[[FilterState], MapView]
    resolve_place: Callable[[str], frozenset[str]]
    attribution: Mapping[str, str]
    drafts: frozenset[str] = frozenset()

    def state(self, query: str | None) -> UrlState:
        """The filter state and language of a URL query."""
        return parse_query(query or "", self.resolve_place)

    def place_label(self, place: frozenset[str], lang: str) -> str:
        """Locality ids as the search box shows them: names in ``lang``, comma-separated."""
        places = self.index.places.loc[self.index.places.index.intersection(sorted(place))]
        names = places["name_zh"].fillna(places["name_en"]) if lang == "zh" else places["name_en"]
        return ", ".join(names)
