"""The callbacks' shared state (``callbacks.context``) and their wiring to the page."""

from __future__ import annotations

import functools
import threading
from pathlib import Path
from typing import Any

import pytest
from dash import Dash

from partnermap.app import create_app
from partnermap.callbacks.context import AppContext, ViewCache
from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.data.place_search import place_ids
from partnermap.data.view import build_index, build_view, regions_from_geojson
from partnermap.geo import basemap
from partnermap.page import ids, layout

FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "dashboard"
ZHENJIANG = "geonames:1784642"


@pytest.fixture(scope="module")
def context() -> AppContext:
    corpus = load_corpus(FIXTURE_DATA)
    index = build_index(corpus, regions_from_geojson(basemap.admin1_geojson()))
    return AppContext(
        index=index,
        view=ViewCache(functools.partial(build_view, index)),
        resolve_place=functools.partial(place_ids, localities=corpus.localities),
        attribution=basemap.ATTRIBUTION,
    )


def test_a_view_is_built_once_however_many_callbacks_ask_at_once() -> None:
    built: list[FilterState] = []
    release = threading.Event()

    def build(state: FilterState) -> Any:
        built.append(state)
        release.wait(timeout=30)  # hold the first builder until every caller is waiting
        return object()

    cache = ViewCache(build)
    state = FilterState(sectors=frozenset({"culture"}))
    answers: list[object] = []
    callers = [threading.Thread(target=lambda: answers.append(cache(state))) for _ in range(6)]
    for caller in callers:
        caller.start()
    release.set()
    for caller in callers:
        caller.join(timeout=30)
    assert built == [state]
    assert len(answers) == 6 and len({id(answer) for answer in answers}) == 1


def test_the_cache_keeps_the_latest_states_only() -> None:
    built: list[int] = []
    cache = ViewCache(lambda state: built.append(state.year_from) or state.year_from, size=2)
    for year in (2001, 2002, 2001, 2003, 2001, 2002):
        cache(FilterState(year_from=year))
    # 2001 stays (used last but one each time); 2002 was evicted by 2003, then built again.
    assert built == [2001, 2002, 2003, 2002]


def test_the_url_gives_the_filters_and_language(context: AppContext) -> None:
    state = context.state("?sector=culture&lang=zh&place=镇江")
    assert state.lang == "zh"
    assert state.filters.sectors == frozenset({"culture"})
    assert state.filters.place == frozenset({ZHENJIANG})
    assert context.state(None) == context.state("")


def test_the_controls_give_the_same_state_as_the_url(context: AppContext) -> None:
    first, last = context.index.year_bounds
    from_controls = context.controls_state(["culture"], [], "", [first, last], "镇江", "zh")
    assert from_controls == context.state("?sector=culture&place=镇江&lang=zh")


def test_places_are_labelled_in_the_language_of_the_page(context: AppContext) -> None:
    assert context.place_label(frozenset({ZHENJIANG}), "en") == "Zhenjiang"
    assert context.place_label(frozenset({ZHENJIANG}), "zh") == "镇江"
    assert context.place_label(frozenset({"no-such-place"}), "en") == ""


def _layout_ids(component: Any) -> set[str]:
    found = {component.id} if isinstance(getattr(component, "id", None), str) else set()
    children = getattr(component, "children", None)
    children = children if isinstance(children, list | tuple) else [children]
    return found | {i for child in children if child is not None for i in _layout_ids(child)}


@pytest.fixture(scope="module")
def app() -> Dash:
    return create_app(FIXTURE_DATA)


def _wired(app: Dash) -> list[tuple[str, str]]:
    """(component id, property) of every output, input and state of the app's callbacks."""
    wired = []
    for key, callback in app.callback_map.items():
        # A callback without outputs is keyed by a hash, not by "id.prop" parts.
        outputs = [part.split(".")[0] for part in key.strip(".").split("...") if "." in part]
        wired += [(output, "output") for output in outputs]
        wired += [(dep["id"], "input") for dep in callback["inputs"]]
        wired += [(dep["id"], "state") for dep in callback["state"]]
    return wired


def test_every_callback_is_wired_to_a_component_of_the_page(app: Dash) -> None:
    present = _layout_ids(app.layout)
    declared = {
        value for name, value in vars(ids).items() if name.isupper() and isinstance(value, str)
    }
    wired = [(cid, role) for cid, role in _wired(app) if not cid.startswith("{")]  # patterns
    assert wired, "no callback registered"
    assert {cid for cid, _ in wired} - present == set(), "a callback names a missing component"
    assert {cid for cid, _ in wired} <= declared | {ids.text(key) for key in layout.TEXT_KEYS}


def test_the_controls_drive_the_map_and_the_url(app: Dash) -> None:
    inputs_of = {}
    for key, callback in app.callback_map.items():
        for dep in callback["inputs"]:
            inputs_of.setdefault(dep["id"], set()).add(key)
    for control, _prop in ids.CONTROLS:
        listeners = inputs_of.get(control, set())
        assert any("map.figure" in key for key in listeners), control
        assert any("url.search" in key for key in listeners), control
