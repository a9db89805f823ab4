"""The dashboard under its Content-Security-Policy, and hostile record text in a real browser.

A page records every ``securitypolicyviolation`` event (Playwright's init script is not subject
to the page's policy). The hostile corpus's scripts and handlers would set ``window.__pwned``
or open a dialog; both must stay untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.exports.build import corpus_index, export
from partnermap.exports.request import ExportRequest

from .harness import Dashboard, serve

pytestmark = pytest.mark.browser

HOSTILE = Path(__file__).resolve().parent.parent / "fixtures" / "hostile"
WATCH_CSP = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""
#: Elements the hostile text would create if it were read as HTML.
INJECTED = ", ".join(
    ["img[src='x']", "a[href^='javascript']", "iframe", "object", "embed"]
    + [f"{where} script" for where in ("#details", "#data-table", "#map", ".leaflet-pane")]
)


@pytest.fixture(scope="module")
def hostile_server() -> Iterator[str]:
    """The dashboard on tests/fixtures/hostile."""
    yield from serve(HOSTILE)


def _watched(browser: Browser, base_url: str) -> Iterator[tuple[Dashboard, list[str]]]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield Dashboard.watch(page, base_url), dialogs
    context.close()


@pytest.fixture
def watched(browser: Browser, fixture_server: str) -> Iterator[tuple[Dashboard, list[str]]]:
    yield from _watched(browser, fixture_server)


@pytest.fixture
def hostile(browser: Browser, hostile_server: str) -> Iterator[tuple[Dashboard, list[str]]]:
    yield from _watched(browser, hostile_server)


def _violations(board: Dashboard) -> list[str]:
    return board.page.evaluate("window.__violations")


def test_the_dashboard_works_under_its_policy(watched: tuple[Dashboard, list[str]]) -> None:
    board, _ = watched
    response = board.page.goto(board.base_url + "/")
    assert response is not None
    policy = response.headers["content-security-policy"]
    assert "'unsafe-eval'" not in policy and "script-src 'self' 'sha256-" in policy
    board.open()
    # Every part that runs script: a filter (server callbacks), the language toggle (a
    # clientside callback, allowed by its hash), the export menu, the map's hover label.
    board.page.click("#filter-sector")
    board.page.click(".dash-dropdown-option:has(input[value='climate-policy'])")
    board.page.keyboard.press("Escape")
    board.settle()
    board.page.get_by_text("中文", exact=True).click()
    board.settle()
    assert board.page.evaluate("document.documentElement.lang") == "zh-CN"
    board.page.click("#export-menu summary")
    board.page.wait_for_selector("#export-body", state="visible")
    board.page.locator("#map .scattergeo path.point").first.hover(force=True)
    board.page.wait_for_selector("#map .hoverlayer .hovertext")
    assert board.page.locator("#map .scattergeo path.point").count() > 0
    assert _violations(board) == []
    assert not [e for e in board.console_errors if "Content Security Policy" in e]
    assert board.console_errors == []


def test_hostile_text_is_shown_never_run(hostile: tuple[Dashboard, list[str]]) -> None:
    board, dialogs = hostile
    board.open()
    page = board.page
    # The table lists the places by their hostile names; a click opens their agreements.
    table = page.locator("#data-table")
    assert "<script>window.__pwned" in table.inner_text()
    table.locator("button.link").first.click()
    board.settle()
    details = page.locator("#details")
    text = details.inner_text()
    for literal in (
        '<script>window.__pwned="script"</script>',
        "<img src=x onerror=\"window.__pwned='img'\">",
        "$\\href{javascript:window.__pwned='tex'}{x}$",
        "\u202egnp.exe",
        "<script>window.__pwned='long'</script>" * 50,
    ):
        assert literal in text
    links = details.locator("a").evaluate_all("links => links.map(a => a.protocol)")
    assert set(links) <= {"http:", "https:"}
    # The map's hover label draws the names as text, no element made from them.
    page.locator("#map .scattergeo path.point").first.hover(force=True)
    page.wait_for_selector("#map .hoverlayer .hovertext")
    hover = page.locator("#map .hoverlayer")
    assert hover.locator("a").count() == 0
    assert "<script>window.__pwned" in (hover.text_content() or "")
    assert page.locator(INJECTED).count() == 0
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert _violations(board) == []


def test_hostile_text_in_folium_popups_is_inert(
    browser: Browser, tmp_path: Path, hostile: tuple[Dashboard, list[str]]
) -> None:
    corpus = load_corpus(HOSTILE)
    request = ExportRequest("html", FilterState(), "en", "<img src=x onerror=alert(1)>", "slide")
    path = tmp_path / "map.html"
    path.write_bytes(export(request, corpus.localities, corpus_index(corpus)).content)
    board, dialogs = hostile
    board.page.goto(path.as_uri())
    board.page.wait_for_selector(".leaflet-interactive")
    opened = board.page.evaluate(
        """() => {
            const maps = Object.values(window).filter(v => v instanceof L.Map);
            const texts = [];
            for (const map of maps) {
                map.eachLayer(layer => {
                    for (const [get, open] of [['getPopup', 'openPopup'], ['getTooltip', 'openTooltip']]) {
                        if (layer[get] && layer[get]() && layer.getLatLng) {
                            layer[open]();
                            const shown = document.querySelector('.leaflet-popup-content, .leaflet-tooltip');
                            if (shown) texts.push(shown.textContent);
                        }
                    }
                });
            }
            return texts;
        }"""
    )
    assert any("<script>window.__pwned" in text for text in opened)
    page = board.page
    assert page.locator(INJECTED).count() == 0
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
