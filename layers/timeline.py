"""Timeline layer: agreements per year, stacked by sector or by type; its brush is the year filter."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

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


def traces(view: MapView, lang: str, facet: str) -> list[dict[str, Any]]:
    """Return one bar trace per category present in ``view.timeline``.

    Parameters
    ----------
    view
        The filtered view; the timeline ignores the year filter.
    lang
        "en" or "zh".
    facet
        "sector" or "type": what the bars are stacked by. A record with three sectors adds
        to three sector bars.
    """
    rows = view.timeline[view.timeline["facet"] == facet]
    return [
        {
            "type": "bar",
            "name": plotly_text(_LABEL[facet](slug, lang)),
            "x": group["year"].to_numpy(),
            "y": group["count"].to_numpy(),
            "marker": {"color": COLORS[facet][slug]},
            "hovertemplate": "%{x}: %{y}<extra>%{fullData.name}</extra>",
        }
        for slug in FACETS[facet]
        for group in [rows[rows["category"] == slug]]
        if not group.empty
    ]


def layout(view: MapView) -> dict[str, Any]:
    """The timeline's layout: stacked bars over the corpus years, with a horizontal brush."""
    first, last = view.year_bounds or (2000, 2001)
    return {
        "template": "none",
        "barmode": "stack",
        "height": 220,
        "margin": {"l": 40, "r": 10, "t": 10, "b": 30},
        "dragmode": "select",
        "selectdirection": "h",
        "xaxis": {"range": [first - 0.5, last + 0.5], "dtick": 5, "fixedrange": True},
        "yaxis": {"fixedrange": True, "rangemode": "tozero"},
        "legend": {"font": {"size": 10}},
        "selections": selections(view.state, view.year_bounds),
        "newselection": {"line": {"color": "#333333", "width": 1, "dash": "dot"}},
        "activeselection": {"fillcolor": "#5e3c99", "opacity": 0.1},
    }


def skeleton(view: MapView) -> go.Figure:
    """The timeline's layout without bars, for the page's first load (the URL's view fills it)."""
    return go.Figure(layout=layout(view))


def selections(state: FilterState, year_bounds: tuple[int, int] | None) -> list[dict[str, Any]]:
    """The brush showing the year filter: none when no year is set.

    Examples
    --------
    >>> selections(FilterState(year_from=2010), (2000, 2015))[0]["x0"]
    2009.5
    """
    if year_bounds is None or (state.year_from is None and state.year_to is None):
        return []
    first, last = year_bounds
    low = state.year_from if state.year_from is not None else first
    high = state.year_to if state.year_to is not None else last
    return [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": low - 0.5,
            "x1": high + 0.5,
            "y0": 0,
            "y1": 1,
        }
    ]


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
