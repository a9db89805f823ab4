"""Point layer: partner places sized by their number of agreements, coloured by country.

The countries with most places in the data each get a colour of their own, the rest share
"other": the same colours in every view of one dataset, whatever its countries.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from partnermap.data import texts
from partnermap.data.view import MapView
from partnermap.layers.text import plotly_text

#: The colours of places: the countries with most places take the colours in order, largest
#: first; every other country is "other". Told apart under protanopia, deuteranopia and
#: tritanopia and from the venues' amber (tests/test_page_palette.py).
COLORS = {
    "first": "#c8102e",
    "second": "#0072b2",
    "third": "#332288",
    "fourth": "#222222",
    "other": "#6b6b6b",
}
#: How many countries get a colour of their own.
OWN_COLORS = len(COLORS) - 1
MIN_SIZE, MAX_SIZE = 6.0, 30.0
#: The most places drawn: the ones with most agreements. Plotly redraws every marker on each
#: change (about 80 ms for 1,000 and 190 ms for 4,000 in headless chromium, see
#: benchmarks/draw.py); the states and provinces keep counting every place.
MAX_DRAWN = 1000


def traces(view: MapView, lang: str) -> list[dict[str, Any]]:
    """Return one marker trace per country with a colour of its own (``view.countries``), then one
    of every other country when the data has more: the same traces in every view of a dataset.

    Marker area grows with the agreement count, relative to the largest count in view. Only
    the ``MAX_DRAWN`` places with most agreements are drawn.

    Parameters
    ----------
    view
        The filtered view; ``view.points`` holds one row per place with its ``count``.
    lang
        "en" or "zh", for the legend and hover text.
    """
    points = drawn(view)
    largest = max(1, int(points["count"].to_numpy().max(initial=0)))
    ranked = view.countries
    own = ranked[:OWN_COLORS]
    found = [
        _trace(
            points[points["country"] == code], code, color, _name(view, code, lang), largest, lang
        )
        for code, color in zip(own, COLORS.values(), strict=False)
    ]
    if len(ranked) > OWN_COLORS:
        rest = points[~points["country"].isin(own)]
        other = texts.ui("legend_other_countries", lang)
        found.append(_trace(rest, "other", COLORS["other"], other, largest, lang))
    return found


def drawn(view: MapView) -> pd.DataFrame:
    """The places the map draws: the ``MAX_DRAWN`` with most agreements (``view.points`` order).

    Countries are not drawn: a national party has no place on a map of places (the national
    records are listed beside it and counted in the table).
    """
    return view.points[~view.points["national"]].head(MAX_DRAWN)


def legend_entries(view: MapView, lang: str) -> list[dict[str, object]]:
    """The point legend: one entry per trace of ``traces``, ``{"label", "color"}``."""
    ranked = view.countries
    entries: list[dict[str, object]] = [
        {"label": _name(view, code, lang), "color": color}
        for code, color in zip(ranked[:OWN_COLORS], COLORS.values(), strict=False)
    ]
    if len(ranked) > OWN_COLORS:
        entries.append(
            {"label": texts.ui("legend_other_countries", lang), "color": COLORS["other"]}
        )
    return entries


def sizes(count: np.ndarray, largest: int) -> np.ndarray:
    """Marker diameters in pixels: area proportional to the count."""
    return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * np.sqrt(count / largest)


def _name(view: MapView, code: str, lang: str) -> str:
    """A country's name in ``lang`` (``MapView.nodes``), its English one when it has no other."""
    names = view.nodes.loc[f"country:{code}"]
    return str((names["name_zh"] if lang == "zh" else None) or names["name_en"])


def _trace(
    points: pd.DataFrame, key: str, color: str, name: str, largest: int, lang: str
) -> dict[str, Any]:
    hover = [
        plotly_text(texts.bilingual(en, zh, lang))
        + "<br>"
        + plotly_text(texts.level(lv, lang))
        + " · "
        + texts.agreements(int(n), lang)
        for en, zh, lv, n in zip(
            *(points[c].tolist() for c in ("name_en", "name_zh", "level", "count")), strict=True
        )
    ]
    return {
        "type": "scattergeo",
        "name": name,
        "uid": f"points-{key}",
        "legendgroup": "points",
        "lat": points["lat"].to_numpy(),
        "lon": points["lon"].to_numpy(),
        "mode": "markers",
        "marker": {
            "size": sizes(points["count"].to_numpy(), largest),
            "color": color,
            "opacity": 0.85,
            "line": {"color": "#ffffff", "width": 1},
        },
        "customdata": [["place", pid] for pid in points["id"].tolist()],
        "text": hover,
        "hovertemplate": "%{text}<extra></extra>",
    }
