"""Great-circle arcs between partner localities."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

#: Points per arc: enough for a smooth curve in flat renderers (plotly itself draws geodesics).
POINTS_PER_ARC = 24


def great_circles(
    lat1: ArrayLike,
    lon1: ArrayLike,
    lat2: ArrayLike,
    lon2: ArrayLike,
    points: int = POINTS_PER_ARC,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Return points along the shorter great circle between each pair of endpoints.

    Longitudes are unwrapped: each arc starts in [-180, 180] and never jumps by 180 degrees or
    more between neighbouring points, so an arc from China to the US crosses the Pacific as one
    continuous line (e.g. 119.5 ... 176.7 ... 240.0) instead of wrapping round the whole map.

    Parameters
    ----------
    lat1, lon1, lat2, lon2
        Endpoints in degrees, one value per arc (scalars or 1-D arrays of equal length).
    points
        Points per arc, endpoints included (at least 2).

    Returns
    -------
    tuple of numpy.ndarray
        Latitudes and longitudes, each of shape ``(n_arcs, points)``.

    Examples
    --------
    >>> lat, lon = great_circles(32.2, 119.5, 37.3, -120.0, points=3)
    >>> lon.round(1).tolist()
    [[119.5, 176.7, 240.0]]
    """
    if points < 2:
        raise ValueError(f"an arc needs at least 2 points, got points={points}")
    start = _unit_vectors(lat1, lon1)
    end = _unit_vectors(lat2, lon2)
    cos_angle = np.clip(np.einsum("ij,ij->i", start, end), -1.0, 1.0)
    angle = np.arccos(cos_angle)[:, None]
    t = np.linspace(0.0, 1.0, points)[None, :]
    sin_angle = np.sin(angle)
    # Spherical interpolation; for (nearly) identical endpoints fall back to the start point.
    safe = np.where(sin_angle > 1e-12, sin_angle, 1.0)
    w_start = np.where(sin_angle > 1e-12, np.sin((1 - t) * angle) / safe, 1 - t)
    w_end = np.where(sin_angle > 1e-12, np.sin(t * angle) / safe, t)
    xyz = w_start[..., None] * start[:, None, :] + w_end[..., None] * end[:, None, :]
    x, y, z = xyz[..., 0], xyz[..., 1], xyz[..., 2]
    lat = np.degrees(np.arctan2(z, np.hypot(x, y)))
    lon = np.degrees(np.unwrap(np.arctan2(y, x), axis=1))
    return lat, lon


def midpoints(
    lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Return the midpoint of each great-circle arc, longitude wrapped to [-180, 180).

    Parameters
    ----------
    lat1, lon1, lat2, lon2
        Endpoints in degrees, one value per arc.

    Returns
    -------
    tuple of numpy.ndarray
        Latitudes and longitudes of the midpoints, shape ``(n_arcs,)``.
    """
    lat, lon = great_circles(lat1, lon1, lat2, lon2, points=3)
    return lat[:, 1], (lon[:, 1] + 180.0) % 360.0 - 180.0


def _unit_vectors(lat: ArrayLike, lon: ArrayLike) -> NDArray[np.float64]:
    phi = np.radians(np.atleast_1d(np.asarray(lat, dtype=float)))
    lam = np.radians(np.atleast_1d(np.asarray(lon, dtype=float)))
    return np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)], axis=1)


_EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two WGS-84 points, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(a))
