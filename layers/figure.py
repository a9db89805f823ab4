"""The map figure composed from the layers, and the patch that updates it after a filter change.

The map frames what it draws: every drawn place, hub and link, vertex by vertex, so no arc runs
past the frame; with a selection, the selection's places and links, so both ends show. A
selection is drawn over the rest, which is dimmed.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

import numpy as np
import plotly.graph_objects as go
from dash import Patch

from partnermap.data import texts
from partnermap.data.view import MapView
from partnermap.layers import arcs, hubs, placenames, points, projection, regions, selection
from partnermap.layers.text import plotly_text

Selection = tuple[str, ...]
#: The Pacific-centred view of an empty map: China to the US east coast.
HOME = {
    "center": {"lat": 32.0, "lon": -177.0},
    "projection": {"scale": 1.55, "rotation": {"lon": -177.0}},
}
MAX_SCALE = 6.0
#: Opacity of what a selection leaves out.
DIMMED = 0.2
_DIMMED_LAYERS = ("arcs", "arc-midpoints", "points", "hubs")


def map_traces(
    view: MapView,
    lang: str,
    chosen: Selection | None = None,
    frame: Mapping[str, Any] | None = None,
    box: tuple[float, float] = placenames.BOX,
) -> list[dict[str, Any]]:
    """Every layer's traces, bottom to top, as plain dicts (numeric arrays as numpy arrays).

    The number of traces never changes, so an update can replace them by position.

    Parameters
    ----------
    view
        The filtered view.
    lang
        "en" or "zh".
    chosen
        The selection, drawn over the rest, which is dimmed.
    frame
        The map's ``center`` and ``projection`` (``frame_of``) the labels are placed for.
    box
        The map's width and height in pixels.
    """
    frame = frame or frame_of(view, chosen)
    dim = bool(chosen) and not selection.ends(view, chosen).empty
    layers = [
        *regions.traces(view, lang),
        *[_dimmed(t, dim) for t in arcs.traces(view, lang)],
        *[_dimmed(t, dim) for t in hubs.traces(view, lang)],
        *[_dimmed(t, dim) for t in points.traces(view, lang)],
        *selection.traces(view, lang, chosen),
        *placenames.traces(view, lang, frame, box),
    ]
    return layers


def frame_of(
    view: MapView, chosen: Selection | None = None, box: tuple[float, float] | None = None
) -> dict[str, Any]:
    """The ``center`` and ``projection`` that show every drawn mark, or the selection's.

    Links count by their whole drawn path, so no link runs past the frame. A tall ``box`` (a
    phone's map) gets a frame cropped to its own shape (``projection.fit``).
    """
    ends = selection.ends(view, chosen)
    if not ends.empty:
        link_lat, link_lon = arcs.outline(view, selection.arc_rows(view, chosen), level="place")
        lon = [ends["lon"].to_numpy(), link_lon]
        lat = [ends["lat"].to_numpy(), link_lat]
    else:
        drawn, venues = points.drawn(view), hubs.drawn(view)
        link_lat, link_lon = arcs.outline(view, arcs.drawn_rows(view))
        lon = [drawn["lon"].to_numpy(), venues["lon"].to_numpy(), link_lon]
        lat = [drawn["lat"].to_numpy(), venues["lat"].to_numpy(), link_lat]
    lon_all, lat_all = np.concatenate(lon), np.concatenate(lat)
    if not np.isfinite(lon_all).any():
        return HOME
    aspect = box[0] / box[1] if box else None
    return projection.fit(lon_all, lat_all, max_scale=MAX_SCALE, aspect=aspect)


def map_figure(
    view: MapView,
    lang: str,
    attribution: Mapping[str, str],
    chosen: Selection | None = None,
    box: tuple[float, float] = placenames.BOX,
) -> go.Figure:
    """Return the whole map figure for ``view``.

    Parameters
    ----------
    view
        The filtered view.
    lang
        "en" or "zh".
    attribution
        The basemap credit line by language (``partnermap.geo.basemap.ATTRIBUTION``).
    chosen
        The selection to bring out, if any.
    box
        The map's width and height in pixels, for framing and placing labels.
    """
    frame = frame_of(view, chosen, box)
    layout = _layout(frame, zoom_revision(view, chosen), lang, attribution)
    return go.Figure(data=map_traces(view, lang, chosen, frame, box), layout=layout)


def map_skeleton(view: MapView, lang: str, attribution: Mapping[str, str]) -> go.Figure:
    """The map's layout with empty traces of the right types, for the page's first load.

    The first ``map_patch`` fills the traces from the URL's view, so the page does not carry
    the data twice.
    """
    layout = _layout(HOME, "home", lang, attribution)
    placeholders = [{"type": t["type"], "uid": t["uid"]} for t in map_traces(view, lang)]
    return go.Figure(data=placeholders, layout=layout)


def map_patch(
    view: MapView,
    lang: str,
    attribution: Mapping[str, str],
    chosen: Selection | None = None,
    box: tuple[float, float] | None = None,
    frame: Mapping[str, Any] | None = None,
) -> Patch:
    """Return the update from any map figure to ``map_figure(view, lang, attribution, chosen,
    box)``.

    Only the traces' data, the frame and the credit line change; the basemap, the GeoJSON (a
    URL) and the rest of the layout stay in the browser. ``box`` is the map's size as the page
    reports it (None: not known, the usual one). ``frame`` is the frame to send, when it is not
    ``frame_of(view, chosen, box)``: the whole view's, while ``view`` holds what a zoom shows
    (``partnermap.layers.detail.in_view``), so that the frame, and with it the person's zoom,
    stays as it is.
    """
    patch = Patch()
    frame = frame or frame_of(view, chosen, box)
    for i, trace in enumerate(map_traces(view, lang, chosen, frame, box or placenames.BOX)):
        patch["data"][i] = json_ready(trace)
    # A phone's cropped frame, or None: plotly's own, the whole world.
    for axis in ("lonaxis", "lataxis"):
        patch["layout"]["geo"][axis]["range"] = frame.get(axis, {}).get("range")
    patch["layout"]["geo"]["center"] = frame["center"]
    patch["layout"]["geo"]["projection"]["scale"] = frame["projection"]["scale"]
    patch["layout"]["geo"]["projection"]["rotation"]["lon"] = frame["center"]["lon"]
    patch["layout"]["uirevision"] = zoom_revision(view, chosen)
    patch["layout"]["annotations"][0]["text"] = plotly_text(attribution[lang])
    return patch


def json_ready(value: Any) -> Any:
    """``value`` with every numeric numpy array as a plotly.js typed array (base64 bytes).

    Dash writes numpy arrays as JSON lists of numbers, several times larger; plotly.js reads
    ``{"dtype": "f8", "bdata": ...}`` as the array itself.

    Examples
    --------
    >>> json_ready({"x": np.array([1.0, 2.0]), "n": np.array([3], dtype=np.int16), "name": "a"})
    {'x': {'dtype': 'f4', 'bdata': 'AACAPwAAAEA='}, 'n': {'dtype': 'i2', 'bdata': 'AwA='}, 'name': 'a'}
    """
    if isinstance(value, dict):
        return {key: json_ready(item) for key, item in value.items()}
    if isinstance(value, np.ndarray) and value.dtype.kind in "fiub":
        code = value.dtype.str[1:]
        array = value.astype(_TYPED.get(code, "<" + code), copy=False)
        return {
            "dtype": array.dtype.str[1:],
            "bdata": base64.b64encode(np.ascontiguousarray(array).tobytes()).decode(),
        }
    return value


#: numpy dtypes -> the typed array sent (little-endian): plotly.js has no 64-bit integers, and
#: coordinates and marker sizes need no more than float32's seven digits (a metre or so).
_TYPED = {"i8": "<i4", "u8": "<u4", "b1": "<u1", "f2": "<f4", "f8": "<f4"}


def _dimmed(trace: dict[str, Any], dim: bool) -> dict[str, Any]:
    """``trace`` faded behind a selection; the trace itself when nothing is selected."""
    return {**trace, "opacity": DIMMED if dim else 1.0}


def _layout(
    frame: Mapping[str, Any], revision: str, lang: str, attribution: Mapping[str, str]
) -> go.Layout:
    # The legends are the page's (page/legend.py), beside the map, not over it.
    return go.Layout(
        template="none",
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        # No height: the page sizes the map to the world frame's shape (assets/style.css).
        autosize=True,
        paper_bgcolor="#ffffff",
        uirevision=revision,
        dragmode="pan",
        showlegend=False,
        hovermode="closest",
        hoverdistance=12,
        hoverlabel={"bgcolor": "#ffffff", "font": {"size": 13}},
        geo={
            "projection": {
                "type": "natural earth",
                "rotation": {"lon": frame["center"]["lon"]},
                "scale": frame["projection"]["scale"],
            },
            "center": dict(frame["center"]),
            **{axis: dict(frame[axis]) for axis in ("lonaxis", "lataxis") if axis in frame},
            "showland": True,
            "landcolor": "#efeee8",
            "showocean": True,
            "oceancolor": "#f4f8fb",
            "showcountries": True,
            "countrycolor": "#b8b8b0",
            "countrywidth": 0.6,
            "showcoastlines": True,
            "coastlinecolor": "#a9a9a0",
            "coastlinewidth": 0.6,
            "showlakes": False,
            "showframe": False,
            "bgcolor": "#ffffff",
        },
        annotations=[
            {
                "text": plotly_text(attribution[lang]),
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0.0,
                "y": 0.0,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"size": 10, "color": "#555555"},
                "bgcolor": "rgba(255,255,255,0.75)",
            }
        ],
    )


def zoom_revision(view: MapView, chosen: Selection | None = None) -> str:
    """The map's ``uirevision``: changes exactly when the place filter or the selection does, so
    a person's own zoom survives every other change."""
    return "|".join([*sorted(view.state.place), *(chosen or ())]) or "home"


def drawn_note(view: MapView, lang: str) -> str:
    """What the map leaves out: which level of detail its links are joined at, and whether it
    draws only the busiest places and links; "" when it draws every place and link."""
    parts = [] if view.arc_level == "place" else [texts.ui(f"drawn_level_{view.arc_level}", lang)]
    if len(view.points) > points.MAX_DRAWN or len(view.arcs) > arcs.MAX_DRAWN:
        shown = {"places": len(points.drawn(view)), "links": len(arcs.drawn_rows(view))}
        parts.append(texts.ui("drawn", lang).format(**shown))
    if hubs.venue_count(view) > hubs.MAX_DRAWN:
        parts.append(texts.ui("drawn_hubs", lang).format(n=hubs.MAX_DRAWN))
    return ("；" if lang == "zh" else "; ").join(parts)
