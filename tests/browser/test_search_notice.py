"""Place search in chromium, on the embedded data: Enter on a name says in words what it found.

A name one letter off or a historical one finds its place; a name that matches no place says
so and names the places spelled like it, in English and in 中文 (issue 15). Every wait is for
the page's own state, never for time.
"""

from __future__ import annotations

import pytest

from .harness import Dashboard

pytestmark = pytest.mark.browser

ZHENJIANG = "geonames%3A1784642"
GUANGZHOU = "geonames%3A1809858"


def _search(board: Dashboard, typed: str) -> None:
    board.page.fill("#place-search", typed)
    board.page.press("#place-search", "Enter")
    board.settle()


@pytest.mark.parametrize(("typed", "place"), [("zhenjang", ZHENJIANG), ("Canton", GUANGZHOU)])
def test_a_typo_or_a_historical_name_finds_the_place(
    embedded_dashboard: Dashboard, typed: str, place: str
) -> None:
    embedded_dashboard.open()
    _search(embedded_dashboard, typed)
    embedded_dashboard.page.wait_for_function(f"() => location.search.includes('place={place}')")
    assert embedded_dashboard.page.locator("#place-message").inner_text() == ""


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "No place named “Zhenjong” — did you mean Zhenjiang"),
        ("zh", "没有名为“Zhenjong”的地点——您要找的是不是镇江"),
    ],
)
def test_a_name_matching_no_place_says_so_and_what_was_meant(
    embedded_dashboard: Dashboard, lang: str, said: str
) -> None:
    embedded_dashboard.open(f"?lang={lang}")
    _search(embedded_dashboard, "Zhenjong")
    embedded_dashboard.page.wait_for_function(
        "() => document.querySelector('#place-message').textContent.length > 0"
    )
    text = embedded_dashboard.page.locator("#place-message").inner_text()
    assert text.startswith(said), text
    assert "place=" not in text and "Ignored" not in text
