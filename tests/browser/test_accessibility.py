"""The dashboard for every reader: axe-core finds nothing on the five views of issue 21.

axe-core 4 (tests/fixtures/axe) runs all its rules, every impact. Before issue 21 the default
view had 5 rules violated: nested-interactive (7 nodes), aria-allowed-role (7),
aria-input-field-name (3), aria-hidden-focus (2) and landmark-unique (1); the open export menu
added 3, 3 and 1 nodes to the first three.
"""

from __future__ import annotations

import functools

import pytest
from playwright.sync_api import expect

from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.data.view import MapView, build_index, build_view, regions_from_geojson
from partnermap.geo.basemap import admin1_geojson
from partnermap.layers.text_twin import describe

from .axe import violations
from .harness import _TWO_FRAMES, FIXTURE_DATA, Dashboard

pytestmark = pytest.mark.browser

ZHENJIANG = "geonames:1784642"
#: Long enough for a change's callbacks on a busy two-core machine.
WAIT_MS = 30_000


@functools.cache
def _index():  # type: ignore[no-untyped-def]
    return build_index(load_corpus(FIXTURE_DATA), regions_from_geojson(admin1_geojson()))


def expected(**filters: object) -> MapView:
    """The view the test corpus gives for ``filters``, computed without the browser."""
    return build_view(_index(), FilterState(**filters))  # type: ignore[arg-type]


def _no_violations(board: Dashboard) -> None:
    found = violations(board.page)
    assert found == [], "\n".join(f"{v['id']} ({v['impact']}): {v['nodes']}" for v in found)


def test_default_view(dashboard: Dashboard) -> None:
    dashboard.open()
    _no_violations(dashboard)


def test_filtered_view(dashboard: Dashboard) -> None:
    dashboard.open("?sector=climate-policy&from=2010")
    _no_violations(dashboard)


def test_selection_with_details(dashboard: Dashboard) -> None:
    dashboard.open(f"?select=place,{ZHENJIANG}")
    dashboard.page.wait_for_selector("#details h3:has-text('Zhenjiang')")
    _no_violations(dashboard)


def test_export_menu_open(dashboard: Dashboard) -> None:
    dashboard.open()
    dashboard.page.click("#export-menu summary")
    dashboard.page.wait_for_selector("#export-menu[open] #export-size", state="visible")
    _no_violations(dashboard)


def test_chinese_view(dashboard: Dashboard) -> None:
    dashboard.open("?lang=zh")
    dashboard.page.wait_for_selector("html[lang=zh-CN] #text-title:has-text('中美')")
    _no_violations(dashboard)


def test_the_live_region_says_what_the_map_shows_in_both_languages(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    region = page.locator("#map-text")
    assert region.get_attribute("role") == "status"
    assert region.get_attribute("aria-live") == "polite"
    expect(region).to_have_text(describe(expected(), "en"), timeout=WAIT_MS)

    page.locator("#filter-level").get_by_text("City", exact=True).click()
    city = expected(level="city")
    expect(region).to_have_text(describe(city, "en"), timeout=WAIT_MS)

    page.locator("#data-table tbody button", has_text="Zhenjiang").click()
    selected = ["place", ZHENJIANG]
    expect(region).to_have_text(describe(city, "en", selected), timeout=WAIT_MS)
    assert region.inner_text().endswith("Selected: Zhenjiang, 3 agreements.")

    page.get_by_text("中文", exact=True).click()
    expect(region).to_have_text(describe(city, "zh", selected), timeout=WAIT_MS)
    assert region.inner_text().startswith("地图显示")
    assert region.inner_text().endswith("已选择：镇江，3 项协议。")


#: Where the focus is: the element's tag and text, and the nearest landmark-ish id round it.
_FOCUSED = """() => {
  const e = document.activeElement;
  const within = e.closest('#lang-toggle, #export-menu, #filter-sector, #filter-type, #filter-level,'
      + ' #filter-evidence, #filter-years, #play, #play-mode, #place-search, #map, #timeline-facet, #details, #data-table, #about');
  return (within ? within.id : 'page') + ' ' + e.tagName.toLowerCase() + ' '
      + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30);
}"""
#: The width of the focus ring round the focused element (its input frame for Dash's inputs).
_RING = """() => {
  const e = document.activeElement;
  const framed = e.closest('.dash-input-container') || e;
  const style = getComputedStyle(framed);
  return style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
}"""


def _press_until(board: Dashboard, selector: str, key: str = "Tab", limit: int = 60) -> list[str]:
    """Press ``key`` until the focus is on ``selector``; return where it went on the way."""
    passed = []
    for _ in range(limit):
        board.page.keyboard.press(key)
        if board.page.evaluate("(s) => document.activeElement.matches(s)", selector):
            assert board.page.evaluate(_RING) >= 2, f"no focus ring on {selector}"
            return passed
        passed.append(board.page.evaluate(_FOCUSED))
    raise AssertionError(f"{key} never reached {selector}; it went {passed}")


def test_every_stop_of_the_tab_order_shows_a_focus_ring(dashboard: Dashboard) -> None:
    dashboard.open(f"?select=place,{ZHENJIANG}")
    dashboard.page.wait_for_selector("#details h3:has-text('Zhenjiang')")
    stops = []
    for _ in range(120):
        dashboard.page.keyboard.press("Tab")
        if dashboard.page.evaluate("document.activeElement === document.body"):
            break
        stops.append((dashboard.page.evaluate(_FOCUSED), dashboard.page.evaluate(_RING)))
    else:
        raise AssertionError("the tab order never came back round to the page")
    landmarks = list(dict.fromkeys(where.split()[0] for where, _ in stops))
    # Header, filters in reading order, the map, the stacking, the details, the table.
    assert landmarks[:11] == [
        "lang-toggle",
        "export-menu",
        "filter-sector",
        "filter-type",
        "filter-level",
        "filter-evidence",
        "filter-years",
        "play",
        "play-mode",
        "place-search",
        "map",
    ], landmarks
    assert (
        landmarks.index("timeline-facet")
        < landmarks.index("details")
        < landmarks.index("data-table")
    )
    assert [where for where, ring in stops if ring < 2] == []


def test_a_keyboard_alone_walks_filter_year_table_details_export(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    region = page.locator("#map-text")

    # Filter: the sector dropdown opens on Enter into its search box; an arrow reaches the
    # option, Space ticks it, Escape closes the list and gives the focus back.
    _press_until(dashboard, "#filter-sector")
    page.keyboard.press("Enter")
    expect(page.locator(".dash-dropdown-search")).to_be_focused()
    page.keyboard.type("Climate")
    options = page.locator(".dash-dropdown-content .dash-options-list-option")
    expect(options).to_have_count(1)
    # The dropdown's key handler follows its filtered options a render after they show.
    page.evaluate(_TWO_FRAMES)
    page.keyboard.press("ArrowDown")
    option = page.locator(".dash-dropdown-content input[value='climate-policy']")
    expect(option).to_be_focused()
    page.keyboard.press("Space")
    expect(option).to_be_checked()
    page.keyboard.press("Escape")
    expect(page.locator("#filter-sector")).to_be_focused()  # given back once the list has closed
    assert page.locator("#filter-sector").get_attribute("aria-expanded") == "false"
    climate = frozenset({"climate-policy"})
    expect(region).to_have_text(describe(expected(sectors=climate), "en"), timeout=WAIT_MS)

    # Year: the slider's first thumb, ten years a page, one an arrow: 1981 -> 2015.
    _press_until(dashboard, "#filter-years [role=slider]")
    for key in ["PageUp"] * 3 + ["ArrowRight"] * 4:
        page.keyboard.press(key)
    late = expected(sectors=climate, year_from=2015)
    expect(region).to_have_text(describe(late, "en"), timeout=WAIT_MS)
    expect(page.locator("#filter-years [role=slider]").first).to_have_attribute(
        "aria-valuenow", "2015"
    )

    # Table row: Enter on a place lists its agreements and takes the focus to them.
    _press_until(dashboard, f"#data-table tbody button[data-selection*='{ZHENJIANG}']")
    page.keyboard.press("Enter")
    expect(page.locator("#details h3")).to_contain_text("Zhenjiang", timeout=WAIT_MS)
    expect(page.locator("#details")).to_be_focused()
    assert page.evaluate(_RING) >= 2
    expect(region).to_have_text(describe(late, "en", ["place", ZHENJIANG]), timeout=WAIT_MS)

    # Details: the next stop is inside them (a source), the one after leaves for the table.
    page.keyboard.press("Tab")
    assert page.evaluate(_FOCUSED).startswith("details a")

    # Export: back up the page to the menu, open it, set a title and a size, download.
    passed = _press_until(dashboard, "#export-summary", key="Shift+Tab")
    went = list(dict.fromkeys(where.split()[0] for where in passed))
    assert went.index("timeline-facet") < went.index("map") < went.index("filter-sector"), went
    page.keyboard.press("Enter")
    expect(page.locator("#export-menu")).to_have_attribute("open", "")
    _press_until(dashboard, "#export-title")
    page.keyboard.type("Keyboard only")
    _press_until(dashboard, "#export-size input:checked")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#export-size input[value=a4]")).to_be_checked()
    _press_until(dashboard, "#export-body button[id*='csv']")
    with page.expect_download(timeout=WAIT_MS) as download:
        page.keyboard.press("Enter")
    path = download.value.path()
    assert download.value.suggested_filename.startswith("keyboard-only-")
    assert "Zhenjiang" in path.read_text(encoding="utf-8")

    # Escape closes the menu from inside it and gives the focus back to its summary.
    page.keyboard.press("Escape")
    expect(page.locator("#export-menu")).not_to_have_attribute("open", "")
    expect(page.locator("#export-summary")).to_be_focused()


def test_a_place_is_reached_by_keyboard_search(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    _press_until(dashboard, "#place-search")
    page.keyboard.type("镇江")
    page.keyboard.press("Enter")
    expect(page.locator("#details h3")).to_contain_text("Zhenjiang", timeout=WAIT_MS)
    found = expected(place=frozenset({ZHENJIANG}))
    expect(page.locator("#map-text")).to_have_text(describe(found, "en"), timeout=WAIT_MS)
