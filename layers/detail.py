"""Level of detail: the links and places the map draws for the part of the world in view.

Zoomed out, links are joined by country pair, then by first-level division pair, then drawn
place to place, as the drawing budget (``arcs.MAX_DRAWN`` links) allows: the finest level whose
links inside the visible extent fit the budget is shown (``partnermap.data.view.choose_level``).
Places inside the extent come first for the point layer's budget. A selection is drawn whole by
the selection layer, whatever the level.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np

from partnermap.data.view import Arcs, MapView, choose_level
from partnermap.layers import arcs, placenames, projection
from partnermap.layers.figure import frame_of, zoom_revision


def at_extent(
    view: MapView,
    frame: Mapping[str, Any] | None = None,
    box: tuple[float, float] = placenames.BOX,
    budget: int | None = None,
) -> MapView:
    """``view`` as the map shows it: its links at the level of detail the extent allows.

    Parameters
    ----------
    view
        The filtered view (``partnermap.data.view.build_view``).
    frame
        The map's ``center`` and ``projection.scale`` (a plotly ``layout.geo`` fragment); None
        for the whole view.
    box
        The map's width and height in pixels.
    budget
        The most links drawn; ``arcs.MAX_DRAWN`` when None.

    Returns
    -------
    MapView
        ``arcs``, ``arc_level``, ``arc_lat`` and ``arc_lon`` hold the links inside the extent at
        the chosen level; ``points`` lists the places inside the extent first (most agreements
        first within each part). Everything else, counts included, is ``view``'s.
    """
    budget = arcs.MAX_DRAWN if budget is None else budget
    rows = {level: _inside_links(links, frame, box) for level, links in view.levels.items()}
    level = choose_level({key: len(found) for key, found in rows.items()}, budget)
    links = view.levels[level]
    chosen = rows[level]
    points = view.points
    if frame is not None and len(points):
        inside = _inside(points["lon"].to_numpy(), points["lat"].to_numpy(), frame, box)
        points = points.iloc[np.argsort(~inside, kind="stable")].reset_index(drop=True)
    return replace(
        view,
        arcs=_taken(links, chosen).table,
        arc_level=level,
        arc_lat=links.lat[chosen],
        arc_lon=links.lon[chosen],
        points=points,
    )


def in_view(
    view: MapView,
    extent: Mapping[str, Any] | None,
    chosen: tuple[str, ...] | None,
    box: tuple[float, float] | None = None,
) -> tuple[MapView, dict[str, Any]]:
    """The view as the map shows it after the zoom or pan the page reports, and its frame.

    Parameters
    ----------
    view
        The filtered view.
    extent
        ``{"lon", "lat", "scale", "width", "height", "revision"}`` from the page after a zoom or
        a pan, or None.
    chosen
        The selection, which decides the map's ``uirevision`` and frame.
    box
        The map's size as the page reports it (None: the usual one).

    Returns
    -------
    tuple
        When the reported extent still applies (``frame_from_extent``): ``at_extent`` of it, and
        that frame, sent back as it is so the map stays where the person left it (plotly does
        not keep a zoom of a geo map across updates by itself). Else ``at_extent`` of the whole
        view and the frame that fits it (``figure.frame_of``).
    """
    frame = frame_from_extent(extent, zoom_revision(view, chosen))
    if frame is None or extent is None:
        whole = at_extent(view)
        return whole, frame_of(whole, chosen, box)
    sent = {
        "center": frame["center"],
        "projection": {**frame["projection"], "rotation": {"lon": frame["center"]["lon"]}},
    }
    return at_extent(view, frame, _box(extent)), sent


def frame_from_extent(extent: Mapping[str, Any] | None, revision: str) -> dict[str, Any] | None:
    """The map frame a person zoomed or panned to, if it still applies.

    Parameters
    ----------
    extent
        ``{"lon", "lat", "scale", "revision"}`` as the page reports it after each zoom or pan
        (``callbacks.mapview``); None before any.
    revision
        The map's current ``uirevision``: a frame taken under another one (another selection or
        place filter, which reframes the map) no longer applies.

    Examples
    --------
    >>> frame_from_extent({"lon": 10, "lat": 50, "scale": 4, "revision": "home"}, "home")
    {'center': {'lon': 10.0, 'lat': 50.0}, 'projection': {'scale': 4.0}}
    >>> frame_from_extent({"lon": 10, "lat": 50, "scale": 4, "revision": "x"}, "home") is None
    True
    """
    if not isinstance(extent, Mapping) or extent.get("revision") != revision:
        return None
    values = [extent.get(key) for key in ("lon", "lat", "scale")]
    if not _numbers(values, 3):
        return None
    lon, lat, scale = (float(v) for v in values)
    if not (-360 <= lon <= 360 and -90 <= lat <= 90 and 0 < scale <= 1000):
        return None
    return {"center": {"lon": lon, "lat": lat}, "projection": {"scale": scale}}


def _numbers(values: object, n: int) -> bool:
    """Whether ``values`` is a list of ``n`` finite numbers (the page may send anything)."""
    return (
        isinstance(values, list | tuple)
        and len(values) == n
        and all(isinstance(v, int | float) and np.isfinite(v) for v in values)
    )


def _box(extent: Mapping[str, Any]) -> tuple[float, float]:
    """The map's size the page reports, else the usual one."""
    size = [extent.get("width"), extent.get("height")]
    if all(isinstance(v, int | float) and 50 <= v <= 10_000 for v in size):
        return float(size[0]), float(size[1])
    return placenames.BOX


def _inside_links(
    links: Arcs, frame: Mapping[str, Any] | None, box: tuple[float, float]
) -> np.ndarray:
    """Positions of the links with an end or their middle inside the extent."""
    if frame is None or not len(links):
        return np.arange(len(links))
    lon = np.concatenate([links.lon[:, 0], links.lon[:, -1], links.mid_lon])
    lat = np.concatenate([links.lat[:, 0], links.lat[:, -1], links.mid_lat])
    return np.flatnonzero(_inside(lon, lat, frame, box).reshape(3, -1).any(axis=0))


def _inside(
    lon: np.ndarray, lat: np.ndarray, frame: Mapping[str, Any], box: tuple[float, float]
) -> np.ndarray:
    x, y = projection.pixels(lon, lat, frame, *box)
    return (x >= 0) & (x <= box[0]) & (y >= 0) & (y <= box[1])


def _taken(links: Arcs, rows: np.ndarray) -> Arcs:
    return replace(
        links,
        ends=links.ends[rows],
        count=links.count[rows],
        listed=links.listed[rows],
        kind=links.kind[rows],
        lat=links.lat[rows],
        lon=links.lon[rows],
        mid_lat=links.mid_lat[rows],
        mid_lon=links.mid_lon[rows],
    )
