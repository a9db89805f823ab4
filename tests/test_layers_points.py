"""Point layer: places sized by agreements, coloured by country, clickable."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from fixture_views import ZHENJIANG, validated, view

from partnermap.data.view import MapView, country_ranking
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


def _with_countries(counts: dict[str, int]) -> MapView:
    """The fixture view with its places' countries replaced: ``counts`` places each."""
    v = view()
    codes = [code for code, n in counts.items() for _ in range(n)]
    places = v.places.iloc[: len(codes)].assign(country=codes, level="city")
    named = v.points.head(len(codes)).assign(country=codes, national=False)
    nodes = pd.concat(
        [
            v.nodes,
            pd.DataFrame(
                {"name_en": [f"Land {c}" for c in counts], "name_zh": None, "lat": 0.0, "lon": 0.0},
                index=[f"country:{c}" for c in counts],
            ),
        ]
    )
    return replace(
        v,
        places=places,
        countries=country_ranking(places),
        points=named,
        nodes=nodes[~nodes.index.duplicated()],
    )


def test_the_largest_countries_get_their_own_colours_the_rest_other() -> None:
    v = _with_countries({"FR": 3, "JP": 5, "DE": 4, "BR": 1, "IT": 2, "KE": 1})
    assert v.countries == ("JP", "DE", "FR", "IT", "BR", "KE")
    traces = validated(points.traces(v, "en"))
    assert [t.uid for t in traces] == [
        "points-JP",
        "points-DE",
        "points-FR",
        "points-IT",
        "points-other",
    ]
    assert [t.marker.color for t in traces] == list(points.COLORS.values())
    assert [t.name for t in traces] == [
        "Land JP",
        "Land DE",
        "Land FR",
        "Land IT",
        "Other countries",
    ]
    assert [len(t.lat) for t in traces] == [5, 4, 3, 2, 2]  # Brazil and Kenya are "other"
    entries = points.legend_entries(v, "zh")
    assert [e["color"] for e in entries] == list(points.COLORS.values())
    assert entries[-1]["label"] == "其他国家"


def test_nothing_assumes_china_and_the_us() -> None:
    v = _with_countries({"FR": 2, "DE": 2, "JP": 1})
    traces = validated(points.traces(v, "en"))
    assert [t.uid for t in traces] == ["points-DE", "points-FR", "points-JP"]  # no "other"
    assert len({t.marker.color for t in traces}) == 3
    assert [e["label"] for e in points.legend_entries(v, "en")] == ["Land DE", "Land FR", "Land JP"]


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
    assert [e["label"] for e in points.legend_entries(view(), "zh")] == ["中国", "美国"]


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
