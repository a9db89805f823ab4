"""The year playback control: a play/pause button, its mode and its clock."""

from __future__ import annotations

from dash import dcc, html

from partnermap.data import texts
from partnermap.page import ids

#: Milliseconds between two years: slow enough to read the counts, steady whatever the load.
PACE_MS = 1500
#: The button's two labels; CSS shows the one that fits (``.play.playing``).
LABEL_KEYS = ("play_years", "pause_years")


def controls() -> html.Div:
    """The play button, the choice of what each step shows, and the (stopped) clock."""
    return html.Div(
        [
            html.Button(
                [html.Span(texts.ui(key, "en"), id=ids.text(key)) for key in LABEL_KEYS],
                id=ids.PLAY,
                className="play",
                type="button",
            ),
            dcc.RadioItems(id=ids.PLAY_MODE, value="year", options=mode_options("en"), inline=True),
            dcc.Interval(id=ids.PLAY_CLOCK, interval=PACE_MS, disabled=True),
        ],
        className="playback",
    )


def mode_options(lang: str) -> list[dict[str, str]]:
    """The play modes (``partnermap.data.playback.MODES``) as radio options in ``lang``."""
    return [
        {"label": texts.ui("play_mode_year", lang), "value": "year"},
        {"label": texts.ui("play_mode_cumulative", lang), "value": "cumulative"},
    ]


def button_class(stopped: bool) -> str:
    """The button's class: ``playing`` while the clock runs, so it reads "Pause"."""
    return "play" if stopped else "play playing"
