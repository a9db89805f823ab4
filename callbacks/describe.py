"""Callbacks: the map's text twin follows the map and the selection (``layers.text_twin``)."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State

from partnermap.callbacks.context import AppContext
from partnermap.layers import text_twin
from partnermap.page import ids


def register(app: Dash, context: AppContext) -> None:
    """Register the text-twin callback on ``app``."""

    # After the map's new figure, like the table and details, so it says what is drawn.
    @app.callback(
        Output(ids.MAP_TEXT, "children"),
        Input(ids.MAP_ANSWERED, "data"),
        Input(ids.SELECTION, "data"),
        *[State(cid, prop) for cid, prop in ids.CONTROLS],
    )
    def describe(_answered: int | None, selection: list[str] | None, *controls: Any) -> str:
        state = context.controls_state(*controls)
        return text_twin.describe(context.view(state.filters), state.lang, selection)
