"""Callbacks: the URL and the filter controls follow each other."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, ctx, no_update

from partnermap.callbacks import ids
from partnermap.callbacks.context import AppContext
from partnermap.data import urlstate


def register(app: Dash, context: AppContext) -> None:
    """Register the URL <-> controls callback on ``app``."""
    controls = [
        (ids.FILTER_SECTOR, "value"),
        (ids.FILTER_TYPE, "value"),
        (ids.FILTER_LEVEL, "value"),
        (ids.FILTER_YEARS, "value"),
        (ids.PLACE_SEARCH, "value"),
        (ids.LANG_TOGGLE, "value"),
    ]

    @app.callback(
        Output(ids.URL, "search"),
        *[Output(cid, prop) for cid, prop in controls],
        Output(ids.PLACE_MESSAGE, "children"),
        Input(ids.URL, "search"),
        *[Input(cid, prop) for cid, prop in controls],
    )
    def sync(
        query: str | None,
        sectors: list[str] | None,
        types: list[str] | None,
        level: str | None,
        years: list[int] | None,
        place: str | None,
        lang: str | None,
    ) -> tuple[Any, ...]:
        return urlstate.sync(
            from_url=ctx.triggered_id in (None, ids.URL),
            query=query or "",
            controls=urlstate.Controls(sectors, types, level, years, place, lang),
            year_bounds=context.index.year_bounds,
            resolve_place=context.resolve_place,
            place_label=context.place_label,
            unchanged=no_update,
        )
