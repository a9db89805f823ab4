"""Map figure: layers composed in a fixed order; a patch updates data, frame and credits only;
the frame holds every drawn mark, or the selection's both ends; a selection dims the rest."""

from __future__ import annotations

import numpy as np
import plotly.io as pio
from fixture_views import CALIFORNIA, LOS_ANGELES, ZHENJIANG, view

from partnermap.layers import arcs, figure, points, projection

CREDIT = {"en": "Boundaries: <Natural Earth> & co", "zh": "边界"}


def test_figure_composes_every_layer_bottom_to_top() -> None:
    fig = figure.map_figure(view(), "en", CREDIT)
    assert [t.uid for t in fig.data] == [
        "regions",
        *(t["uid"] for t in arcs.traces(view(), "en")),
        "hubs",
        "points-CN",
        "points-US",
        "selected-links",
        "selected-spokes",
        "selected-places",
        "place-names",
    ]
    assert fig.layout.showlegend is False  # the legend is the page's, beside the map
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
    assert locations == {("data", i) for i in range(len(figure.map_traces(view(), "en")))} | {
        ("layout", "geo"),
        ("layout", "uirevision"),
        ("layout", "annotations"),
    }
    encoded = pio.json.to_json_plotly(operations)
    assert '"coordinates"' not in encoded  # the GeoJSON stays a URL
    values = {tuple(op["location"]): op["params"].get("value") for op in operations}
    assert values[("layout", "uirevision")] == ZHENJIANG
    assert values[("layout", "annotations", 0, "text")] == "边界"


def test_a_phones_patch_crops_the_frame_and_a_laptops_restores_the_world() -> None:
    def ranges(box: tuple[float, float] | None) -> dict:
        operations = figure.map_patch(view(), "en", CREDIT, None, box).to_plotly_json()
        return {
            op["location"][2]: op["params"]["value"]
            for op in operations["operations"]
            if op["location"][:2] == ["layout", "geo"] and op["location"][3:] == ["range"]
        }

    phone = ranges((356.0, 439.0))
    assert phone["lataxis"] == [-90.0, 90.0] and phone["lonaxis"][1] - phone["lonaxis"][0] < 180
    assert ranges((784.0, 408.0)) == ranges(None) == {"lonaxis": None, "lataxis": None}


def _inside_frame(frame: dict, lon: np.ndarray, lat: np.ndarray) -> bool:
    box = (projection.WORLD_WIDTH * 100, projection.WORLD_HEIGHT * 100)  # the world's shape
    x, y = projection.pixels(lon, lat, frame, *box)
    keep = np.isfinite(x)
    return bool(np.all((x[keep] >= 0) & (x[keep] <= box[0]) & (y[keep] >= 0) & (y[keep] <= box[1])))


def test_the_frame_holds_every_drawn_place_and_every_link() -> None:
    v = view()
    frame = figure.frame_of(v)
    drawn = points.drawn(v)
    assert _inside_frame(frame, drawn["lon"].to_numpy(), drawn["lat"].to_numpy())
    lat, lon = arcs.outline(v, arcs.drawn_rows(v))
    assert _inside_frame(frame, lon, lat)
    assert -180 < frame["center"]["lon"] < -140  # across the Pacific, not round the world


def test_a_selection_is_framed_with_both_ends_of_its_links() -> None:
    v = view()
    frame = figure.frame_of(v, ("place", ZHENJIANG))
    partners = v.places.loc[[ZHENJIANG, CALIFORNIA, LOS_ANGELES]]
    assert _inside_frame(frame, partners["lon"].to_numpy(), partners["lat"].to_numpy())
    assert frame["projection"]["scale"] >= figure.frame_of(v)["projection"]["scale"]


def test_a_selection_dims_the_rest_and_draws_itself_on_top() -> None:
    v = view()
    plain = {t["uid"]: t for t in figure.map_traces(v, "en")}
    chosen = {t["uid"]: t for t in figure.map_traces(v, "en", ("place", ZHENJIANG))}
    assert plain["points-CN"]["opacity"] == 1.0
    assert chosen["points-CN"]["opacity"] == figure.DIMMED
    assert chosen["hubs"]["opacity"] == figure.DIMMED
    assert len(plain["selected-links"]["lat"]) == 0
    assert len(chosen["selected-links"]["lat"]) > 0
    ringed = {c[1] for c in chosen["selected-places"]["customdata"]}
    assert {ZHENJIANG, CALIFORNIA} <= ringed


def test_an_empty_view_looks_at_the_pacific() -> None:
    empty = view(sectors=frozenset({"public-health"}))
    assert figure.frame_of(empty) == figure.HOME
