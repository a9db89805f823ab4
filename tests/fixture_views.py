"""Views of the small dashboard test corpus (tests/fixtures/dashboard), shared by layer tests."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.data.view import CorpusIndex, MapView, build_index, build_view, regions_from_geojson
from partnermap.geo.basemap import admin1_geojson

DATA = Path(__file__).resolve().parent / "fixtures" / "dashboard"
ZHENJIANG, CALIFORNIA, LOS_ANGELES = "geonames:1784642", "US-CA", "geonames:5368361"


@functools.cache
def fixture_index() -> CorpusIndex:
    """The test corpus, indexed once per test run."""
    return build_index(load_corpus(DATA), regions_from_geojson(admin1_geojson()))


def view(**filters: object) -> MapView:
    """The view of the test corpus for ``filters`` (FilterState fields)."""
    return build_view(fixture_index(), FilterState(**filters))  # type: ignore[arg-type]


def validated(traces: list[dict[str, Any]]) -> tuple[BaseTraceType, ...]:
    """A layer's traces as plotly's graph objects: every key checked, attributes to read."""
    return go.Figure(data=traces).data
