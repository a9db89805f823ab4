"""Point layer: partner places sized by their number of agreements, coloured by country."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from partnermap.data import texts
from partnermap.data.view import MapView
from partnermap.layers.text import plotly_text

COLORS = {"CN": "#c8102e", "US": "#1f4e99"}
MIN_SIZE, MAX_SIZE = 6.0, 30.0
#: The most places drawn: the ones with most agreements. Plotly redraws every marker on each
#: change (about 80 ms for 1,000 and 190 ms for 4,000 in headless chromium, see
#: benchmarks/draw.py); the states and provinces keep counting every place.
MAX_DRAWN = 1000


def traces(view: MapView, lang: str) -> list[dict[str, Any]]:
    """Return one marker trace per country (China, then the US), always both.

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
    return [_country(points[points["country"] == code], code, largest, lang) for code in COLORS]


def drawn(view: MapView) -> pd.DataFrame:
    """The places the map draws: the ``MAX_DRAWN`` with most agreements (``view.points`` order).

    Countries are not drawn: a national party has no place on a map of places (the national
    records are listed beside it and counted in the table).
    """
    return view.points[~view.points["national"]].head(MAX_DRAWN)


def legend_entries(lang: str) -> list[dict[str, object]]:
    """The point legend: one entry per country, ``{"label", "color"}``."""
    return [{"label": texts.country(code, lang), "color": color} for code, color in COLORS.items()]


def sizes(count: np.ndarray, largest: int) -> np.ndarray:
    """Marker diameters in pixels: area proportional to the count."""
    return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * np.sqrt(count / largest)


def _country(points: pd.DataFrame, code: str, largest: int, lang: str) -> dict[str, Any]:
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
        "name": texts.country(code, lang),
        "uid": f"points-{code}",
        "legendgroup": "points",
        "lat": points["lat"].to_numpy(),
        "lon": points["lon"].to_numpy(),
        "mode": "markers",
        "marker": {
            "size": sizes(points["count"].to_numpy(), largest),
            "color": COLORS[code],
            "opacity": 0.85,
            "line": {"color": "#ffffff", "width": 1},
        },
        "customdata": [["place", pid] for pid in points["id"].tolist()],
        "text": hover,
        "hovertemplate": "%{text}<extra></extra>",
    }
