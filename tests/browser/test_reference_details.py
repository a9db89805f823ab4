"""The reference pairs in the browser: doubtful and ended ties say so in the details panel."""

from __future__ import annotations

import pytest

from .harness import Dashboard

pytestmark = pytest.mark.browser

HOUSTON = "geonames:4699066"
FORT_WORTH = "geonames:4691930"


def test_a_low_confidence_record_says_so_in_the_details(embedded_dashboard: Dashboard) -> None:
    embedded_dashboard.open(f"?place={HOUSTON}")
    record = embedded_dashboard.page.locator("#details .record", has_text="Houston – Shenzhen")
    flag = record.locator(".flag-low")
    assert flag.count() == 1
    text = flag.inner_text()
    assert text.startswith("Low confidence:")
    assert "October 1989" in text
    steady = embedded_dashboard.page.locator("#details .record", has_text="climate").first
    assert steady.locator(".flag-low").count() == 0


def test_an_ended_tie_shows_its_status_and_end(embedded_dashboard: Dashboard) -> None:
    embedded_dashboard.open(f"?place={FORT_WORTH}&lang=zh")
    status = embedded_dashboard.page.locator("#details .status")
    assert status.inner_text() == "状态: 已终止 (2025)"


def test_the_about_panel_gives_the_nationwide_totals(embedded_dashboard: Dashboard) -> None:
    embedded_dashboard.open()
    about = embedded_dashboard.page.locator("#about")
    about.locator("summary").click()
    assert "2022: 284 (50 sister province/state pairs and 234 sister-city pairs)" in (
        about.inner_text()
    )
