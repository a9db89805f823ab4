"""The page: every stable hook is present, and every interface text exists in both languages."""

from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc, html

from partnermap.data import texts
from partnermap.data.loader import load_corpus
from partnermap.page import ids, layout


def _ids(component: object) -> set[str]:
    found = {component.id} if isinstance(getattr(component, "id", None), str) else set()
    children = getattr(component, "children", None)
    children = children if isinstance(children, list | tuple) else [children]
    return found | {i for child in children if child is not None for i in _ids(child)}


def test_layout_has_every_stable_hook() -> None:
    tree = layout.page(go.Figure(), go.Figure(), (1979, 2020))
    hooks = {
        "map",
        "timeline",
        "filter-sector",
        "filter-type",
        "filter-level",
        "filter-years",
        "place-search",
        "details",
        "data-table",
        "summary",
        "lang-toggle",
        "export-menu",
    }
    found = _ids(tree)
    assert hooks <= found
    assert {ids.text(key) for key in layout.TEXT_KEYS} <= found


def test_the_map_fetches_its_basemap_from_the_app() -> None:
    tree = layout.page(go.Figure(), go.Figure(), (1979, 2020))
    graph = layout.map_panel(go.Figure()).children[1]
    assert isinstance(graph, dcc.Graph)
    assert graph.config["topojsonURL"] == "basemap/"
    assert isinstance(tree, html.Div)


def test_translations_cover_the_same_props_in_both_languages() -> None:
    en, zh = layout.translations("en"), layout.translations("zh", load_corpus().dataset)
    assert en.keys() == zh.keys() == set(layout.translated_props())
    assert zh[ids.TITLE, "children"] == "中美地方合作伙伴关系"
    sectors = {o["value"]: o["label"] for o in zh[ids.FILTER_SECTOR, "options"]}
    assert sectors["culture"] == "文化与友好交流"


def test_year_marks_do_not_crowd_the_ends() -> None:
    assert list(layout._year_marks(1981, 2015)) == [1981, 1990, 2000, 2015]
    assert list(layout._year_marks(1979, 2024)) == [1979, 1990, 2000, 2010, 2024]
    # a world registry's seventy-five years: every tenth year would touch its neighbours
    assert list(layout._year_marks(1950, 2025)) == [1950, 1980, 2000, 2025]
    assert list(layout._year_marks(2010, 2024)) == [2010, 2015, 2020, 2024]


def test_counts_read_naturally() -> None:
    assert texts.agreements(1, "en") == "1 agreement"
    assert texts.agreements(2, "en") == "2 agreements"
    assert texts.places(31, "zh") == "31 个地点"
    assert texts.bilingual("Zhenjiang", "镇江", "zh") == "镇江 · Zhenjiang"
    assert texts.bilingual("Oak Ridge", None) == "Oak Ridge"
    assert texts.name("Oak Ridge", None, "zh") == "Oak Ridge"
