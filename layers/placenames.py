"""Label layer: place names placed by priority, so that no two drawn labels overlap.

The busiest places are named first; each name tries four positions round its marker and is
left out (named on hover) when every one would cover a name already placed. Boxes are measured
where plotly draws them for the map's box (``partnermap.layers.projection``); in the browser,
``assets/labels.js`` repeats the check at the map's real size.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

import numpy as np

from partnermap.data import texts
from partnermap.data.view import MapView
from partnermap.layers import points, projection
from partnermap.layers.text import plotly_text

#: How many of the busiest places may get a label.
CANDIDATES = 40
FONT_SIZE = 11
#: The dashboard map's box (pixels) when the caller does not give one.
BOX = (760.0, 520.0)
#: Positions tried, best first, as (plotly textposition, dx, dy) of the box centre in units of
#: (half box width + gap, half box height + gap) from the marker.
POSITIONS = (
    ("top center", 0.0, -1.0),
    ("middle right", 1.0, 0.0),
    ("bottom center", 0.0, 1.0),
    ("middle left", -1.0, 0.0),
)
_GAP = 3.0
#: A white halo, so a name stays legible over markers and lines.
HALO = "1px 1px 1px #fff, -1px -1px 1px #fff, 1px -1px 1px #fff, -1px 1px 1px #fff"


def traces(
    view: MapView,
    lang: str,
    geo: Mapping[str, Any] | None = None,
    box: tuple[float, float] = BOX,
) -> list[dict[str, Any]]:
    """Return one text trace naming the places whose labels fit, busiest first.

    Parameters
    ----------
    view
        The filtered view; ``view.points`` is sorted most agreements first.
    lang
        "en" or "zh": which name to write.
    geo
        The map's ``center`` and ``projection.scale``; None draws no label (no frame known).
    box
        The map's width and height in pixels.
    """
    placed = place(view, lang, geo, box)
    return [
        {
            "type": "scattergeo",
            "name": "place-names",
            "uid": "place-names",
            "lat": np.array([p["lat"] for p in placed], dtype=np.float64),
            "lon": np.array([p["lon"] for p in placed], dtype=np.float64),
            "mode": "text",
            "text": [plotly_text(p["text"]) for p in placed],
            "textposition": [p["position"] for p in placed],
            "textfont": {"size": FONT_SIZE, "color": "#222222", "shadow": HALO},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    ]


def place(
    view: MapView, lang: str, geo: Mapping[str, Any] | None, box: tuple[float, float]
) -> list[dict[str, Any]]:
    """The labels drawn: ``text``, ``lat``, ``lon``, ``position`` and pixel ``box`` (x0, y0,
    x1, y1), in priority order, no two boxes intersecting and each inside the map's box."""
    if geo is None:
        return []
    drawn = points.drawn(view)
    candidates = drawn.head(CANDIDATES)
    if candidates.empty:
        return []
    width, height = box
    x, y = projection.pixels(candidates["lon"], candidates["lat"], geo, width, height)
    radius = points.sizes(candidates["count"].to_numpy(), max(1, int(drawn["count"].max()))) / 2
    placed: list[dict[str, Any]] = []
    for row, px, py, r in zip(candidates.itertuples(), x, y, radius, strict=True):
        text = texts.name(row.name_en, row.name_zh, lang)
        w, h = text_width(text, FONT_SIZE), FONT_SIZE * 1.25
        for position, dx, dy in POSITIONS:
            cx = px + dx * (w / 2 + r + _GAP)
            cy = py + dy * (h / 2 + r + _GAP)
            rect = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            inside = rect[0] >= 0 and rect[1] >= 0 and rect[2] <= width and rect[3] <= height
            if inside and not any(_overlap(rect, p["box"]) for p in placed):
                placed.append(
                    {
                        "text": text,
                        "lat": row.lat,
                        "lon": row.lon,
                        "position": position,
                        "box": rect,
                    }
                )
                break
    return placed


def text_width(text: str, size: float) -> float:
    """A generous width in pixels of ``text`` at ``size`` px: wide (CJK) characters count one em.

    Examples
    --------
    >>> text_width("镇江", 10), text_width("Wuhan", 10)
    (20.0, 32.5)
    """
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
    return size * (wide + 0.65 * (len(text) - wide))


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
