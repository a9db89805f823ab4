"""Callbacks: the map and the summary follow the controls; a click selects a place or an arc.

The map answers first: the timeline, table and details wait for its new figure
(``ids.MAP_ANSWERED``), so on a filter change they neither compete with its callback for the server
nor with its drawing for the browser.
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, Patch

from partnermap.callbacks.context import AppContext
from partnermap.layers.figure import map_patch
from partnermap.page import ids
from partnermap.page.details import Selection, selection_from_click
from partnermap.page.summary import summary


def register(app: Dash, context: AppContext) -> None:
    """Register the map callbacks on ``app``."""

    @app.callback(
        Output(ids.MAP, "figure"),
        Output(ids.SUMMARY, "children"),
        Input(ids.SELECTION, "data"),
        *[Input(cid, prop) for cid, prop in ids.CONTROLS],
    )
    def repaint(chosen: list[str] | None, *controls: Any) -> tuple[Patch, str]:
        state = context.controls_state(*controls)
        view = context.view(state.filters)
        selected = tuple(chosen) if chosen else None
        return map_patch(view, state.lang, context.attribution, selected), summary(view, state.lang)

    app.clientside_callback(
        "(figure) => Date.now()",
        Output(ids.MAP_ANSWERED, "data"),
        Input(ids.MAP, "figure"),
    )

    @app.callback(
        Output(ids.SELECTION, "data", allow_duplicate=True),
        Input(ids.MAP, "clickData"),
        prevent_initial_call=True,
    )
    def select(click: dict[str, Any] | None) -> Selection | None:
        return selection_from_click(click)
