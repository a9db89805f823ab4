"""Where plotly draws a longitude and latitude on the map: its natural-earth projection, fitted.

plotly fits the natural-earth world (2π·0.8707 wide, 2.8448 tall in projection units) into the
map's box, multiplies that scale by ``projection.scale`` and puts ``center`` in the middle of the
box. Measured against plotly.js 2/3 in chromium to the pixel; the layers use it to frame what
they draw and to keep labels apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

#: The natural-earth world's width and height in projection units.
WORLD_WIDTH = 2 * np.pi * 0.8707
WORLD_HEIGHT = 2.8448


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
        rotated to the centre's longitude, as the map always is).
    width, height
        The map's box in pixels.
    """
    center = geo["center"]
    k = _unit(width, height) * geo["projection"]["scale"]
    x, y = natural_earth(_turned(lon, center["lon"]), lat)
    _, y0 = natural_earth(0.0, center["lat"])
    return width / 2 + k * x, height / 2 - k * (y - y0)


def fit(
    lon: ArrayLike, lat: ArrayLike, *, margin: float = 0.06, max_scale: float = 6.0
) -> dict[str, Any]:
    """The ``center`` and ``projection`` that show every point, whatever the box's shape.

    The points are fitted to a box of the world's own shape: a wider box then has room to
    spare left and right, a taller one above and below, so nothing is cut in either.

    Parameters
    ----------
    lon, lat
        Degrees; lines should pass their vertices, not only their ends.
    margin
        The share of the box left empty on each side.
    max_scale
        The closest zoom (a single place is not blown up to fill the map).
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
    scale = min(room * WORLD_WIDTH / span_x, room * WORLD_HEIGHT / span_y, max_scale)
    # Turn the middle of the projected box back into the longitude and latitude at its centre.
    shift_lon = float(np.degrees((x.max() + x.min()) / 2 / 0.8707))
    # Keep the poles out of the frame: the space beyond them would be drawn blank.
    half = WORLD_HEIGHT / 2 / max(scale, 1.0)
    top = WORLD_HEIGHT / 2
    center_y = float(np.clip((y.max() + y.min()) / 2, -top + half, top - half))
    grid = np.linspace(-90.0, 90.0, 18001)
    center_lat = float(np.interp(center_y, natural_earth(0.0, grid)[1], grid))
    center_lon = float((mid_lon + shift_lon + 180.0) % 360.0 - 180.0)
    return {
        "center": {"lat": round(center_lat, 3), "lon": round(center_lon, 3)},
        "projection": {
            "scale": round(max(scale, 1.0), 4),
            "rotation": {"lon": round(center_lon, 3)},
        },
    }


def _unit(width: float, height: float) -> float:
    """Pixels per projection unit at ``projection.scale`` 1."""
    return min(width / WORLD_WIDTH, height / WORLD_HEIGHT)


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
