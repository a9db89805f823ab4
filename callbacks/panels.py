"""Callbacks: the summary, the details panel and the data table follow the URL and selection."""

from __future__ import annotations

from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, no_update

from partnermap.callbacks import ids
from partnermap.callbacks.context import AppContext
from partnermap.layers import details, summary, table


def register(app: Dash, context: AppContext) -> None:
    """Register the panel callbacks on ``app``."""

    @app.callback(Output(ids.SUMMARY, "children"), Input(ids.URL, "search"))
    def show_summary(query: str | None) -> str:
        state = context.state(query)
        return summary.summary(context.view(state.filters), state.lang)

    @app.callback(
        Output(ids.DETAILS, "children"),
        Input(ids.URL, "search"),
        Input(ids.SELECTION, "data"),
    )
    def show_details(query: str | None, selection: list[str] | None) -> list[Any]:
        state = context.state(query)
        return details.panel(context.view(state.filters), selection, state.lang, context.drafts)

    @app.callback(
        Output(ids.DATA_TABLE, "children"),
        Input(ids.URL, "search"),
        Input(ids.TABLE_SORT, "data"),
    )
    def show_table(query: str | None, sort: dict[str, Any]) -> list[Any]:
        state = context.state(query)
        return table.table(context.view(state.filters), state.lang, sort)

    @app.callback(
        Output(ids.TABLE_SORT, "data"),
        Input({"type": ids.SORT_BUTTON, "column": ALL}, "n_clicks"),
        State(ids.TABLE_SORT, "data"),
        prevent_initial_call=True,
    )
    def sort_table(_clicks: list[int | None], sort: dict[str, Any]) -> object:
        return table.next_sort(sort, table.clicked(ctx.triggered, "column"), no_update)

    @app.callback(
        Output(ids.SELECTION, "data", allow_duplicate=True),
        Input({"type": ids.TABLE_PLACE, "place": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def select_row(_clicks: list[int | None]) -> object:
        return table.row_selection(table.clicked(ctx.triggered, "place"), no_update)

    @app.callback(
        Output(ids.SELECTION, "data", allow_duplicate=True),
        Input(ids.PLACE_SEARCH, "value"),
        prevent_initial_call=True,
    )
    def clear_selection(_place: str | None) -> None:
        return None
