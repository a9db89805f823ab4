"""Callbacks: the timeline follows the controls, and brushing it sets the year slider."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, Patch, State, no_update

from partnermap.callbacks.context import AppContext
from partnermap.layers import timeline
from partnermap.layers.figure import json_ready
from partnermap.page import ids


def register(app: Dash, context: AppContext) -> None:
    """Register the timeline callbacks on ``app``."""

    @app.callback(
        Output(ids.TIMELINE, "figure"),
        Input(ids.MAP_ANSWERED, "data"),
        Input(ids.TIMELINE_FACET, "value"),
        *[State(cid, prop) for cid, prop in ids.CONTROLS],
    )
    def repaint(_answered: int | None, facet: str, *controls: Any) -> Patch:
        state = context.controls_state(*controls)
        view = context.view(state.filters)
        patch = Patch()
        patch["data"] = [json_ready(trace) for trace in timeline.traces(view, state.lang, facet)]
        for key, value in timeline.layout_update(view, state.lang, facet).items():
            patch["layout"][key] = value
        return patch

    @app.callback(
        Output(ids.FILTER_YEARS, "value", allow_duplicate=True),
        Input(ids.TIMELINE, "selectedData"),
        prevent_initial_call=True,
    )
    def brush(selected: dict[str, Any] | None) -> object:
        return timeline.years_from_brush(selected, context.index.year_bounds, no_update)
