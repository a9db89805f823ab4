"""Great-circle arcs: endpoints kept, the short way round, no jump at the antimeridian."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnermap.geo.arcs import great_circles, midpoints

ZHENJIANG = (32.2109, 119.4551)
CALIFORNIA = (37.2724, -119.9915)
BOSTON = (42.3584, -71.0598)


def _xyz(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    phi, lam = np.radians(lat), np.radians(lon)
    return np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)], axis=-1)


def test_arc_starts_and_ends_at_its_endpoints() -> None:
    lat, lon = great_circles(*ZHENJIANG, *CALIFORNIA)
    assert lat.shape == lon.shape == (1, 24)
    assert (lat[0, 0], lon[0, 0]) == pytest.approx(ZHENJIANG)
    assert lat[0, -1] == pytest.approx(CALIFORNIA[0])
    assert lon[0, -1] % 360 == pytest.approx(CALIFORNIA[1] % 360)


def test_china_to_california_crosses_the_pacific_without_a_jump() -> None:
    lat, lon = great_circles(*ZHENJIANG, *CALIFORNIA, points=50)
    steps = np.abs(np.diff(lon[0]))
    assert steps.max() < 10, "neighbouring points must not jump across the map"
    # Eastward over the Pacific: the longitude grows through 180 instead of wrapping to -180.
    assert lon[0, 0] < 180 < lon[0, -1]
    assert np.all(np.diff(lon[0]) > 0)
    # A great circle bows towards the pole: it passes north of both endpoints.
    assert lat[0].max() > max(ZHENJIANG[0], CALIFORNIA[0]) + 10


def test_arc_crossing_the_antimeridian_from_the_east() -> None:
    lat, lon = great_circles(0.0, -170.0, 0.0, 170.0, points=5)
    assert lon[0].tolist() == pytest.approx([-170, -175, -180, -185, -190])
    assert lat[0] == pytest.approx(0.0, abs=1e-9)


def test_points_lie_on_the_great_circle_plane_and_are_evenly_spaced() -> None:
    lat, lon = great_circles(*ZHENJIANG, *BOSTON, points=11)
    xyz = _xyz(lat[0], lon[0])
    normal = np.cross(xyz[0], xyz[-1])
    assert xyz @ normal == pytest.approx(np.zeros(11), abs=1e-9)
    steps = np.arccos(np.clip(np.einsum("ij,ij->i", xyz[:-1], xyz[1:]), -1, 1))
    assert steps == pytest.approx(np.full(10, steps[0]))


def test_many_arcs_at_once() -> None:
    lat, lon = great_circles([0, 10, 20], [0, 10, 20], [5, 15, 25], [5, 15, 25], points=3)
    assert lat.shape == lon.shape == (3, 3)
    assert lat[:, 0].tolist() == [0, 10, 20]


def test_identical_endpoints_give_a_point() -> None:
    lat, lon = great_circles(*ZHENJIANG, *ZHENJIANG, points=4)
    assert lat[0] == pytest.approx([ZHENJIANG[0]] * 4)
    assert lon[0] == pytest.approx([ZHENJIANG[1]] * 4)


def test_an_arc_needs_two_points() -> None:
    with pytest.raises(ValueError, match="at least 2 points, got points=1"):
        great_circles(0, 0, 1, 1, points=1)


def test_midpoint_of_a_transpacific_arc_is_in_the_pacific() -> None:
    lat, lon = midpoints([ZHENJIANG[0]], [ZHENJIANG[1]], [CALIFORNIA[0]], [CALIFORNIA[1]])
    assert -180 <= lon[0] < 180
    assert abs(lon[0]) > 160
    assert lat[0] > 45


coordinate = st.tuples(st.floats(-85, 85), st.floats(-180, 180))


@given(coordinate, coordinate)
def test_any_arc_is_continuous_and_keeps_its_endpoints(
    start: tuple[float, float], end: tuple[float, float]
) -> None:
    lat, lon = great_circles(*start, *end, points=64)
    assert np.all(np.abs(np.diff(lon[0])) < 180)
    assert -180 <= lon[0, 0] <= 180
    assert _xyz(lat[0, -1], lon[0, -1]) == pytest.approx(_xyz(*end), abs=1e-7)
    # The short way: no longer than half the globe.
    xyz = _xyz(lat[0], lon[0])
    length = np.arccos(np.clip(np.einsum("ij,ij->i", xyz[:-1], xyz[1:]), -1, 1)).sum()
    assert length <= np.pi + 1e-6
