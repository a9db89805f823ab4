"""Timeline layer: agreements per year, stacked by sector or by type, and the undated ones; its
brush is the year filter."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import plotly.graph_objects as go
from plotly.colors import qualitative

from partnermap.data import texts
from partnermap.data.filters import FilterState
from partnermap.data.view import FACETS, MapView
from partnermap.layers.text import plotly_text

_PALETTE = qualitative.Safe + qualitative.Pastel
#: One colour per slug, the same in every view.
COLORS = {
    facet: {slug: _PALETTE[i % len(_PALETTE)] for i, slug in enumerate(slugs)}
    for facet, slugs in FACETS.items()
}
_LABEL = {"sector": texts.sector, "type": texts.agreement_type}
UNDATED_COLOR = "#9a9a9a"
BRUSH_COLOR = "rgba(94, 60, 153, 0.08)"


def traces(view: MapView, lang: str, facet: str) -> list[dict[str, Any]]:
    """Return one bar trace per category present in ``view.timeline``, then the undated bar.

    Every kept record is one unit of a bar (``partnermap.data.counting``): stacked by sector, a
    record with several sectors counts under its primary sector, so the bars add up to the
    summary's count. The records without a year stand in one grey bar left of the first year.
    Bars outside the year filter are faded.

    Parameters
    ----------
    view
        The filtered view; the timeline ignores the year filter.
    lang
        "en" or "zh".
    facet
        "sector" or "type": what the bars are stacked by.
    """
    rows = view.timeline[view.timeline["facet"] == facet]
    low, high = _year_range(view.state, view.year_bounds)
    rule = plotly_text(texts.ui(f"timeline_rule_{facet}", lang))
    bars = [
        {
            "type": "bar",
            "name": plotly_text(_LABEL[facet](slug, lang)),
            "x": group["year"].to_numpy(),
            "y": group["count"].to_numpy(),
            "marker": {"color": COLORS[facet][slug]},
            "hovertemplate": f"%{{x}}: %{{y}}<br>{rule}<extra>%{{fullData.name}}</extra>",
            **_faded_outside(group["year"].to_numpy(), low, high),
        }
        for slug in FACETS[facet]
        for group in [rows[rows["category"] == slug]]
        if not group.empty
    ]
    if view.undated:
        undated = plotly_text(texts.ui("undated", lang))
        year_filter = view.state.year_from is not None or view.state.year_to is not None
        bars.append(
            {
                "type": "bar",
                "name": undated,
                "x": np.array([_undated_x(view.year_bounds)]),
                "y": np.array([view.undated]),
                "marker": {"color": UNDATED_COLOR},
                "hovertemplate": f"{undated}: %{{y}}<extra></extra>",
                "selectedpoints": [] if year_filter else None,
                **_FADING,
            }
        )
    return bars


def layout(view: MapView, lang: str = "en", facet: str = "sector") -> dict[str, Any]:
    """The timeline's layout: stacked bars over the corpus years, with a horizontal brush."""
    return {
        "template": "none",
        "barmode": "stack",
        # No height: the page sets it (assets/style.css), lower on short screens.
        "autosize": True,
        "margin": {"l": 40, "r": 10, "t": 10, "b": 30},
        "dragmode": "select",
        "selectdirection": "h",
        "yaxis": {"fixedrange": True, "rangemode": "tozero"},
        "newselection": {"line": {"color": "#333333", "width": 1, "dash": "dot"}},
        "activeselection": {"fillcolor": "#5e3c99", "opacity": 0.1},
        **layout_update(view, lang, facet),
    }


def layout_update(view: MapView, lang: str, facet: str) -> dict[str, Any]:
    """The parts of the layout a view, language or stacking changes.

    The x axis has a tick for the undated bar; the legend is titled with the counting rule of
    the stacking; the years the year filter keeps are shaded behind their bars (the bars
    outside it fade, see ``traces``), and plotly's own selection box is cleared.
    """
    first, last = view.year_bounds or (2000, 2001)
    step = 10 if last - first > 25 else 5  # labels far enough apart on a phone
    ticks = list(range(first + (-first) % step, last + 1, step))
    return {
        "xaxis": {
            "range": [_undated_x(view.year_bounds) - 0.8, last + 0.5],
            "tickvals": [_undated_x(view.year_bounds), *ticks],
            "ticktext": [plotly_text(texts.ui("undated_short", lang)), *map(str, ticks)],
            "tickfont": {"size": 12},
            "tickangle": 0,
            "fixedrange": True,
        },
        "legend": {
            "font": {"size": 10},
            "title": {
                "text": plotly_text(texts.ui(f"timeline_rule_{facet}_short", lang)),
                "font": {"size": 10},
            },
        },
        "selections": [],
        "shapes": shapes(view.state, view.year_bounds),
    }


def skeleton(view: MapView) -> go.Figure:
    """The timeline's layout without bars, for the page's first load (the URL's view fills it)."""
    return go.Figure(layout=layout(view))


def shapes(state: FilterState, year_bounds: tuple[int, int] | None) -> list[dict[str, Any]]:
    """The band behind the years of the year filter: none when no year is set.

    Examples
    --------
    >>> shapes(FilterState(year_from=2010), (2000, 2015))[0]["x0"]
    2009.5
    """
    if year_bounds is None or (state.year_from is None and state.year_to is None):
        return []
    low, high = _year_range(state, year_bounds)
    return [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": low - 0.5,
            "x1": high + 0.5,
            "y0": 0,
            "y1": 1,
            "layer": "below",
            "fillcolor": BRUSH_COLOR,
            "line": {"width": 0},
        }
    ]


#: How plotly draws the bars a selection leaves out.
_FADING = {"selected": {"marker": {"opacity": 1.0}}, "unselected": {"marker": {"opacity": 0.25}}}


def _faded_outside(years: np.ndarray, low: float, high: float) -> dict[str, Any]:
    inside = np.flatnonzero((years >= low) & (years <= high))
    everything = inside.size == years.size
    return {"selectedpoints": None if everything else inside.tolist(), **_FADING}


def _year_range(state: FilterState, year_bounds: tuple[int, int] | None) -> tuple[float, float]:
    """The closed range of years the filter keeps (unbounded sides as infinities)."""
    low = state.year_from if state.year_from is not None else -math.inf
    high = state.year_to if state.year_to is not None else math.inf
    if year_bounds is not None:
        low, high = max(low, year_bounds[0]), min(high, year_bounds[1])
    return low, high


def _undated_x(year_bounds: tuple[int, int] | None) -> int:
    """Where the undated bar stands: four years left of the first, room for both labels."""
    return (year_bounds or (2000, 2001))[0] - 4


def years_from_brush(
    selected: Mapping[str, Any] | None,
    year_bounds: tuple[int, int] | None,
    unchanged: object = None,
) -> object:
    """The slider's [from, to] for a brush on the timeline: the years whose bars it covers.

    A cleared brush (``None``) or one covering no bar centre means every year. A selection
    without a ``range`` is plotly echoing a brush the slider drew: ``unchanged``.

    Examples
    --------
    >>> years_from_brush({"range": {"x": [2003.2, 2007.6]}}, (1979, 2020))
    [2004, 2007]
    """
    first, last = year_bounds or (0, 0)
    if selected is None:
        return [first, last]
    x = selected.get("range", {}).get("x")
    if not x:
        return unchanged
    low = max(first, math.ceil(min(x)))
    high = min(last, math.floor(max(x)))
    return [low, high] if low <= high else [first, last]
