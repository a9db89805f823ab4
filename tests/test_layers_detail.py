"""Level of detail: links joined by country, then division pair, then drawn place to place as the
extent allows; a selection draws every one of its links whatever the level."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pytest

from partnermap.benchmarks.synthetic import write_dataset
from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.data.view import (
    MapView,
    build_index,
    build_view,
    link_mask,
    regions_from_geojson,
    selected_records,
)
from partnermap.geo.basemap import admin1_geojson
from partnermap.layers import arcs, detail, placenames, projection, selection
from partnermap.layers.figure import drawn_note, frame_of, map_traces, zoom_revision

#: A small drawing budget, so that a small world corpus needs every level.
BUDGET = 40


@functools.cache
def synthetic(tmp: str, world: bool) -> MapView:
    data = write_dataset(Path(tmp) / f"world-{world}", 1_500, seed=11, world=world)
    index = build_index(load_corpus(data), regions_from_geojson(admin1_geojson()))
    return build_view(index, FilterState())


@pytest.fixture
def view(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> MapView:
    monkeypatch.setattr(arcs, "MAX_DRAWN", BUDGET)
    return synthetic(str(tmp_path_factory.getbasetemp()), True)


@pytest.fixture
def us_china(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> MapView:
    monkeypatch.setattr(arcs, "MAX_DRAWN", BUDGET)
    return synthetic(str(tmp_path_factory.getbasetemp()), False)


def test_every_level_counts_every_link(view: MapView) -> None:
    for links in view.levels.values():
        assert links.count.sum() == len(view.links)
    assert len(view.levels["place"]) > len(view.levels["region"]) > len(view.levels["country"])


def test_zoomed_out_the_map_joins_links_by_country_pair(view: MapView) -> None:
    shown = detail.at_extent(view)
    assert shown.arc_level == "country"
    assert len(arcs.drawn_rows(shown)) == BUDGET
    assert shown.arcs["a"].str.startswith("country:").all()
    assert "pair of countries" in drawn_note(shown, "en")
    assert "国家" in drawn_note(shown, "zh")


def test_zooming_in_draws_more_detail(view: MapView) -> None:
    busiest = view.points.iloc[0]
    near = {"center": {"lon": busiest["lon"], "lat": busiest["lat"]}, "projection": {"scale": 60}}
    far = {"center": {"lon": busiest["lon"], "lat": busiest["lat"]}, "projection": {"scale": 1}}
    zoomed, whole = detail.at_extent(view, near), detail.at_extent(view, far)
    finer = ("place", "region", "country")
    assert finer.index(zoomed.arc_level) < finer.index(whole.arc_level)
    # Every link drawn has an end or its middle in view, and all of them are drawn.
    assert len(zoomed.arcs) <= BUDGET
    assert len(arcs.drawn_rows(zoomed)) == len(zoomed.arcs)
    x, y = projection.pixels(zoomed.arc_lon[:, 0], zoomed.arc_lat[:, 0], near, *placenames.BOX)
    x2, y2 = projection.pixels(zoomed.arc_lon[:, -1], zoomed.arc_lat[:, -1], near, *placenames.BOX)
    mx, my = projection.pixels(
        zoomed.arcs["mid_lon"], zoomed.arcs["mid_lat"], near, *placenames.BOX
    )
    w, h = placenames.BOX
    seen = [(u >= 0) & (u <= w) & (v >= 0) & (v <= h) for u, v in ((x, y), (x2, y2), (mx, my))]
    assert np.logical_or.reduce(seen).all()
    # The places in view come first for the point layer's budget.
    assert zoomed.points.iloc[0]["id"] == busiest["id"]
    assert len(zoomed.points) == len(view.points) and zoomed.records == view.records


def test_a_selected_place_draws_every_one_of_its_links(
    us_china: MapView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(arcs, "MAX_DRAWN", 10)
    view = us_china
    shown = detail.at_extent(view)
    assert shown.arc_level == "region"
    place = view.points.sort_values("partners").iloc[-1]
    assert place["partners"] > arcs.MAX_DRAWN
    chosen = ("place", place["id"])
    links, _, rings = (t for t in selection.traces(shown, "en", chosen))
    expected = view.links[(view.links["a"] == place["id"]) | (view.links["b"] == place["id"])]
    partners = set(expected["a"]) | set(expected["b"])
    assert len(partners) - 1 == place["partners"]
    assert np.isnan(links["lat"]).sum() == len(set(zip(expected["a"], expected["b"], strict=True)))
    assert partners <= {c[1] for c in rings["customdata"]}  # and the places of its events


def test_an_aggregated_link_lists_and_draws_all_it_stands_for(view: MapView) -> None:
    shown = detail.at_extent(view)
    row = shown.arcs.sort_values("count").iloc[-1]
    clicked = next(t for t in map_traces(shown, "en") if t["uid"] == "arc-midpoints")
    chosen = next(tuple(c) for c in clicked["customdata"] if c[1:] == [row["a"], row["b"]])
    assert chosen[0] == "countries"
    assert len(selected_records(shown, chosen)) == row["count"] == link_mask(shown, chosen).sum()
    drawn = np.isnan(selection.traces(shown, "en", chosen)[0]["lat"]).sum()
    assert drawn == len(np.unique(shown.links.loc[link_mask(shown, chosen), "arc"]))
    regions = view.levels["region"].table.sort_values("count").iloc[-1]
    pair = ("regions", regions["a"], regions["b"])
    assert len(selected_records(view, pair)) == regions["count"]


def test_a_reported_extent_applies_only_under_its_own_revision(view: MapView) -> None:
    busiest = view.points.iloc[0]
    whole, home = detail.in_view(view, None, None)
    assert whole.arc_level == "country" and home == frame_of(detail.at_extent(view))
    extent = {"lon": busiest["lon"], "lat": busiest["lat"], "scale": 60, "width": 760}
    current = {**extent, "height": 520, "revision": zoom_revision(view)}
    zoomed, frame = detail.in_view(view, current, None)
    assert zoomed.arc_level != "country"
    # The frame sent back is the person's own, so the map stays where they left it.
    assert frame["center"] == {"lon": busiest["lon"], "lat": busiest["lat"]}
    assert frame["projection"] == {"scale": 60, "rotation": {"lon": busiest["lon"]}}
    for stale in ({"revision": "another"}, {"scale": "<b>"}, {"lat": 400}):
        assert detail.in_view(view, {**current, **stale}, None)[0].arc_level == "country"
