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
from partnermap.page.describe_map import twin

from .axe import violations
from .harness import FIXTURE_DATA, Dashboard

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
    expect(region).to_have_text(twin(expected(), None, "en"), timeout=WAIT_MS)

    page.locator("#filter-level").get_by_text("City", exact=True).click()
    city = expected(level="city")
    expect(region).to_have_text(twin(city, None, "en"), timeout=WAIT_MS)

    page.locator("#data-table tbody button", has_text="Zhenjiang").click()
    selected = ["place", ZHENJIANG]
    expect(region).to_have_text(twin(city, selected, "en"), timeout=WAIT_MS)
    assert region.inner_text().endswith("Selected: Zhenjiang, 3 agreements.")

    page.get_by_text("中文", exact=True).click()
    expect(region).to_have_text(twin(city, selected, "zh"), timeout=WAIT_MS)
    assert region.inner_text().startswith("地图显示")
    assert region.inner_text().endswith("已选择：镇江，3 项协议。")
