"""Arc layer: great circles styled by kind, in width bands, invisible midpoint targets, no jump
at 180°."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from fixture_views import CALIFORNIA, ZHENJIANG, validated, view

from partnermap.layers import arcs


def test_fixed_traces_one_per_kind_and_band_then_midpoints() -> None:
    traces = validated(arcs.traces(view(), "en"))
    assert [t.uid for t in traces] == [
        *(
            f"arcs-{kind}-{low}"
            for kind in ("sister", "friendship", "agreement")
            for low in (1, 2, 4, 10, 30, 100)
        ),
        *(f"arcs-{kind}-listed" for kind in ("sister", "friendship", "agreement")),
        "arc-midpoints",
    ]
    empty = validated(arcs.traces(view(sectors=frozenset({"public-health"})), "en"))
    assert len(empty) == len(traces)
    assert all(len(t.lat) == 0 for t in empty)


def test_every_arc_drawn_once_in_the_band_of_its_count_and_the_style_of_its_kind() -> None:
    v = view()
    *lines, midpoints = validated(arcs.traces(v, "en"))
    points = arcs.KEPT  # ends and middle
    kinds = [(kind, band) for kind in arcs.KINDS for band in arcs.BANDS]
    lines, listed = lines[: len(kinds)], lines[len(kinds) :]
    assert (v.arcs["listed"] == 0).all() and all(len(t.lat) == 0 for t in listed)
    for (kind, band), trace in zip(kinds, lines, strict=True):
        upper = band.high or np.inf
        of_kind = v.arcs["type"].map(lambda t, k=kind: arcs._kind_of(t) == k)
        n = int((of_kind & (v.arcs["count"] >= band.low) & (v.arcs["count"] <= upper)).sum())
        assert len(trace.lat) == n * (points + 1)  # each path then a NaN gap
        assert trace.line.width == band.width
        assert trace.line.dash == kind.dash and trace.line.color == kind.color(band.opacity)
        assert trace.showlegend == (n > 0)
    assert sum(len(t.lat) for t in lines) == len(v.arcs) * (points + 1)
    assert len(midpoints.lat) == len(v.arcs)


def test_a_link_whose_agreements_are_only_listed_is_dashed_thin_and_faint() -> None:
    v = view()
    only_listed = replace(v, arcs=v.arcs.assign(listed=v.arcs["count"]))
    *lines, midpoints = validated(arcs.traces(only_listed, "en"))
    banded, listed = lines[: -len(arcs.KINDS)], lines[-len(arcs.KINDS) :]
    assert all(len(t.lat) == 0 for t in banded)
    assert sum(len(t.lat) for t in listed) == len(v.arcs) * (arcs.KEPT + 1)
    for kind, trace in zip(arcs.KINDS, listed, strict=True):
        assert trace.line.dash == arcs.LISTED_DASH not in {k.dash for k in arcs.KINDS}
        assert trace.line.width == arcs.BANDS[0].width
        assert trace.line.color == kind.color(arcs.BANDS[0].opacity)
    assert len(midpoints.lat) == len(v.arcs)
    entry = arcs.listed_legend_entry("zh")
    assert entry["dash"] == arcs.LISTED_DASH and "名录" in str(entry["label"])


def test_a_sister_city_link_and_an_mou_link_look_different() -> None:
    sister, agreement = arcs._kind_of("sister_city"), arcs._kind_of("mou")
    assert sister.color(1) != agreement.color(1) and sister.dash != agreement.dash


def test_midpoint_targets_draw_nothing_until_hovered() -> None:
    midpoints = validated(arcs.traces(view(), "en"))[-1]
    assert midpoints.mode == "none"
    assert midpoints.hovertemplate == "%{text}<extra></extra>"


def test_paths_are_separated_by_gaps_and_never_jump() -> None:
    lines = validated(arcs.traces(view(), "en"))[:-1]
    lon = np.concatenate([np.asarray(t.lon, dtype=float) for t in lines])
    gaps = np.isnan(lon)
    assert gaps.any()
    for path in np.split(lon, np.flatnonzero(gaps)):
        path = path[~np.isnan(path)]
        assert np.all(np.abs(np.diff(path)) < 180)  # near the pole steps are wide, never a wrap


def test_midpoints_carry_the_pair_and_a_bilingual_hover() -> None:
    v = view(place=frozenset({ZHENJIANG}))
    midpoints = validated(arcs.traces(v, "en"))[-1]
    pairs = [tuple(c) for c in midpoints.customdata]
    assert ("pair", ZHENJIANG, CALIFORNIA) in pairs
    hover = midpoints.text[pairs.index(("pair", ZHENJIANG, CALIFORNIA))]
    assert hover == "Zhenjiang · 镇江 — California · 加利福尼亚州<br>2 agreements"


def test_band_labels_and_legend() -> None:
    assert [b.label("en") for b in arcs.BANDS] == [
        "1 agreement",
        "2–3 agreements",
        "4–9 agreements",
        "10–29 agreements",
        "30–99 agreements",
        "100+ agreements",
    ]
    assert arcs.BANDS[1].label("zh") == "2–3 项协议"
    entries = arcs.legend_entries("en")
    assert [e["label"] for e in entries[:3]] == [
        "Sister cities or states",
        "Friendship cities",
        "MOU or other agreement",
    ]
    assert [e["width"] for e in entries[3:]] == [b.width for b in arcs.BANDS]


def test_only_the_widest_arcs_are_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arcs, "MAX_DRAWN", 2)
    v = view()
    *_, midpoints = validated(arcs.traces(v, "en"))
    assert len(midpoints.lat) == 2
    widest = sorted(v.arcs["count"], reverse=True)
    assert sorted(v.arcs["count"].iloc[arcs.drawn_rows(v)], reverse=True) == widest[:2]


def test_a_link_over_the_pole_bows_across_the_pacific_instead() -> None:
    v = view()
    rows = arcs.drawn_rows(v)
    lat, lon = arcs.paths(v, rows)
    assert np.all(lat[:, 1] <= arcs.MAX_BEND_LAT)
    assert np.allclose(lat[:, 0], v.arc_lat[rows, 0]) and np.allclose(
        lat[:, 2], v.arc_lat[rows, -1]
    )
    assert np.all((lon[:, 0] < lon[:, 1]) & (lon[:, 1] < lon[:, 2]))  # eastwards, over the Pacific
    over_pole = v.arc_lat.copy()
    over_pole[:, over_pole.shape[1] // 2] = 87.0
    bent = arcs.paths(replace(v, arc_lat=over_pole), rows)[0]
    assert np.all(bent[:, 1] == arcs.MAX_BEND_LAT)
