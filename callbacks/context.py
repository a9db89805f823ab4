"""What every callback reads: the corpus arrays, the views, place names and credits."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from partnermap.data.filters import FilterState
from partnermap.data.urlstate import Controls, UrlState, parse_query, state_from_controls
from partnermap.data.view import CorpusIndex, MapView


@dataclass(frozen=True, eq=False)
class AppContext:
    """The read-only state shared by the callbacks of one app.

    Attributes
    ----------
    index
        The corpus arrays, built once at start-up.
    view
        Builds the view of a filter state (a ``ViewCache``: several callbacks answer each change).
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

    def controls_state(self, *values: Any) -> UrlState:
        """The filter state and language the controls show (values in ``ids.CONTROLS`` order)."""
        state, _ = state_from_controls(
            Controls(*values), self.index.year_bounds, self.resolve_place
        )
        return state

    def place_label(self, place: frozenset[str], lang: str) -> str:
        """Locality ids as the search box shows them: names in ``lang``, comma-separated."""
        places = self.index.places.loc[self.index.places.index.intersection(sorted(place))]
        names = places["name_zh"].fillna(places["name_en"]) if lang == "zh" else places["name_en"]
        return ", ".join(names)


class ViewCache:
    """The views of the latest filter states, each built once however many callbacks ask.

    Every filter change sends several callbacks at once; with ``functools.lru_cache`` each of
    them would build the same view in parallel. Here the first builds it and the others wait
    for it.

    Parameters
    ----------
    build
        Builds the view of a filter state.
    size
        How many views to keep.
    """

    def __init__(self, build: Callable[[FilterState], MapView], size: int = 32) -> None:
        self._build = build
        self._size = size
        self._slots: OrderedDict[FilterState, _Slot] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, state: FilterState) -> MapView:
        with self._lock:
            slot = self._slots.get(state)
            if slot is None:
                slot = self._slots[state] = _Slot()
                if len(self._slots) > self._size:
                    self._slots.popitem(last=False)
            self._slots.move_to_end(state)
        with slot.lock:
            if slot.view is None:
                slot.view = self._build(state)
            return slot.view


class _Slot:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.view: MapView | None = None
