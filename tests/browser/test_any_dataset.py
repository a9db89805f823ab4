"""Any dataset in the browser: the evidence filter changes the map and the URL; an imported
table of French, German and Japanese towns shows its own title and its countries' colours."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser

from partnermap.data.table_import import import_table
from partnermap.layers import arcs, points
from partnermap.page import ids

from .conftest import _dashboard
from .harness import Dashboard, serve

TABLE = Path(__file__).resolve().parent.parent / "fixtures" / "tables" / "twin_towns_fr_de_jp.csv"
LISTED = [f"arcs-{kind.key}-listed" for kind in arcs.KINDS]


def _query(board: Dashboard) -> dict[str, list[str]]:
    return parse_qs(urlparse(board.page.url).query)


def _evidence(board: Dashboard, value: str) -> None:
    board.page.click(f"#{ids.FILTER_EVIDENCE} input[value='{value}']")
    board.settle()


def _drawn(board: Dashboard, uids: list[str]) -> int:
    lengths = board.trace_lengths()
    return sum(lengths[uid] for uid in uids)


def test_the_evidence_filter_changes_the_map_and_the_url(embedded_dashboard: Dashboard) -> None:
    board = embedded_dashboard
    board.open()
    everything = board.page.locator(f"#{ids.SUMMARY}").inner_text()
    banded = [uid for uid in board.trace_lengths() if uid.startswith("arcs-")]
    banded = [uid for uid in banded if uid not in LISTED]
    assert _drawn(board, LISTED) > 0 and _drawn(board, banded) > 0  # both styles on the map

    _evidence(board, "listed")
    assert _query(board)["evidence"] == ["listed"]
    assert board.page.locator(f"#{ids.SUMMARY}").inner_text() != everything
    assert _drawn(board, banded) == 0 and _drawn(board, LISTED) > 0  # every link dashed

    _evidence(board, "quoted")
    assert _query(board)["evidence"] == ["quoted"]
    assert _drawn(board, LISTED) == 0 and _drawn(board, banded) > 0

    _evidence(board, "")
    assert "evidence" not in _query(board)
    assert board.page.locator(f"#{ids.SUMMARY}").inner_text() == everything
    assert not board.console_errors, board.console_errors


def test_a_link_reopens_the_evidence_filter(embedded_dashboard: Dashboard) -> None:
    board = embedded_dashboard
    board.open("?evidence=listed&lang=zh")
    checked = board.page.locator(f"#{ids.FILTER_EVIDENCE} input:checked")
    assert checked.get_attribute("value") == "listed"
    assert board.page.locator(f"#{ids.FILTER_EVIDENCE}").get_by_text("仅见于名录").count() == 1
    assert _drawn(board, LISTED) > 0


@pytest.fixture(scope="module")
def imported_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``partnermap serve --data DIR`` on the FR/DE/JP table, imported with import-table."""
    out = tmp_path_factory.mktemp("twin-towns")
    import_table(TABLE, out)
    yield from serve(out)


@pytest.fixture
def imported(browser: Browser, imported_server: str) -> Iterator[Dashboard]:
    yield from _dashboard(browser, imported_server)


def test_an_imported_table_shows_its_own_title_and_country_colours(imported: Dashboard) -> None:
    imported.open()
    assert imported.page.locator(f"#{ids.TITLE}").inner_text() == "Twin towns fr de jp"
    colours = imported.page.evaluate(
        """() => Object.fromEntries(
            document.querySelector('#map .js-plotly-plot')._fullData
                .filter(t => t.uid.startsWith('points-'))
                .map(t => [t.uid, [t.marker.color, t.lat.length]]))"""
    )
    # Germany has most places (6), then France (5), then Japan (4): a colour each, in order.
    assert colours == {
        "points-DE": [points.COLORS["first"], 6],
        "points-FR": [points.COLORS["second"], 5],
        "points-JP": [points.COLORS["third"], 4],
    }
    swatches = imported.page.locator(f"#{ids.MAP_LEGEND} li .swatch").evaluate_all(
        "spans => spans.map(s => getComputedStyle(s).backgroundColor)"
    )
    assert swatches[:3] == ["rgb(200, 16, 46)", "rgb(0, 114, 178)", "rgb(51, 34, 136)"]
    legend = imported.page.locator(f"#{ids.MAP_LEGEND} li")
    assert legend.all_inner_texts()[:3] == ["Germany", "France", "Japan"]
    imported.page.get_by_text("中文", exact=True).click()
    imported.settle()
    assert imported.page.locator(f"#{ids.TITLE}").inner_text() == "Twin towns fr de jp"
    assert legend.all_inner_texts()[:3] == ["德国", "法国", "日本"]
    assert not imported.console_errors, imported.console_errors
