"""Point layer: places sized by agreements, coloured by country, clickable."""

from __future__ import annotations

import numpy as np
import pytest
from fixture_views import ZHENJIANG, validated, view

from partnermap.layers import points


def test_one_trace_per_country_always() -> None:
    china, us = validated(points.traces(view(), "en"))
    assert (china.uid, us.uid) == ("points-CN", "points-US")
    assert (china.name, us.name) == ("China", "United States")
    assert china.marker.color != us.marker.color
    v = view()
    assert len(china.lat) + len(us.lat) == int((~v.points["national"]).sum())
    empty = validated(points.traces(view(sectors=frozenset({"public-health"})), "zh"))
    assert [len(t.lat) for t in empty] == [0, 0]
    assert empty[0].name == "中国"


def test_countries_are_not_points_on_the_map() -> None:
    drawn = {c[1] for t in validated(points.traces(view(), "en")) for c in t.customdata}
    assert {"CN", "US"} <= set(view().points["id"])  # still counted, in the table
    assert not drawn & {"CN", "US"}


def test_size_grows_with_the_count() -> None:
    sizes = points.sizes(np.array([1, 4, 16]), 16)
    assert sizes[-1] == points.MAX_SIZE
    assert sizes[0] < sizes[1] < sizes[2]
    assert (sizes[2] - points.MIN_SIZE) == 2 * (sizes[1] - points.MIN_SIZE)


def test_hover_and_click_data() -> None:
    china, _ = validated(points.traces(view(), "en"))
    row = [c[1] for c in china.customdata].index(ZHENJIANG)
    assert list(china.customdata[row]) == ["place", ZHENJIANG]
    assert china.text[row] == "Zhenjiang · 镇江<br>City · 3 agreements"
    china, _ = validated(points.traces(view(), "zh"))
    assert china.text[row] == "镇江 · Zhenjiang<br>市 · 3 项协议"


def test_legend_entries() -> None:
    assert [e["label"] for e in points.legend_entries("zh")] == ["中国", "美国"]


def test_only_the_busiest_places_are_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(points, "MAX_DRAWN", 3)
    v = view()
    china, us = validated(points.traces(v, "en"))
    drawn = [p for trace in (china, us) for p in trace.customdata]
    assert len(drawn) == 3
    busiest = set(v.points.nlargest(3, "count")["count"])
    counts = v.points.set_index("id")["count"]
    assert {counts[pid] for _, pid in drawn} <= busiest
    assert min(counts[pid] for _, pid in drawn) >= v.points["count"].iloc[3]
