"""Callbacks: the details panel and the data table follow the map's view and the selection.

The table is sent as one JSON attribute that ``assets/table.js`` draws, and its buttons have no
callbacks of their own: the script copies the selection or sort a button carries into its store,
so a new table costs the Dash renderer one property, not a component per cell.
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State

from partnermap.callbacks.context import AppContext
from partnermap.page import details, ids, national, suggestions, table


def register(app: Dash, context: AppContext) -> None:
    """Register the panel callbacks on ``app``."""

    @app.callback(
        Output(ids.DETAILS, "children"),
        Input(ids.MAP_ANSWERED, "data"),
        Input(ids.SELECTION, "data"),
        *[State(cid, prop) for cid, prop in ids.CONTROLS],
    )
    def show_details(
        _answered: int | None, selection: list[str] | None, *controls: Any
    ) -> list[Any]:
        state = context.controls_state(*controls)
        return details.panel(context.view(state.filters), selection, state.lang, context.drafts)

    @app.callback(
        Output(ids.DATA_TABLE, ids.TABLE_JSON),
        Input(ids.MAP_ANSWERED, "data"),
        Input(ids.TABLE_SORT, "data"),
        *[State(cid, prop) for cid, prop in ids.CONTROLS],
    )
    def show_table(_answered: int | None, sort: dict[str, Any], *controls: Any) -> str:
        state = context.controls_state(*controls)
        return table.table(context.view(state.filters), state.lang, sort)

    @app.callback(
        Output(ids.NATIONAL, "children"),
        Input(ids.MAP_ANSWERED, "data"),
        *[State(cid, prop) for cid, prop in ids.CONTROLS],
    )
    def show_national(_answered: int | None, *controls: Any) -> list[Any]:
        state = context.controls_state(*controls)
        return national.panel(context.view(state.filters), state.lang)

    @app.callback(
        Output(ids.PLACE_SUGGESTIONS_BOX, "children"),
        Input(ids.LANG_TOGGLE, "value"),
    )
    def show_suggestions(lang: str | None) -> Any:
        return suggestions.box(lang or "en")

    # A place searched for replaces the selection (on Enter: not when a URL fills the box).
    @app.callback(
        Output(ids.SELECTION, "data", allow_duplicate=True),
        Input(ids.PLACE_SEARCH, "n_submit"),
        prevent_initial_call=True,
    )
    def clear_selection(_submitted: int | None) -> None:
        return None
