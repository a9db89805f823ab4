"""Where plotly draws a longitude and latitude on the map: its natural-earth projection, fitted.

plotly fits the natural-earth world (2π·0.8707 wide, 2.8448 tall in projection units) into the
map's box, multiplies that scale by ``projection.scale`` and puts ``center`` in the middle of the
box. Measured against plotly.js 2/3 in chromium to the pixel; the layers use it to frame what
they draw and to keep labels apart.

The world's shape (about 1.92:1) leaves a tall box, a phone's, mostly blank. So a box much
taller than the world's shape (``TALL``) gets a frame of its own shape (``frame_units``): a
longitude range pole to pole, which ``fit`` writes as ``lonaxis.range`` and ``lataxis.range``
for plotly to fit into the box instead of the world.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

#: The natural-earth world's width and height in projection units.
WORLD_WIDTH = 2 * np.pi * 0.8707
WORLD_HEIGHT = 2.8448
#: A box narrower than this share of the world's shape gets a frame cropped to its own shape.
TALL = 0.7


def natural_earth(
    lon: ArrayLike, lat: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Project degrees to natural-earth units (x east, y north), d3's ``geoNaturalEarth1``.

    Examples
    --------
    >>> [round(float(v), 4) for v in natural_earth(180.0, 0.0)]
    [2.7354, 0.0]
    """
    lam = np.radians(np.asarray(lon, dtype=np.float64))
    phi = np.radians(np.asarray(lat, dtype=np.float64))
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (
        0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))
    )
    y = phi * (
        1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))
    )
    return x, y


def pixels(
    lon: ArrayLike, lat: ArrayLike, geo: Mapping[str, Any], width: float, height: float
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Where plotly draws each point in a ``width`` x ``height`` box, y downwards.

    Parameters
    ----------
    lon, lat
        Degrees.
    geo
        The ``layout.geo`` fragment: ``center`` and ``projection.scale`` (the projection is
        rotated to the centre's longitude, as the map always is), fitted for this box's shape
        (``fit``).
    width, height
        The map's box in pixels.
    """
    center = geo["center"]
    k = _unit(width, height) * geo["projection"]["scale"]
    x, y = natural_earth(_turned(lon, center["lon"]), lat)
    _, y0 = natural_earth(0.0, center["lat"])
    return width / 2 + k * x, height / 2 - k * (y - y0)


def frame_units(width: float, height: float) -> tuple[float, float]:
    """The width and height, in projection units, of the frame plotly draws in a box.

    The world's; in a box narrower than ``TALL`` times the world's shape, the box's own shape,
    pole to pole (the longitude range ``fit`` gives it).

    Examples
    --------
    >>> [round(v, 3) for v in frame_units(800, 300)], [round(v, 3) for v in frame_units(300, 400)]
    ([5.471, 2.845], [2.134, 2.845])
    """
    if width / height < TALL * WORLD_WIDTH / WORLD_HEIGHT:
        return WORLD_HEIGHT * width / height, WORLD_HEIGHT
    return WORLD_WIDTH, WORLD_HEIGHT


def frame_box(width: float, height: float) -> tuple[float, float, float, float]:
    """The frame plotly draws the map in, inside a ``width`` x ``height`` box: (x0, y0, x1, y1).

    Examples
    --------
    >>> [round(v, 1) for v in frame_box(800, 300)], [round(v, 1) for v in frame_box(300, 400)]
    ([111.5, 0.0, 688.5, 300.0], [0.0, 0.0, 300.0, 400.0])
    """
    frame_w, frame_h = frame_units(width, height)
    unit = _unit(width, height)
    x0, y0 = (width - unit * frame_w) / 2, (height - unit * frame_h) / 2
    return x0, y0, width - x0, height - y0


def fit(
    lon: ArrayLike,
    lat: ArrayLike,
    *,
    margin: float = 0.06,
    max_scale: float = 6.0,
    aspect: float | None = None,
) -> dict[str, Any]:
    """The ``center`` and ``projection`` that show every point, in a box of shape ``aspect``.

    In a box of the world's shape or wider (or of unknown shape), the points are fitted to a
    box of the world's own shape: a wider box then has room to spare left and right, so
    nothing is cut. A box much taller than the world's shape (a phone's) gets a frame of its
    own shape (``frame_units``), pole to pole, which ``lonaxis`` and ``lataxis`` give; it shows
    the points as wide as it can, and when they span more longitude than it holds, it is
    centred on their middle and crops both ends (the map pans to them).

    Parameters
    ----------
    lon, lat
        Degrees; lines should pass their vertices, not only their ends.
    margin
        The share of the box left empty on each side.
    max_scale
        The closest zoom (a single place is not blown up to fill the map).
    aspect
        The box's width over its height; None for the world's shape.

    Examples
    --------
    >>> fit([116.4, -74.0], [39.9, 40.7], aspect=0.8)["lonaxis"]
    {'range': [-233.8, -84.0]}
    """
    lon = np.asarray(lon, dtype=np.float64)
    lat = np.asarray(lat, dtype=np.float64)
    keep = np.isfinite(lon) & np.isfinite(lat)
    lon, lat = lon[keep], lat[keep]
    mid_lon = _circular_middle(lon)
    x, y = natural_earth(_turned(lon, mid_lon), lat)
    span_x = max(float(x.max() - x.min()), 1e-6)
    span_y = max(float(y.max() - y.min()), 1e-6)
    room = 1 - 2 * margin
    frame_w, _ = frame_units(aspect, 1.0) if aspect else (WORLD_WIDTH, WORLD_HEIGHT)
    tall = frame_w < WORLD_WIDTH
    scale = min(room * frame_w / span_x, room * WORLD_HEIGHT / span_y, max_scale)
    # Turn the middle of the projected box back into the longitude and latitude at its centre.
    shift_lon = float(np.degrees((x.max() + x.min()) / 2 / 0.8707))
    # Keep the poles out of the frame: the space beyond them would be drawn blank.
    half = WORLD_HEIGHT / 2 / max(scale, 1.0)
    top = WORLD_HEIGHT / 2
    center_y = float(np.clip((y.max() + y.min()) / 2, -top + half, top - half))
    grid = np.linspace(-90.0, 90.0, 18001)
    center_lat = float(np.interp(center_y, natural_earth(0.0, grid)[1], grid))
    center_lon = round(float((mid_lon + shift_lon + 180.0) % 360.0 - 180.0), 3)
    frame = {
        "center": {"lat": round(center_lat, 3), "lon": center_lon},
        "projection": {"scale": round(max(scale, 1.0), 4), "rotation": {"lon": center_lon}},
    }
    if tall:
        half = round(float(np.degrees(frame_w / 2 / 0.8707)), 1)
        frame["lonaxis"] = {"range": [round(center_lon - half, 1), round(center_lon + half, 1)]}
        frame["lataxis"] = {"range": [-90.0, 90.0]}
    return frame


def reported_box(value: object) -> tuple[float, float] | None:
    """The map's width and height as the page reports them, if they are a plausible size.

    Examples
    --------
    >>> reported_box([356, 439]), reported_box([0, 439]), reported_box("356x439")
    ((356.0, 439.0), None, None)
    """
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    if not all(isinstance(v, int | float) and 50 <= v <= 10_000 for v in value):
        return None
    return float(value[0]), float(value[1])


def _unit(width: float, height: float) -> float:
    """Pixels per projection unit at ``projection.scale`` 1: the frame as large as the box holds."""
    frame_w, frame_h = frame_units(width, height)
    return min(width / frame_w, height / frame_h)


def _turned(lon: ArrayLike, center_lon: float) -> NDArray[np.float64]:
    """Longitudes relative to the centre, in [-180, 180)."""
    return (np.asarray(lon, dtype=np.float64) - center_lon + 180.0) % 360.0 - 180.0


def _circular_middle(lon: NDArray[np.float64]) -> float:
    """The middle of the shortest longitude interval holding every ``lon``."""
    if lon.size == 0:
        return 0.0
    ordered = np.sort(lon % 360.0)
    gaps = np.diff(np.append(ordered, ordered[0] + 360.0))
    widest = int(np.argmax(gaps))
    start = ordered[(widest + 1) % ordered.size]
    span = 360.0 - gaps[widest]
    return float((start + span / 2 + 180.0) % 360.0 - 180.0)
