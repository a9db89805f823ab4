"""The briefing figure: the dashboard's map, composed on a page with the words a memo needs.

Page layout (fractions of the page): title, filter line and selection on top; the map on the
left two thirds; on the right the legend, the colour bar, the counts, the notes and the source
documents; the export date and the boundary credit along the bottom. The map's traces and geo
settings are the dashboard's own (``partnermap.layers.figure.map_figure``); only their place on
the page, the extent and the choropleth's GeoJSON address change, and the legend items of the
layers a selection dims are drawn by empty twins at full strength.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from partnermap.data import texts
from partnermap.data.view import MapView
from partnermap.exports import describe
from partnermap.exports.extent import shown
from partnermap.exports.request import ExportRequest
from partnermap.geo.basemap import ADMIN1_FILE, ATTRIBUTION
from partnermap.layers import regions
from partnermap.layers.figure import drawn_note, map_figure
from partnermap.layers.text import plotly_text

#: A Latin font first (Noto CJK's digits lose their text mapping in chromium's PDFs), then CJK ones
#: for Chinese; both embed as text, so PDF text stays selectable.
FONT_FAMILY = (
    "Liberation Sans, Arial, Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif"
)

MAP_WIDTH = 0.70
MAP_TOP = 0.84
#: Width over height of the natural-earth world frame that plotly fits into the map's box.
MAP_ASPECT = 1.95
SIDE_X = 0.72
_MARGIN = {"l": 28, "r": 28, "t": 24, "b": 18}
_LINE_PX = 15
_MAX_SOURCE_CHARS = 44


def briefing_figure(
    view: MapView,
    request: ExportRequest,
    localities: Mapping[str, Any],
    today: dt.date | None = None,
) -> go.Figure:
    """Compose the export page for ``view``.

    Parameters
    ----------
    view
        The filtered view, as the dashboard builds it.
    request
        Title, language, page size, the map extent to keep and the selection to draw whole.
    localities
        The locality table, by id, for the place filter's names.
    today
        The export date (defaults to today).

    Returns
    -------
    plotly.graph_objects.Figure
        Sized ``request.pixels``; its choropleth reads the states and provinces from the
        basemap file, so it renders without the dashboard's server.
    """
    lang = request.lang
    width, height = request.pixels
    domain = _map_domain(width, height)
    box = (
        (domain["x"][1] - domain["x"][0]) * (width - _MARGIN["l"] - _MARGIN["r"]),
        (domain["y"][1] - domain["y"][0]) * (height - _MARGIN["t"] - _MARGIN["b"]),
    )
    view = shown(view, request, box)
    base = map_figure(view, lang, ATTRIBUTION, request.selection, box)
    for trace in base.data:
        if isinstance(trace, go.Choropleth) and trace.geojson == regions.GEOJSON_PATH:
            trace.geojson = ADMIN1_FILE.resolve().as_uri()
            trace.showscale = True
            trace.colorbar.update(
                x=SIDE_X, xanchor="left", y=0.56, yanchor="top", len=0.16, orientation="h"
            )
    data = _legend_at_full_strength(base.data)
    for trace in data:
        if _layer_of(trace.uid) in request.hide:
            trace.visible = False
        if trace.uid == "regions" and "legend" in request.hide:
            trace.showscale = False
    geo = base.layout.geo.to_plotly_json()
    geo["domain"] = domain
    _apply_extent(geo, request.geo)

    title = request.title or describe.default_title(lang)
    subtitle = [
        describe.filter_summary(view.state, localities, lang),
        describe.selection_line(view, request.selection, lang),
    ]
    source_lines = (
        _wrap(request.sources_text, lang)
        if request.sources_text
        else _source_lines(view, height, lang, request.format == "pdf")
    )
    notes = [drawn_note(view, lang), describe.selection_note(view, request.selection, lang)]
    side_text = (
        f"<b>{plotly_text(describe.count_summary(view.records, localities, lang))}</b>"
        + "".join(f"<br>{plotly_text(line)}" for note in notes for line in _wrap(note, lang))
        + "".join(f"<br>{plotly_text(line)}" for line in _wrap(request.notes, lang))
        + f"<br><br><b>{plotly_text(texts.ui('sources', lang))}</b><br>"
        + "<br>".join(plotly_text(line) for line in source_lines)
    )
    footer = f"{describe.export_date(lang, today)} · {ATTRIBUTION[lang]}"
    annotations = [
        _text(plotly_text(title), 0.0, 1.0, size=24, yanchor="top", color="#111111"),
        _text(
            "<br>".join(plotly_text(line) for line in subtitle if line),
            0.0,
            0.93,
            size=13,
            yanchor="top",
            color="#444444",
        ),
        _text(side_text, SIDE_X, 0.44, size=11, yanchor="top", color="#222222"),
        _text(plotly_text(footer), 0.0, 0.0, size=9, yanchor="bottom", color="#666666"),
    ]
    layout = {
        **_page(width, height),
        "geo": geo,
        "showlegend": "legend" not in request.hide,
        "legend": {
            "x": SIDE_X,
            "y": 0.84,
            "xanchor": "left",
            "yanchor": "top",
            "bgcolor": "rgba(0,0,0,0)",
            "font": {"size": 12},
            "title": {"text": ""},
        },
        "annotations": annotations,
    }
    return go.Figure(data=data, layout=layout)


def _legend_at_full_strength(traces: tuple[BaseTraceType, ...]) -> list[BaseTraceType]:
    """``traces``, each dimmed one with a legend item followed by an empty twin that carries
    the item at full strength.

    A selection dims the rest of the map by trace opacity (``layers.figure``), and plotly draws
    a legend item at its trace's opacity; the twin draws nothing on the map.
    """
    shown: list[BaseTraceType] = []
    for trace in traces:
        shown.append(trace)
        opacity = getattr(trace, "opacity", None)  # a choropleth has none
        if trace.showlegend is not False and opacity is not None and opacity < 1:
            twin = type(trace)(trace)
            twin.update(uid=f"{trace.uid}-legend", lat=[None], lon=[None], opacity=1.0)
            twin.customdata = twin.text = None
            trace.showlegend = False
            shown.append(twin)
    return shown


def _layer_of(uid: str) -> str:
    """Which toggle of ``LAYER_TOGGLES`` a map trace belongs to ("" for none)."""
    if uid == "place-names":
        return "labels"
    if uid.startswith(("arcs-", "arc-midpoints", "selected-links", "selected-spokes")):
        return "links"
    return "shading" if uid == "regions" else ""


def _map_domain(width: int, height: int) -> dict[str, list[float]]:
    """The map's box: full map width, as tall as the world frame needs, hung from ``MAP_TOP``.

    plotly keeps the projection's aspect and centres it in the box; a box of the same aspect
    leaves no empty band above the map, whatever the page size.
    """
    inner_width = width - _MARGIN["l"] - _MARGIN["r"]
    inner_height = height - _MARGIN["t"] - _MARGIN["b"]
    tall = min(MAP_TOP - 0.06, MAP_WIDTH * inner_width / MAP_ASPECT / inner_height)
    return {"x": [0.0, MAP_WIDTH], "y": [MAP_TOP - tall, MAP_TOP]}


def _apply_extent(geo: dict[str, Any], extent: Mapping[str, Any]) -> None:
    """Keep the viewer's zoom: its centre, projection scale and rotation override the home view.

    The projection is turned to face the centre: plotly draws nothing when the centre lies
    outside the longitudes a rotated, zoomed-in projection shows.
    """
    if "center" in extent:
        geo["center"] = dict(extent["center"])
    projection = geo.setdefault("projection", {})
    for key in ("scale", "rotation"):
        if key in extent.get("projection", {}):
            projection[key] = extent["projection"][key]
    if "rotation" not in extent.get("projection", {}) and "lon" in geo.get("center", {}):
        projection.setdefault("rotation", {})["lon"] = geo["center"]["lon"]


def _source_lines(view: MapView, height: int, lang: str, paged: bool) -> list[str]:
    """The first sources, as many as fit the side column, each cut to the column's width; the
    last line says where the full list is (the PDF's next page, or the CSV export)."""
    room = max(3, int(height * 0.36) // _LINE_PX)
    lines = describe.source_list(view.records, room, lang)
    total = len(describe.source_list(view.records, None, lang))
    if paged and total > room:
        lines[-1] = texts.ui("more_on_next_page", lang).format(n=total - room + 1)
    return [
        line if len(line) <= _MAX_SOURCE_CHARS else line[: _MAX_SOURCE_CHARS - 1] + "…"
        for line in lines
    ]


def sources_page(view: MapView, request: ExportRequest) -> go.Figure:
    """The PDF's second page: every source of the view as "Publisher — Title (date)".

    In two columns of wrapped lines, the font shrinking until the list fits the page.
    """
    lang = request.lang
    width, height = request.pixels
    sources = describe.source_list(view.records, None, lang)
    usable = height - _MARGIN["t"] - _MARGIN["b"] - 60
    for size in (10, 9, 8, 7, 6):
        chars = int((width - _MARGIN["l"] - _MARGIN["r"]) / 2 / (size * 0.62))
        lines = [
            (" " * 3 if i else f"{n}. ") + part
            for n, source in enumerate(sources, 1)
            for i, part in enumerate(textwrap.wrap(source, chars - 4) or [""])
        ]
        per_column = max(1, int(usable // (size * 1.35)))
        if len(lines) <= 2 * per_column:
            break
    columns = [lines[:per_column], lines[per_column : 2 * per_column]]
    heading = f"<b>{plotly_text(texts.ui('sources', lang))}</b> ({len(sources)})"
    annotations = [_text(heading, 0.0, 1.0, size=16, yanchor="top", color="#111111")]
    annotations += [
        _text(
            "<br>".join(plotly_text(line) for line in column),
            x,
            0.93,
            size=size,
            yanchor="top",
            color="#222222",
        )
        for column, x in zip(columns, (0.0, 0.5), strict=True)
        if column
    ]
    layout = {
        **_page(width, height),
        "xaxis": {"visible": False},
        "yaxis": {"visible": False},
        "annotations": annotations,
    }
    return go.Figure(layout=layout)


def _page(width: int, height: int) -> dict[str, Any]:
    """What every page of an image export shares: its size, margins, paper and font."""
    return {
        "template": "none",
        "width": width,
        "height": height,
        "margin": _MARGIN,
        "paper_bgcolor": "#ffffff",
        "font": {"family": FONT_FAMILY, "color": "#222222"},
    }


def _wrap(text: str, lang: str) -> list[str]:
    """``text`` in lines that fit the side column (Chinese characters are twice as wide)."""
    return textwrap.wrap(text, _MAX_SOURCE_CHARS // 2 if lang == "zh" else _MAX_SOURCE_CHARS)


def _text(text: str, x: float, y: float, *, size: int, yanchor: str, color: str) -> dict[str, Any]:
    return {
        "text": text,
        "x": x,
        "y": y,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "left",
        "yanchor": yanchor,
        "align": "left",
        "showarrow": False,
        "font": {"size": size, "color": color},
    }
