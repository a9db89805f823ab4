"""Callbacks: the map follows the URL; a click on it selects a place or an arc."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, Patch

from partnermap.callbacks import ids
from partnermap.callbacks.context import AppContext
from partnermap.layers.details import Selection, selection_from_click
from partnermap.layers.figure import map_patch


def register(app: Dash, context: AppContext) -> None:
    """Register the map callbacks on ``app``."""

    @app.callback(Output(ids.MAP, "figure"), Input(ids.URL, "search"))
    def repaint(query: str | None) -> Patch:
        state = context.state(query)
        return map_patch(context.view(state.filters), state.lang, context.attribution)

    @app.callback(
        Output(ids.SELECTION, "data"),
        Input(ids.MAP, "clickData"),
        prevent_initial_call=True,
    )
    def select(click: dict[str, Any] | None) -> Selection | None:
        return selection_from_click(click)
