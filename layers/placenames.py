"""Label layer: place names placed by priority, so that no two drawn labels overlap.

The busiest places are named first; each name tries four positions round its marker and is
left out (named on hover) when every one would cover a name already placed or cross the edge of
the map's frame (so a name near the edge is set inward of its marker, or left out, never cut).
Boxes are measured where plotly draws them for the map's box (``partnermap.layers.projection``);
in the browser, ``assets/labels.js`` repeats the overlap check at the map's real size.
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
#: Positions tried, best first (plotly's ``textposition``).
POSITIONS = ("top center", "middle right", "bottom center", "middle left")
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
            # Invisible markers as large as the places' own: plotly sets a label off its marker
            # by the marker's size, which ``place`` measures the boxes by.
            "mode": "markers+text",
            "marker": {"size": np.array([p["size"] for p in placed]), "opacity": 0},
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
    """The labels drawn: ``text``, ``lat``, ``lon``, ``position``, marker ``size`` and pixel
    ``box`` (x0, y0, x1, y1), in priority order, no two boxes intersecting and each inside the
    map's frame (``projection.frame_box``)."""
    if geo is None:
        return []
    drawn = points.drawn(view)
    candidates = drawn.head(CANDIDATES)
    if candidates.empty:
        return []
    width, height = box
    x, y = projection.pixels(candidates["lon"], candidates["lat"], geo, width, height)
    left, top, right, bottom = projection.frame_box(width, height)
    sizes = points.sizes(candidates["count"].to_numpy(), max(1, int(drawn["count"].max())))
    placed: list[dict[str, Any]] = []
    for row, px, py, size in zip(candidates.itertuples(), x, y, sizes, strict=True):
        text = texts.name(row.name_en, row.name_zh, lang)
        w = text_width(text, FONT_SIZE)
        for position in POSITIONS:
            rect = label_box(px, py, w, float(size), position)
            inside = rect[0] >= left and rect[1] >= top and rect[2] <= right and rect[3] <= bottom
            if inside and not any(_overlap(rect, p["box"]) for p in placed):
                placed.append(
                    {
                        "text": text,
                        "lat": row.lat,
                        "lon": row.lon,
                        "position": position,
                        "size": float(size),
                        "box": rect,
                    }
                )
                break
    return placed


def label_box(
    x: float, y: float, width: float, marker: float, position: str
) -> tuple[float, float, float, float]:
    """Where plotly draws a one-line label of ``width`` pixels at ``position`` round a marker of
    diameter ``marker`` at (x, y): its box, a little generous (plotly.js sets the text off the
    marker by ``marker / 1.6 + 1`` pixels, its baseline a quarter em below the middle).

    Examples
    --------
    >>> label_box(100, 100, 40, 0, "middle right")
    (101.0, 92.3, 141.0, 106.6)
    """
    off = marker / 1.6 + 1
    em = FONT_SIZE
    if position == "top center":
        return (x - width / 2, y - off - 1.25 * em, x + width / 2, y - off)
    if position == "bottom center":
        return (x - width / 2, y + off - 0.1 * em, x + width / 2, y + off + 1.2 * em)
    left = x + off if position == "middle right" else x - off - width
    return (left, y - 0.7 * em, left + width, y + 0.6 * em)


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
