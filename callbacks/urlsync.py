"""Callbacks: the controls and panels start from the URL the page opens at; it then follows them.

The two directions are separate callbacks on purpose. The view callbacks listen to the
controls; the Dash renderer holds a callback back while another one that may set its inputs is
running, so a single two-way URL callback would put a round trip before every repaint.
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, no_update

from partnermap.callbacks.context import AppContext
from partnermap.data import urlstate
from partnermap.page import ids


def register(app: Dash, context: AppContext) -> None:
    """Register the URL callbacks on ``app``."""

    @app.callback(
        *[Output(cid, prop) for cid, prop in ids.CONTROLS],
        *[Output(cid, prop) for cid, prop in ids.PANELS],
        Input(ids.URL, "pathname"),
        State(ids.URL, "search"),
    )
    def restore(_path: str | None, query: str | None) -> tuple[Any, ...]:
        return urlstate.controls_from_query(
            query or "",
            context.index.year_bounds,
            context.resolve_place,
            context.place_label,
            no_update,
        )

    @app.callback(
        Output(ids.URL, "search"),
        Output(ids.PLACE_MESSAGE, "children"),
        *[Input(cid, prop) for cid, prop in (*ids.CONTROLS, *ids.PANELS)],
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def record(*values: Any) -> tuple[str, str]:
        *controls, stack, sort, selection, query = values
        return urlstate.query_from_controls(
            urlstate.Controls(*controls),
            urlstate.Panels(stack, sort, selection),
            query or "",
            context.index.year_bounds,
            context.resolve_place,
        )
