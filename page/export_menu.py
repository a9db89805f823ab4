"""The Export menu: a title, a page size, and one button per format (``callbacks.export``)."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from partnermap.data import texts
from partnermap.exports.request import LAYER_TOGGLES, SIZES
from partnermap.page import ids

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


def menu() -> html.Details:
    """The Export menu, in English until the language callback fills its body."""
    return html.Details(
        [
            html.Summary(
                html.Span(texts.ui("export", "en"), id=ids.text("export")), id=ids.EXPORT_SUMMARY
            ),
            html.Div(
                menu_body("en"), id=ids.EXPORT_BODY, className="export-panel", style=_PANEL_STYLE
            ),
            dcc.Download(id=ids.EXPORT_DOWNLOAD),
        ],
        id=ids.EXPORT_MENU,
        className="export-menu",
        style={"position": "relative"},
    )


def menu_body(
    lang: str,
    title: str = "",
    size: str = "slide",
    notes: str = "",
    sources_text: str = "",
    print_dpi: bool = False,
    hidden: tuple[str, ...] = (),
) -> list[Any]:
    """The menu's controls in ``lang``: title, page size, notes and source line, print
    resolution, the map layers to leave out, one button per format, a status line.

    Every value is what the person has typed and chosen, kept across languages.
    """

    def buttons(formats: tuple[str, ...]) -> html.Div:
        return html.Div(
            [
                html.Button(
                    texts.ui(f"format_{fmt}", lang),
                    id={"type": ids.EXPORT_FORMAT_BUTTON, "format": fmt},
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
                texts.ui("export_title_field", lang),
                dcc.Input(
                    id=ids.EXPORT_TITLE,
                    type="text",
                    value=title,
                    placeholder=texts.ui("title", lang),
                    maxLength=200,
                ),
            ],
            style={"display": "flex", "flexDirection": "column"},
        ),
        html.Div(
            [
                html.Label(texts.ui("export_size", lang), htmlFor=ids.EXPORT_SIZE),
                dcc.RadioItems(
                    id=ids.EXPORT_SIZE,
                    options=[
                        {"label": texts.ui(f"size_{size}", lang), "value": size} for size in SIZES
                    ],
                    value=size if size in SIZES else "slide",
                    inline=True,
                ),
            ]
        ),
        *[
            html.Label(
                [
                    texts.ui(key, lang),
                    dcc.Textarea(id=cid, value=value, maxLength=600, rows=2),
                ],
                style={"display": "flex", "flexDirection": "column"},
            )
            for key, cid, value in (
                ("export_notes", ids.EXPORT_NOTES, notes),
                ("export_sources", ids.EXPORT_SOURCES, sources_text),
            )
        ],
        # Radio items and a multiple dropdown, as the page's other choices: Dash's checklists
        # nest their inputs in ARIA options, which screen readers cannot use.
        html.Div(
            [
                html.Label(texts.ui("export_resolution", lang), htmlFor=ids.EXPORT_PRINT),
                dcc.RadioItems(
                    id=ids.EXPORT_PRINT,
                    options=[
                        {"label": texts.ui("export_screen", lang), "value": "screen"},
                        {"label": texts.ui("export_print", lang), "value": "print"},  # PRINT_DPI
                    ],
                    value="print" if print_dpi else "screen",
                    inline=True,
                ),
            ]
        ),
        html.Div(
            [
                html.Label(texts.ui("export_layers", lang), htmlFor=ids.EXPORT_LAYERS),
                dcc.Dropdown(
                    id=ids.EXPORT_LAYERS,
                    multi=True,
                    options=[
                        {"label": texts.ui(f"layer_{layer}", lang), "value": layer}
                        for layer in LAYER_TOGGLES
                    ],
                    value=[layer for layer in LAYER_TOGGLES if layer in hidden],
                    placeholder=texts.ui("export_layers_none", lang),
                    searchable=False,
                ),
            ]
        ),
        html.Div(texts.ui("export_image", lang), className="export-group"),
        buttons(("png", "pdf", "svg")),
        html.Div(texts.ui("export_data", lang), className="export-group"),
        buttons(("html", "geojson", "csv")),
        html.Div(id=ids.EXPORT_STATUS, role="status", className="export-status"),
    ]
