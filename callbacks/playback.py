"""Callbacks: the play button runs a clock, and each tick moves the year filter one year on."""

from __future__ import annotations

from collections.abc import Sequence

from dash import Dash, Input, Output, State, no_update

from partnermap.callbacks.context import AppContext
from partnermap.data.playback import next_frame, toggled
from partnermap.page import ids, playback


def register(app: Dash, context: AppContext) -> None:
    """Register the playback callbacks on ``app``."""
    bounds = context.index.year_bounds

    @app.callback(
        Output(ids.PLAY_CLOCK, "disabled"),
        Output(ids.FILTER_YEARS, "value", allow_duplicate=True),
        Input(ids.PLAY, "n_clicks"),
        State(ids.PLAY_CLOCK, "disabled"),
        State(ids.FILTER_YEARS, "value"),
        State(ids.PLAY_MODE, "value"),
        prevent_initial_call=True,
    )
    def press(_clicks: int, stopped: bool, years: Sequence[int], mode: str) -> tuple[bool, object]:
        if bounds is None:
            return True, no_update
        return not stopped, toggled(not stopped, years, bounds, mode)

    @app.callback(
        Output(ids.FILTER_YEARS, "value", allow_duplicate=True),
        Output(ids.PLAY_CLOCK, "disabled", allow_duplicate=True),
        Input(ids.PLAY_CLOCK, "n_intervals"),
        State(ids.FILTER_YEARS, "value"),
        State(ids.PLAY_MODE, "value"),
        prevent_initial_call=True,
    )
    def tick(_ticks: int, years: Sequence[int], mode: str) -> tuple[object, bool]:
        upcoming = next_frame(years, bounds, mode) if bounds else None
        return (upcoming, False) if upcoming else (no_update, True)

    @app.callback(Output(ids.PLAY, "className"), Input(ids.PLAY_CLOCK, "disabled"))
    def label(stopped: bool) -> str:
        return playback.button_class(stopped)
