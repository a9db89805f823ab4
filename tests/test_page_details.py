"""Details panel: a clicked place or arc lists its agreements, sources and quotes as text."""

from __future__ import annotations

import pytest
from dash import html
from fixture_views import CALIFORNIA, LOS_ANGELES, ZHENJIANG, view

from partnermap.data.view import selected_records
from partnermap.page import details


def _text(component: object) -> str:
    """All the text of a Dash component tree."""
    if isinstance(component, str):
        return component
    if isinstance(component, list | tuple):
        return " ".join(_text(c) for c in component)
    children = getattr(component, "children", None)
    return "" if children is None else _text(children)


def _find(component: object, kind: type) -> list:
    found = [component] if isinstance(component, kind) else []
    children = getattr(component, "children", None)
    children = children if isinstance(children, list | tuple) else [children]
    if isinstance(component, list | tuple):
        children = component
    return found + [f for child in children if child is not None for f in _find(child, kind)]


def test_click_data_to_selection() -> None:
    place = {"points": [{"customdata": ["place", ZHENJIANG]}]}
    pair = {"points": [{"customdata": ["pair", ZHENJIANG, CALIFORNIA]}]}
    assert details.selection_from_click(place) == ("place", ZHENJIANG)
    assert details.selection_from_click(pair) == ("pair", ZHENJIANG, CALIFORNIA)
    assert details.selection_from_click({"points": [{"location": "US-CA"}]}) is None
    assert details.selection_from_click(None) is None


def test_a_place_lists_its_agreements_with_source_and_quote() -> None:
    children = details.panel(view(), ["place", ZHENJIANG], "en")
    text = _text(children)
    assert "Zhenjiang · 镇江: 3 agreements" in text
    assert "Plan of Actions on Low Carbon Cooperation" in text
    assert "2015-12-07" in text and "Low-carbon planning" in text
    quotes = [_text(q) for q in _find(children, html.Blockquote)]
    assert "reach a Plan of Actions to cooperate with each other in the near term" in quotes
    links = [a.href for a in _find(children, html.A)]
    assert "sources/000_80f17e6f35c162c6.txt" in links
    # the source is cited by its name, as the exports cite it, not by its file's
    captions = [_text(c) for c in _find(children, html.Figcaption)]
    cited = [c for c in captions if "Zhenjiang Municipal People's Government" in c]
    assert cited and all("lines" in c and ".txt" not in c for c in cited), captions


def test_an_arc_lists_the_agreements_of_both_places() -> None:
    records = selected_records(view(), ("pair", ZHENJIANG, CALIFORNIA))
    assert [r.id for r in records] == [
        "zhenjiang-california-plan-of-actions",
        "zhenjiang-california-mou",
    ]
    text = _text(details.panel(view(), ("pair", ZHENJIANG, CALIFORNIA), "zh"))
    assert "镇江 · Zhenjiang — 加利福尼亚州 · California: 2 项协议" in text
    assert "关于加强低碳发展合作的行动计划" in text


def test_only_kept_records_are_listed() -> None:
    records = selected_records(
        view(year_to=2015, sectors=frozenset({"culture"})), ("place", LOS_ANGELES)
    )
    assert [r.id for r in records] == ["los-angeles-guangzhou-sister-cities"]


def test_the_place_filter_fills_the_panel_without_a_click() -> None:
    text = _text(details.panel(view(place=frozenset({ZHENJIANG})), None, "en"))
    assert "Zhenjiang · 镇江: 3 agreements" in text


def test_nothing_selected_gives_a_hint() -> None:
    (hint,) = details.panel(view(), None, "en")
    assert "Click a place" in _text(hint)
    (hint,) = details.panel(view(sectors=frozenset({"public-health"})), ["place", ZHENJIANG], "zh")
    assert "点击" in _text(hint)


def test_record_text_stays_plain_text() -> None:
    children = details.panel(view(), ["place", LOS_ANGELES], "en")
    titles = [_text(h) for h in _find(children, html.H4)]
    assert "BYD & Los Angeles <electric bus> agreement ($)" in titles
    url_links = [a for a in _find(children, html.A) if a.href.startswith("https://")]
    assert all(a.rel == "noopener noreferrer" for a in url_links)


def test_a_state_or_province_lists_the_agreements_of_the_places_inside_it() -> None:
    california = {r.id for r in selected_records(view(), ("region", CALIFORNIA))}
    los_angeles = {r.id for r in selected_records(view(), ("place", LOS_ANGELES))}
    assert los_angeles < california
    text = _text(details.panel(view(), ["region", "cn:320000"], "en"))
    assert "Jiangsu · 江苏省: 3 agreements" in text
    click = {"points": [{"location": "US-CA", "customdata": ["region", "US-CA"]}]}
    assert details.selection_from_click(click) == ("region", "US-CA")


def test_a_selection_of_unknown_places_gives_a_hint() -> None:
    for selection in (("place", "geonames:0"), ("pair", "US-ZZ", ZHENJIANG), ("region", "cn:999")):
        (hint,) = details.panel(view(), selection, "en")
        assert isinstance(hint, html.P) and hint.className == "hint"


def test_a_long_list_names_every_agreement_in_its_count_and_lists_the_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(details, "MAX_LISTED", 2)
    children = details.panel(view(), ["place", ZHENJIANG], "en")
    heading = _text(children[0])
    assert heading.startswith("Zhenjiang · 镇江: 3 agreements (the first 2 listed")
    assert len(_find(children, html.Li)) == 2
    zh = _text(details.panel(view(), ["place", ZHENJIANG], "zh")[0])
    assert "3 项协议" in zh and "前 2 项" in zh
