"""The Export menu: pick a format, and the current view downloads as a file.

The view is the URL's (filters and language) and the map's extent as the person left it; the
file is made by ``partnermap.exports.build.export``, the same code path as ``partnermap
export``. Opening the menu starts the image renderer in the background, so the first PNG does
not wait for the browser either.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Mapping
from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update

from partnermap.callbacks import ids
from partnermap.callbacks.context import AppContext
from partnermap.data.schema import Locality
from partnermap.exports import describe
from partnermap.exports.build import export
from partnermap.exports.render import Renderer
from partnermap.exports.request import FORMATS, SIZES, ExportRequest

BODY = "export-body"
TITLE = "export-title"
SIZE = "export-size"
DOWNLOAD = "export-download"
STATUS = "export-status"
#: Pattern-matching id type of the format buttons: ``{"type": FORMAT_BUTTON, "format": "png"}``.
FORMAT_BUTTON = "export-format"

_WORDS = {
    "en": {
        "title": "Title",
        "size": "Page",
        "slide": "Slide 16:9",
        "a4": "A4 landscape",
        "letter": "Letter landscape",
        "image": "Briefing figure",
        "data": "Map page and data",
        "failed": "Export failed: {error}",
    },
    "zh": {
        "title": "标题",
        "size": "页面",
        "slide": "幻灯片 16:9",
        "a4": "A4 横向",
        "letter": "Letter 横向",
        "image": "简报图",
        "data": "地图网页与数据",
        "failed": "导出失败：{error}",
    },
}
# Inline, so the menu needs nothing from the app's stylesheet: a popover under the summary.
_PANEL_STYLE = {
    "position": "absolute",
    "right": 0,
    "zIndex": 1000,
    "width": "280px",
    "background": "#ffffff",
    "border": "1px solid #d0d0c8",
    "borderRadius": "4px",
    "padding": "8px 10px",
    "fontSize": "0.85rem",
    "display": "flex",
    "flexDirection": "column",
    "gap": "6px",
}
_FORMAT_LABELS = {"png": "PNG", "pdf": "PDF", "svg": "SVG", "html": "HTML", "geojson": "GeoJSON", "csv": "CSV"}  # fmt: skip


def menu() -> html.Details:
    """The Export menu, in English until the language callback fills its body."""
    return html.Details(
        [
            html.Summary(html.Span("Export", id=ids.text("export"))),
            html.Div(menu_body("en"), id=BODY, className="export-panel", style=_PANEL_STYLE),
            dcc.Download(id=DOWNLOAD),
        ],
        id=ids.EXPORT_MENU,
        className="export-menu",
        style={"position": "relative"},
    )


def menu_body(lang: str, title: str = "", size: str = "slide") -> list[Any]:
    """The menu's controls in ``lang``: title, page size, one button per format, a status line.

    ``title`` and ``size`` are what the person has typed and chosen, kept across languages.
    """
    words = _WORDS[lang]

    def buttons(formats: tuple[str, ...]) -> html.Div:
        return html.Div(
            [
                html.Button(
                    _FORMAT_LABELS[fmt],
                    id={"type": FORMAT_BUTTON, "format": fmt},
                    className="export-button",
                    n_clicks=0,
                )
                for fmt in formats
            ],
            className="export-buttons",
            style={"display": "flex", "gap": "6px"},
        )

    return [
        html.Label(
            [
                words["title"],
                dcc.Input(
                    id=TITLE,
                    type="text",
                    value=title,
                    placeholder=describe.default_title(lang),
                    maxLength=200,
                ),
            ],
            style={"display": "flex", "flexDirection": "column"},
        ),
        html.Label(
            [
                words["size"],
                dcc.RadioItems(
                    id=SIZE,
                    options=[{"label": words[size], "value": size} for size in SIZES],
                    value=size if size in SIZES else "slide",
                    inline=True,
                ),
            ]
        ),
        html.Div(words["image"], className="export-group"),
        buttons(("png", "pdf", "svg")),
        html.Div(words["data"], className="export-group"),
        buttons(("html", "geojson", "csv")),
        html.Div(id=STATUS, role="status", className="export-status"),
    ]


def extent_of(relayout: Mapping[str, Any] | None) -> dict[str, Any]:
    """The map extent a person left, from the graph's ``relayoutData`` (``geo.*`` keys).

    Examples
    --------
    >>> extent_of({"geo.center.lon": 120.0, "geo.projection.scale": 4, "autosize": True})
    {'center': {'lon': 120.0}, 'projection': {'scale': 4}}
    """
    extent: dict[str, Any] = {}
    for key, value in (relayout or {}).items():
        path = key.split(".")
        if path[0] != "geo" or len(path) < 2 or path[1] not in ("center", "projection"):
            continue
        node = extent
        for part in path[1:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return extent


def register(
    app: Dash, context: AppContext, localities: Mapping[str, Locality], renderer: Renderer
) -> None:
    """Register the export callbacks on ``app``.

    Parameters
    ----------
    app
        The dashboard.
    context
        The app's shared state: the corpus index and the URL parser.
    localities
        The locality table, by id.
    renderer
        The warm browser for images; closed when the process exits.
    """
    atexit.register(renderer.close)

    @app.callback(
        Output(BODY, "children"),
        Input(ids.LANG_TOGGLE, "value"),
        State(TITLE, "value"),
        State(SIZE, "value"),
    )
    def translate(lang, title, size):  # type: ignore[no-untyped-def]
        return menu_body(lang or "en", str(title or "")[:200], str(size or "slide"))

    @app.callback(Input(ids.EXPORT_MENU, "open"))
    def warm_up(is_open):  # type: ignore[no-untyped-def]
        if is_open:
            threading.Thread(target=renderer.start, name="kaleido-warm-up", daemon=True).start()

    @app.callback(
        Output(DOWNLOAD, "data"),
        Output(STATUS, "children"),
        Input({"type": FORMAT_BUTTON, "format": ALL}, "n_clicks"),
        State(ids.URL, "search"),
        State(TITLE, "value"),
        State(SIZE, "value"),
        State(ids.MAP, "relayoutData"),
        prevent_initial_call=True,
    )
    def download(clicks, query, title, size, relayout):  # type: ignore[no-untyped-def]
        if not ctx.triggered_id or not any(clicks):
            return no_update, no_update
        fmt = ctx.triggered_id["format"]
        url_state = context.state(query)
        try:
            request = ExportRequest(
                format=fmt if fmt in FORMATS else "",
                state=url_state.filters,
                lang=url_state.lang,
                title=(title or "").strip() or None,
                size=size or "slide",
                geo=extent_of(relayout),
            )
            result = export(request, localities, context.index, renderer)
        except (ValueError, RuntimeError, TimeoutError) as err:
            return no_update, _WORDS[url_state.lang]["failed"].format(error=err)
        return dcc.send_bytes(result.content, result.filename, type=result.media_type), ""
