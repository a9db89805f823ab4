"""The Export menu in a real browser: each click downloads a file whose content is the view."""

from __future__ import annotations

import csv
import functools
import io
import json
import struct
from pathlib import Path
from typing import Any

import pytest

from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.data.view import MapView, build_view
from partnermap.exports.build import corpus_index

pytestmark = pytest.mark.browser

ZHENJIANG = "geonames:1784642"
FIXTURE_DATA = Path(__file__).resolve().parent.parent / "fixtures" / "dashboard"
#: The ``dashboard`` fixture of ``conftest.py``: a page of the app served on the test corpus.
Dashboard = Any


@functools.cache
def _index():  # type: ignore[no-untyped-def]
    return corpus_index(load_corpus(FIXTURE_DATA))


def expected(**filters: object) -> MapView:
    """The view the test corpus gives for ``filters``, computed without the browser."""
    return build_view(_index(), FilterState(**filters))  # type: ignore[arg-type]


def _download(board: Dashboard, fmt: str, tmp_path: Path, title: str | None = None) -> Path:
    page = board.page
    if page.locator("#export-menu").get_attribute("open") is None:
        page.click("#export-menu summary")
    if title is not None:
        page.fill("#export-title", title)
    with page.expect_download(timeout=60_000) as info:
        page.click(f"#export-menu button:has-text('{fmt}')")
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    return target


def test_csv_download_holds_the_filtered_records(dashboard: Dashboard, tmp_path: Path) -> None:
    dashboard.open("?sector=climate-policy")
    path = _download(dashboard, "CSV", tmp_path)
    assert path.suffix == ".csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    view = expected(sectors=frozenset({"climate-policy"}))
    assert {row["record_id"] for row in rows} == {record.id for record in view.records}


def test_geojson_download_follows_the_place_filter(dashboard: Dashboard, tmp_path: Path) -> None:
    dashboard.open(f"?place={ZHENJIANG}")
    collection = json.loads(_download(dashboard, "GeoJSON", tmp_path).read_text("utf-8"))
    view = expected(place=frozenset({ZHENJIANG}))
    assert {f["properties"]["record_id"] for f in collection["features"]} == {
        record.id for record in view.records
    }


def test_png_download_is_a_slide_at_twice_the_scale_with_the_title(
    dashboard: Dashboard, tmp_path: Path
) -> None:
    dashboard.open()
    path = _download(dashboard, "PNG", tmp_path, title="Board briefing")
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (2560, 1440)
    assert path.name.startswith("board-briefing-")


def test_svg_download_in_chinese_names_zhenjiang(dashboard: Dashboard, tmp_path: Path) -> None:
    dashboard.open(f"?lang=zh&place={ZHENJIANG}")
    svg = _download(dashboard, "SVG", tmp_path).read_text(encoding="utf-8")
    assert "镇江" in svg
    assert "地点: 镇江" in svg


def test_the_typed_title_survives_a_language_change(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    page.click("#export-menu summary")
    page.fill("#export-title", "Board briefing")
    page.get_by_text("中文", exact=True).click()
    dashboard.settle()
    assert page.locator("#export-title").input_value() == "Board briefing"
    assert (
        page.locator("#export-title").get_attribute("placeholder")
        != "US–China subnational partnerships"
    )
