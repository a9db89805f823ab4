"""The standalone HTML export: escaped popups, and a map that draws with the network blocked."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.data.view import MapView, build_view
from partnermap.exports.build import corpus_index
from partnermap.exports.html import escape, map_page
from partnermap.exports.request import ExportRequest
from partnermap.layers import arcs, points
from partnermap.layers.figure import map_traces

FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "dashboard"
MARKUP_TITLE = "BYD & Los Angeles <electric bus> agreement ($)"


@functools.cache
def _fixture() -> tuple:
    corpus = load_corpus(FIXTURE_DATA)
    return corpus, corpus_index(corpus)


def _page(state: FilterState | None = None, lang: str = "en") -> tuple[str, MapView]:
    corpus, index = _fixture()
    state = state or FilterState()
    view = build_view(index, state)
    return map_page(view, ExportRequest("html", state, lang), corpus.localities), view


def test_escape_covers_html_and_template_literals() -> None:
    assert escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert "${" not in escape("${alert(1)}")
    assert "`" not in escape("`")
    assert "\\" not in escape("a\\u")


def test_record_text_reaches_the_page_escaped() -> None:
    page, _ = _page()
    assert MARKUP_TITLE not in page
    assert "BYD &amp; Los Angeles &lt;electric bus&gt; agreement (&#36;)" in page


def _drawn(page: str, uid: str) -> int:
    return page.count(f'"className": "pm-{uid}"') + page.count(f'"className": "pm-line pm-{uid}')


def test_the_page_draws_what_the_dashboard_draws(monkeypatch: pytest.MonkeyPatch) -> None:
    page, view = _page()
    traces = {t["uid"]: t for t in map_traces(view, "en")}
    for uid in ("points-CN", "points-US", "arc-midpoints"):
        assert _drawn(page, uid) == len(traces[uid]["lat"]), uid
    assert _drawn(page, "points-CN") + _drawn(page, "points-US") == len(points.drawn(view))
    assert page.count('class=\\"pm-hub\\"') == len(set(view.hubs["id"]))
    assert page.count('"className": "pm-label"') == len(traces["place-names"]["text"]) > 0
    assert "the map draws" not in page
    monkeypatch.setattr(points, "MAX_DRAWN", 3)
    monkeypatch.setattr(arcs, "MAX_DRAWN", 2)
    page, view = _page()
    assert _drawn(page, "points-CN") + _drawn(page, "points-US") == 3
    assert _drawn(page, "arc-midpoints") == 2
    assert "the map draws the 3 places and 2 links with most agreements" in page


def test_popups_carry_the_quote() -> None:
    page, _ = _page()
    quote = "reach a Plan of Actions to cooperate with each other in the near term"
    assert f"<blockquote>{quote}</blockquote>" in page


def test_the_page_links_no_outside_resource() -> None:
    page, _ = _page()
    head = page.split("<body")[0]
    assert "<script src" not in page
    assert 'rel="stylesheet"' not in head
    assert "tile.openstreetmap" not in page


@pytest.mark.browser
def test_map_draws_in_chromium_with_every_request_blocked(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    page_html, view = _page(lang="zh")
    path = tmp_path / "map.html"
    path.write_text(page_html, encoding="utf-8")
    url = path.as_uri()
    blocked: list[str] = []
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium")
        context = browser.new_context(offline=True)

        def route(r):  # type: ignore[no-untyped-def]
            if r.request.url == url:
                return r.continue_()
            blocked.append(r.request.url)
            return r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        page.wait_for_selector("path.pm-points-CN")
        drawn = page.locator("path.pm-points-CN, path.pm-points-US").count()
        assert drawn == len(points.drawn(view))
        assert page.locator("path.pm-arc-midpoints").count() == len(view.arcs)
        assert page.locator("path.pm-line").count() == len(view.arcs)
        assert page.locator(".pm-legend").inner_text().count("中国") == 1
        # A popup shows record text as written, never as markup.
        shown = page.evaluate(
            """() => { for (const v of Object.values(window)) {
                 if (v instanceof L.CircleMarker && v.getPopup()) {
                   const text = v.getPopup().getContent().textContent;
                   if (text.includes('electric bus')) { v.openPopup(); return text; } } }
               return null; }"""
        )
        injected = page.locator(".leaflet-popup-content electric").count()
        browser.close()
    assert not errors, errors
    assert not blocked, blocked
    assert shown is not None and MARKUP_TITLE in shown
    assert injected == 0
