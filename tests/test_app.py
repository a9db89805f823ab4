"""The app factory: data loaded once with bad records skipped, and everything served locally."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from partnermap.app import create_app

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    return create_app(FIXTURES / "dashboard").server.test_client()


def test_bad_records_are_reported_and_skipped(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="partnermap.app"):
        app = create_app(FIXTURES / "broken")
    skipped = [r.getMessage() for r in caplog.records if r.getMessage().startswith("skipped: ")]
    assert skipped, "each bad record is logged"
    assert app.layout is not None


def test_page_and_layout(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/").status_code == 200
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200
    assert '"topojsonURL": "basemap/"' in json.dumps(layout.get_json())


def test_basemap_and_shapes_are_served_locally(client) -> None:  # type: ignore[no-untyped-def]
    topojson = client.get("/basemap/world_110m.json")
    assert topojson.status_code == 200 and json.loads(topojson.data)["type"] == "Topology"
    shapes = json.loads(client.get("/geo/admin1.json").data)
    assert {f["id"] for f in shapes["features"]} >= {"US-CA", "cn:320000"}
    # the shapes alone: the names reach the page in the figure's text, not twice
    assert all(set(f) == {"type", "id", "geometry"} for f in shapes["features"])


def test_source_documents_and_nothing_else(client) -> None:  # type: ignore[no-untyped-def]
    source = client.get("/sources/000_80f17e6f35c162c6.txt")
    assert source.status_code == 200
    assert source.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "Plan of Actions" in source.get_data(as_text=True)
    escape = client.get("/sources/..%2Flocalities.yaml").get_data(as_text=True)
    assert "localities:" not in escape  # Dash's page, not the data file
    assert client.get("/sources/missing.txt").status_code == 404
