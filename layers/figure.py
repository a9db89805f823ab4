"""The map figure composed from the layers, and the patch that updates it after a filter change."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

import numpy as np
import plotly.graph_objects as go
from dash import Patch

from partnermap.data import texts
from partnermap.data.view import MapView
from partnermap.layers import arcs, placenames, points, regions
from partnermap.layers.text import plotly_text

#: Drawn bottom to top. Each layer returns a fixed number of traces, so positions are stable.
LAYERS = (regions, arcs, points, placenames)
#: The Pacific-centred default view: China to the US east coast.
HOME = {"lat": 32.0, "lon": -177.0, "scale": 1.55}
MIN_SCALE, MAX_SCALE = 1.55, 6.0


def map_traces(view: MapView, lang: str) -> list[dict[str, Any]]:
    """Every layer's traces, bottom to top, as plain dicts (numeric arrays as numpy arrays)."""
    return [trace for layer in LAYERS for trace in layer.traces(view, lang)]


def map_figure(view: MapView, lang: str, attribution: Mapping[str, str]) -> go.Figure:
    """Return the whole map figure for ``view``.

    Parameters
    ----------
    view
        The filtered view.
    lang
        "en" or "zh".
    attribution
        The basemap credit line by language (``partnermap.geo.basemap.ATTRIBUTION``).
    """
    layout = _layout(_focus(view), _zoom_revision(view), lang, attribution)
    return go.Figure(data=map_traces(view, lang), layout=layout)


def map_skeleton(view: MapView, lang: str, attribution: Mapping[str, str]) -> go.Figure:
    """The map's layout with empty traces of the right types, for the page's first load.

    The first ``map_patch`` fills the traces from the URL's view, so the page does not carry
    the data twice.
    """
    layout = _layout(HOME, "home", lang, attribution)
    placeholders = [{"type": t["type"], "uid": t["uid"]} for t in map_traces(view, lang)]
    return go.Figure(data=placeholders, layout=layout)


def map_patch(view: MapView, lang: str, attribution: Mapping[str, str]) -> Patch:
    """Return the update from any map figure to ``map_figure(view, lang, attribution)``.

    Only the traces' data, the zoom and the credit line change; the basemap, the GeoJSON (a URL)
    and the rest of the layout stay in the browser.
    """
    patch = Patch()
    for i, trace in enumerate(map_traces(view, lang)):
        patch["data"][i] = json_ready(trace)
    focus = _focus(view)
    patch["layout"]["geo"]["center"] = {"lat": focus["lat"], "lon": focus["lon"]}
    patch["layout"]["geo"]["projection"]["scale"] = focus["scale"]
    patch["layout"]["geo"]["projection"]["rotation"]["lon"] = focus["lon"]
    patch["layout"]["uirevision"] = _zoom_revision(view)
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


def _layout(
    focus: Mapping[str, float], revision: str, lang: str, attribution: Mapping[str, str]
) -> go.Layout:
    return go.Layout(
        template="none",
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        height=520,
        paper_bgcolor="#ffffff",
        uirevision=revision,
        dragmode="pan",
        hoverlabel={"bgcolor": "#ffffff", "font": {"size": 13}},
        legend={
            "x": 0.01,
            "y": 0.99,
            "bgcolor": "rgba(255,255,255,0.8)",
            "font": {"size": 11},
        },
        geo={
            "projection": {
                "type": "natural earth",
                "rotation": {"lon": focus["lon"]},
                "scale": focus["scale"],
            },
            "center": {"lat": focus["lat"], "lon": focus["lon"]},
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


def _focus(view: MapView) -> Mapping[str, float]:
    """Where to look: the home view, or the places of the place filter.

    The projection is rotated to the centre too: plotly shows nothing when the centre lies
    more than 180 degrees from the rotation.
    """
    places = view.focus
    if places.empty:
        return HOME
    lon = places["lon"].to_numpy()
    lon = (lon - lon[0] + 180.0) % 360.0 - 180.0 + lon[0]  # the short way round the Pacific
    lat = places["lat"].to_numpy()
    span = max(float(lat.max() - lat.min()), float(lon.max() - lon.min()), 4.0)
    return {
        "lat": float(lat.mean()),
        "lon": float((lon.mean() + 180.0) % 360.0 - 180.0),
        "scale": min(MAX_SCALE, max(MIN_SCALE, 120.0 / span)),
    }


def _zoom_revision(view: MapView) -> str:
    """Changes exactly when the place filter does, so a person's own zoom survives other changes."""
    return "|".join(sorted(view.state.place)) or "home"


def drawn_note(view: MapView, lang: str) -> str:
    """What the map leaves out when the view has more places or links than it draws, else ""."""
    if len(view.points) <= points.MAX_DRAWN and len(view.arcs) <= arcs.MAX_DRAWN:
        return ""
    shown = {"places": len(points.drawn(view)), "links": len(arcs.drawn_rows(view))}
    return texts.ui("drawn", lang).format(**shown)
