"""The dashboard for every reader: axe-core finds nothing on the five views of issue 21.

axe-core 4 (tests/fixtures/axe) runs all its rules, every impact. Before issue 21 the default
view had 5 rules violated: nested-interactive (7 nodes), aria-allowed-role (7),
aria-input-field-name (3), aria-hidden-focus (2) and landmark-unique (1); the open export menu
added 3, 3 and 1 nodes to the first three.
"""

from __future__ import annotations

import pytest

from .axe import violations
from .harness import Dashboard

pytestmark = pytest.mark.browser

ZHENJIANG = "geonames:1784642"


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
