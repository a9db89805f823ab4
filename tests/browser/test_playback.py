"""Year playback in a real browser: the year advances, the map follows, the URL keeps the year."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from .harness import Dashboard
from .test_dashboard import drawn, expected

pytestmark = pytest.mark.browser

#: True once the page's address says the map shows years up to at least ``to``.
_REACHED = """(to) => Number(new URLSearchParams(location.search).get("to")) >= to"""


def _slider(board: Dashboard) -> list[int]:
    thumbs = board.page.locator("#filter-years [role=slider]")
    return [int(thumbs.nth(i).get_attribute("aria-valuenow") or 0) for i in range(2)]


def _play_until(board: Dashboard, to: int) -> list[int]:
    """Press play, wait until the clock has stepped the years up to ``to``, pause; the years."""
    board.page.click("#play")
    board.page.wait_for_selector("#play.playing")
    board.page.wait_for_function(_REACHED, arg=to, timeout=60_000)
    board.page.click("#play")
    board.page.wait_for_selector("#play:not(.playing)")
    board.settle()
    return _slider(board)


def test_play_steps_one_year_at_a_time_and_the_map_follows(dashboard: Dashboard) -> None:
    dashboard.open()
    first, _ = expected().years or (0, 0)
    start, end = _play_until(dashboard, first + 2)
    assert start == end >= first + 2
    query = parse_qs(urlparse(dashboard.page.url).query)
    assert (query["from"], query["to"]) == ([str(start)], [str(end)])
    view = expected(year_from=start, year_to=end)
    assert dashboard.map_counts() == drawn(view)


def test_cumulative_play_keeps_the_first_year_and_a_link_reopens_the_year(
    dashboard: Dashboard,
) -> None:
    dashboard.open()
    first, _ = expected().years or (0, 0)
    dashboard.page.click("#play-mode input[value=cumulative]")
    start, end = _play_until(dashboard, first + 3)
    assert start == first and end >= first + 3
    view = expected(year_from=start, year_to=end)
    assert dashboard.map_counts() == drawn(view)
    summary = dashboard.page.locator("#summary").inner_text()

    reopened = Dashboard.watch(dashboard.page.context.new_page(), dashboard.base_url)
    reopened.open(dashboard.page.url.removeprefix(dashboard.base_url + "/"))
    assert _slider(reopened) == [start, end]
    assert reopened.page.locator("#summary").inner_text() == summary
    assert reopened.map_counts() == drawn(view)
