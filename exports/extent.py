"""What an export's map shows: the view's links at the level of detail of the extent left.

Image and HTML exports both draw ``shown``'s view, as the dashboard's map does
(``partnermap.layers.detail``); a selection is drawn whole over it by the selection layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from partnermap.data.view import MapView
from partnermap.exports.request import ExportRequest
from partnermap.layers import placenames
from partnermap.layers.detail import at_extent, frame_from_extent
from partnermap.layers.figure import Selection, zoom_revision


def still_applies(geo: Mapping[str, Any], view: MapView, selection: Selection | None) -> bool:
    """Whether a zoom left under ``geo["uirevision"]`` still frames the map of ``view`` and
    ``selection``: the dashboard's map gives it up when the place filter or the selection
    changes (``layers.figure.zoom_revision``), and frames the new view instead."""
    made = geo.get("uirevision")
    return made is None or made == zoom_revision(view, selection)


def shown(
    view: MapView, request: ExportRequest, box: tuple[float, float] = placenames.BOX
) -> MapView:
    """``view`` as the exported map shows it: at the level of detail of ``request.geo``.

    Parameters
    ----------
    view
        The filtered view.
    request
        The export; its ``geo`` is the extent the person left (empty: the whole view).
    box
        The map's width and height in pixels on the exported page.

    Returns
    -------
    MapView
        ``partnermap.layers.detail.at_extent`` of the extent's frame.
    """
    return at_extent(view, frame(request.geo), box)


def frame(extent: Mapping[str, Any]) -> dict[str, Any] | None:
    """The frame of a viewer's zoom (centre and scale) from a ``layout.geo`` fragment; None if
    partial.

    Examples
    --------
    >>> frame({"center": {"lon": 10, "lat": 50}, "projection": {"scale": 4}})
    {'center': {'lon': 10.0, 'lat': 50.0}, 'projection': {'scale': 4.0}}
    >>> frame({"center": {"lon": 10}}) is None
    True
    """
    center = extent.get("center") or {}
    scale = (extent.get("projection") or {}).get("scale")
    reported = {"lon": center.get("lon"), "lat": center.get("lat"), "scale": scale, "revision": ""}
    return frame_from_extent(reported, "")
