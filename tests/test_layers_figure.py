"""Map figure: layers composed in a fixed order; a patch updates data, zoom and credits only."""

from __future__ import annotations

import plotly.io as pio
import pytest
from fixture_views import CALIFORNIA, ZHENJIANG, view

from partnermap.layers import figure

CREDIT = {"en": "Boundaries: <Natural Earth> & co", "zh": "边界"}


def test_figure_composes_every_layer_bottom_to_top() -> None:
    fig = figure.map_figure(view(), "en", CREDIT)
    assert [t.uid for t in fig.data] == [
        "regions",
        "arcs-1",
        "arcs-2",
        "arcs-4",
        "arcs-10",
        "arcs-30",
        "arcs-100",
        "arc-midpoints",
        "points-CN",
        "points-US",
        "place-names",
    ]
    geo = fig.layout.geo
    assert geo.projection.type == "natural earth"
    assert -180 < geo.projection.rotation.lon < -140  # Pacific in the middle
    assert fig.layout.annotations[0].text == "Boundaries: &lt;Natural Earth&gt; &amp; co"
    pio.to_json(fig, validate=True)


def test_skeleton_has_the_same_traces_without_data() -> None:
    skeleton = figure.map_skeleton(view(), "en", CREDIT)
    assert [t.uid for t in skeleton.data] == [
        t.uid for t in figure.map_figure(view(), "en", CREDIT).data
    ]
    assert all(getattr(t, "lat", None) is None for t in skeleton.data[1:])


def test_patch_sends_traces_zoom_and_credit_but_not_the_layout_or_shapes() -> None:
    patch = figure.map_patch(view(place=frozenset({ZHENJIANG})), "zh", CREDIT)
    operations = patch.to_plotly_json()["operations"]
    locations = {tuple(op["location"][:2]) for op in operations}
    assert locations == {("data", i) for i in range(11)} | {
        ("layout", "geo"),
        ("layout", "uirevision"),
        ("layout", "annotations"),
    }
    encoded = pio.json.to_json_plotly(operations)
    assert '"coordinates"' not in encoded  # the GeoJSON stays a URL
    values = {tuple(op["location"]): op["params"].get("value") for op in operations}
    assert values[("layout", "geo", "center")]["lon"] == pytest.approx(119.4551)
    assert values[("layout", "uirevision")] == ZHENJIANG
    assert values[("layout", "annotations", 0, "text")] == "边界"


def test_focus_on_places_on_both_sides_of_the_pacific_looks_across_it() -> None:
    fig = figure.map_figure(view(place=frozenset({ZHENJIANG, CALIFORNIA})), "en", CREDIT)
    assert abs(fig.layout.geo.center.lon) > 170
    assert fig.layout.geo.projection.scale == figure.MIN_SCALE
    home = figure.map_figure(view(), "en", CREDIT).layout.geo
    assert (home.center.lon, home.projection.scale) == (figure.HOME["lon"], figure.HOME["scale"])
