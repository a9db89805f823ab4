"""The Export menu: pick a format, and the current view downloads as a file.

The view is the URL's (filters, language and selection) and the map's extent as the person left
it; the file is made by ``partnermap.exports.build.export``, the same code path as ``partnermap
export``. Opening the menu starts the image renderer in the background, so the first PNG does
not wait for the browser either.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Mapping

from dash import ALL, Dash, Input, Output, State, ctx, dcc, no_update

from partnermap.callbacks.context import AppContext
from partnermap.data import texts
from partnermap.data.dataset import Dataset
from partnermap.data.schema import Locality
from partnermap.exports.render import Renderer
from partnermap.exports.request import (
    FORMATS,
    LAYER_TOGGLES,
    PRINT_DPI,
    ExportRequest,
    extent_of,
)
from partnermap.exports.title import clean_title
from partnermap.page import export_menu, ids

#: The export menu's option controls, in ``menu_body``'s order after title and size.
_OPTIONS = (ids.EXPORT_NOTES, ids.EXPORT_SOURCES, ids.EXPORT_PRINT, ids.EXPORT_LAYERS)


def register(
    app: Dash,
    context: AppContext,
    localities: Mapping[str, Locality],
    renderer: Renderer,
    dataset: Dataset,
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
    dataset
        The dataset's description: its title stands where none is typed.
    """
    atexit.register(renderer.close)

    @app.callback(
        Output(ids.EXPORT_BODY, "children"),
        Input(ids.LANG_TOGGLE, "value"),
        State(ids.EXPORT_TITLE, "value"),
        State(ids.EXPORT_SIZE, "value"),
        *[State(cid, "value") for cid in _OPTIONS],
    )
    def translate(lang, title, size, notes, sources, printed, hidden):  # type: ignore[no-untyped-def]
        return export_menu.menu_body(
            lang or "en",
            str(title or "")[:200],
            str(size or "slide"),
            str(notes or "")[:600],
            str(sources or "")[:600],
            printed == "print",
            tuple(hidden or ()),
        )

    # The summary's clicks: html.Details does not report its ``open`` property to Dash.
    @app.callback(Input(ids.EXPORT_SUMMARY, "n_clicks"), prevent_initial_call=True)
    def warm_up(clicks):  # type: ignore[no-untyped-def]
        if clicks:
            threading.Thread(target=renderer.start, name="kaleido-warm-up", daemon=True).start()

    @app.callback(
        Output(ids.EXPORT_DOWNLOAD, "data"),
        Output(ids.EXPORT_STATUS, "children"),
        Input({"type": ids.EXPORT_FORMAT_BUTTON, "format": ALL}, "n_clicks"),
        State(ids.URL, "search"),
        State(ids.EXPORT_TITLE, "value"),
        State(ids.EXPORT_SIZE, "value"),
        State(ids.MAP_EXTENT, "data"),
        *[State(cid, "value") for cid in _OPTIONS],
        prevent_initial_call=True,
    )
    def download(clicks, query, title, size, extent, notes, sources, printed, hidden):  # type: ignore[no-untyped-def]
        if not ctx.triggered_id or not any(clicks):
            return no_update, no_update
        fmt = ctx.triggered_id["format"]
        url_state = context.state(query)
        clean, note = clean_title(str(title or ""), url_state.lang, dataset)
        try:
            request = ExportRequest(
                format=fmt if fmt in FORMATS else "",
                state=url_state.filters,
                lang=url_state.lang,
                title=clean,
                size=size or "slide",
                geo=extent_of(extent),
                notes=str(notes or "")[:600],
                sources_text=str(sources or "")[:600],
                dpi=PRINT_DPI if printed == "print" else None,
                hide=frozenset(hidden or ()) & frozenset(LAYER_TOGGLES),
                selection=url_state.selection,
            )
            # Imported on the first export: folium and the rest take 0.3 s of the start.
            from partnermap.exports.build import export

            result = export(request, localities, context.index, renderer)
        except (ValueError, RuntimeError, TimeoutError) as err:
            return no_update, texts.ui("export_failed", url_state.lang).format(error=err)
        return dcc.send_bytes(result.content, result.filename, type=result.media_type), note
