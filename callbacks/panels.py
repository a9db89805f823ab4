"""Callbacks: the details panel and the data table follow the controls and the selection.

The table's buttons have no callbacks of their own: ``assets/table.js`` copies the selection or
sort a button carries into its store, so a new table does not make the Dash renderer crawl and
fire a pattern-matching callback per button.
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output

from partnermap.callbacks import ids
from partnermap.callbacks.context import AppContext
from partnermap.layers import details, table


def register(app: Dash, context: AppContext) -> None:
    """Register the panel callbacks on ``app``."""

    @app.callback(
        Output(ids.DETAILS, "children"),
        *[Input(cid, prop) for cid, prop in ids.CONTROLS],
        Input(ids.SELECTION, "data"),
    )
    def show_details(*values: Any) -> list[Any]:
        *controls, selection = values
        state = context.controls_state(*controls)
        return details.panel(context.view(state.filters), selection, state.lang, context.drafts)

    @app.callback(
        Output(ids.DATA_TABLE, "children"),
        *[Input(cid, prop) for cid, prop in ids.CONTROLS],
        Input(ids.TABLE_SORT, "data"),
    )
    def show_table(*values: Any) -> list[Any]:
        *controls, sort = values
        state = context.controls_state(*controls)
        return table.table(context.view(state.filters), state.lang, sort)

    @app.callback(
        Output(ids.SELECTION, "data", allow_duplicate=True),
        Input(ids.PLACE_SEARCH, "value"),
        prevent_initial_call=True,
    )
    def clear_selection(_place: str | None) -> None:
        return None
