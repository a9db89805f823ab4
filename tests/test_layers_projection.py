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
