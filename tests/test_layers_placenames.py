"""Label layer: the busiest places named in the interface language."""

from __future__ import annotations

import functools
from pathlib import Path

from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.data.view import MapView, build_index, build_view, regions_from_geojson
from partnermap.geo.basemap import admin1_geojson
from partnermap.layers import placenames

DATA = Path(__file__).resolve().parent / "fixtures" / "dashboard"
ZHENJIANG, CALIFORNIA, LOS_ANGELES = "geonames:1784642", "US-CA", "geonames:5368361"


@functools.cache
def _index():  # type: ignore[no-untyped-def]
    return build_index(load_corpus(DATA), regions_from_geojson(admin1_geojson()))


def view(**filters: object) -> MapView:
    return build_view(_index(), FilterState(**filters))  # type: ignore[arg-type]


def test_labels_the_busiest_places_in_either_language() -> None:
    (en,) = placenames.traces(view(), "en")
    (zh,) = placenames.traces(view(), "zh")
    assert en.mode == "text" and en.hoverinfo == "skip"
    assert len(en.text) == min(placenames.LABELLED, len(view().points))
    assert "Zhenjiang" in en.text and "镇江" in zh.text
    assert en.text[0] == view().points["name_en"].iloc[0]


def test_label_text_is_escaped() -> None:
    (trace,) = placenames.traces(view(place=frozenset({LOS_ANGELES})), "en")
    assert all("<" not in label for label in trace.text)
