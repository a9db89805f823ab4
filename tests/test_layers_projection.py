"""Projection: where plotly draws a point, and a frame that holds every point."""

from __future__ import annotations

import numpy as np
import pytest

from partnermap.layers import projection


@pytest.mark.parametrize(
    ("geo", "box", "lonlat", "expected"),
    [
        # Measured in chromium with plotly.js: gd._fullLayout.geo._subplot.projection([lon, lat]).
        (({"lat": 32, "lon": -177}, 1.55), (800, 520), (-147, 42), (494.4616, 220.0554)),
        (({"lat": 10, "lon": -100}, 2.0), (1000, 300), (-70, 20), (594.3561, 112.8098)),
    ],
)
def test_pixels_match_plotly(geo: tuple, box: tuple, lonlat: tuple, expected: tuple) -> None:
    center, scale = geo
    frame = {"center": center, "projection": {"scale": scale}}
    x, y = projection.pixels(*lonlat, frame, *box)
    assert (float(x), float(y)) == pytest.approx(expected, abs=0.01)


def test_fit_holds_points_on_both_sides_of_the_antimeridian() -> None:
    lon = np.array([116.4, 119.5, -118.2, -74.0])
    lat = np.array([39.9, 32.2, 34.1, 40.7])
    frame = projection.fit(lon, lat)
    assert frame["center"]["lon"] < -150 or frame["center"]["lon"] > 150
    box = (projection.WORLD_WIDTH * 100, projection.WORLD_HEIGHT * 100)
    x, y = projection.pixels(lon, lat, frame, *box)
    assert np.all((x > 0) & (x < box[0]) & (y > 0) & (y < box[1]))
    assert frame["projection"]["scale"] > 1.5


def test_fit_never_zooms_past_the_closest_zoom() -> None:
    frame = projection.fit([119.45], [32.2], max_scale=6.0)
    assert frame["projection"]["scale"] == 6.0


def test_pixels_match_plotly_in_a_cropped_frame() -> None:
    # A 390x844 phone's map, measured in chromium as above.
    frame = {
        "center": {"lat": 0, "lon": -172.352},
        "projection": {"scale": 1},
        "lonaxis": {"range": [-248.3, -96.5]},
    }
    for lonlat, expected in [
        ((116.4, 39.9), (23.8038, 110.8629)),
        ((-74, 40.7), (390.1022, 108.6963)),
        ((-157.8, 21.3), (211.4008, 161.6035)),
    ]:
        x, y = projection.pixels(*lonlat, frame, 356, 438.875)
        assert (float(x), float(y)) == pytest.approx(expected, abs=0.1)


def test_a_tall_box_gets_a_frame_of_its_own_shape_pole_to_pole() -> None:
    lon = np.array([116.4, 119.5, -118.2, -74.0])
    lat = np.array([39.9, 32.2, 34.1, 40.7])
    box = (356.0, 439.0)
    frame = projection.fit(lon, lat, aspect=box[0] / box[1])
    assert frame["lataxis"]["range"] == [-90.0, 90.0]
    low, high = frame["lonaxis"]["range"]
    assert low < frame["center"]["lon"] < high and 100 < high - low < 180
    left, top, right, bottom = projection.frame_box(*box)
    assert right - left == pytest.approx(box[0], abs=1) and bottom - top == pytest.approx(box[1])
    # Pole to pole: the frame's top and bottom edges are the poles.
    _, y = projection.pixels([frame["center"]["lon"]] * 2, [90.0, -90.0], frame, *box)
    assert y.tolist() == pytest.approx([0.0, box[1]], abs=0.5)


@pytest.mark.parametrize("aspect", [None, 1.92, 1.46])
def test_a_box_of_the_worlds_shape_or_near_keeps_the_whole_world_frame(
    aspect: float | None,
) -> None:
    frame = projection.fit([116.4, -74.0], [39.9, 40.7], aspect=aspect)
    assert "lonaxis" not in frame and "lataxis" not in frame
