"""Summary line: counts as numbers, and a clear message when nothing matches."""

from __future__ import annotations

import functools
from pathlib import Path

from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.data.view import MapView, build_index, build_view, regions_from_geojson
from partnermap.geo.basemap import admin1_geojson
from partnermap.layers.summary import summary

DATA = Path(__file__).resolve().parent / "fixtures" / "dashboard"
ZHENJIANG, CALIFORNIA, LOS_ANGELES = "geonames:1784642", "US-CA", "geonames:5368361"


@functools.cache
def _index():  # type: ignore[no-untyped-def]
    return build_index(load_corpus(DATA), regions_from_geojson(admin1_geojson()))


def view(**filters: object) -> MapView:
    return build_view(_index(), FilterState(**filters))  # type: ignore[arg-type]


def test_summary_counts_agreements_places_and_years() -> None:
    v = view()
    assert summary(v, "en") == f"{len(v.records)} agreements · {len(v.points)} places · 1981–2015"
    assert summary(v, "zh") == f"{len(v.records)} 项协议 · {len(v.points)} 个地点 · 1981–2015"


def test_single_year_and_singular() -> None:
    v = view(sectors=frozenset({"nuclear-energy"}))
    assert summary(v, "en") == "1 agreement · 3 places · 2014"


def test_nothing_matches() -> None:
    assert summary(view(sectors=frozenset({"public-health"})), "en").startswith(
        "No agreement matches these filters."
    )
