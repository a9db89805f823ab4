"""Arc layer: one link per partnered pair of places (or of states and provinces, when the view
joins them), styled by the kind of tie, wider and more opaque for more agreements.

A link is drawn as a bow across the Pacific: from its Chinese end, through a middle point no
further north than ``MAX_BEND_LAT``, to its US end (plotly joins the three with great circles).
The great circle itself from south China to the US east coast runs over the pole, which this
map draws as its top edge: the link would run along the frame, not between its places.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from partnermap.data import texts
from partnermap.data.view import MapView
from partnermap.geo.arcs import great_circles
from partnermap.layers.text import plotly_text


@dataclass(frozen=True)
class Kind:
    """How the links of some agreement types are drawn: colour (an RGB triple) and dash."""

    key: str
    types: frozenset[str]
    rgb: tuple[int, int, int]
    dash: str

    def color(self, opacity: float) -> str:
        """The line colour at ``opacity``."""
        return f"rgba({self.rgb[0]}, {self.rgb[1]}, {self.rgb[2]}, {opacity})"


#: The kinds of link, by the first type of a pair's agreements (``MapView.arcs["type"]``).
KINDS = (
    Kind("sister", frozenset({"sister_city", "sister_state_province"}), (94, 60, 153), "solid"),
    Kind("friendship", frozenset({"friendship"}), (27, 130, 110), "solid"),
    Kind("agreement", frozenset(), (150, 90, 30), "dot"),
)
#: How a link is drawn whose agreements are all only listed (evidence "listed", no quoted
#: source): dashed, as thin and light as the faintest band, whatever its count.
LISTED_DASH = "dash"
#: Points sent per arc: its ends and its middle. Plotly draws each segment as a great circle
#: itself, so three points fix the arc (each segment well under 180 degrees, so never the long
#: way round) for an eighth of the bytes of the whole path.
KEPT = 3
#: The northernmost latitude of a link's middle point (see the module's docstring).
MAX_BEND_LAT = 60.0
#: The drawing budget: the most arcs drawn, the widest. Four vertices each (three points and a
#: gap); plotly redraws them all on each change (benchmarks/draw.py). The level of detail
#: (``partnermap.layers.detail``) shows the finest level whose links in view fit it.
MAX_DRAWN = 500
#: What clicking a link selects, by the level of its ends (``MapView.arc_level``).
SELECTION_KIND = {"place": "pair", "region": "regions", "country": "countries"}


@dataclass(frozen=True)
class Band:
    """Arcs whose agreement count lies in [low, high] are drawn ``width`` pixels wide."""

    low: int
    high: int | None
    width: float
    opacity: float

    def label(self, lang: str) -> str:
        """The legend text, e.g. "2–3 agreements"."""
        if self.low == self.high:
            return texts.agreements(self.low, lang)
        upper = "+" if self.high is None else f"–{self.high}"
        return f"{self.low}{upper}" + (" 项协议" if lang == "zh" else " agreements")


#: Up to 100+ so that large registries, whose arcs join states and provinces, still show which
#: links are busiest. Wide translucent lines are slow to paint where many overlap
#: (benchmarks/draw.py: 150 ms more per frame at 10,000 vertices with a 5.5 px band), so the
#: widest stays at 4 px.
BANDS = (
    Band(1, 1, 1.0, 0.45),
    Band(2, 3, 1.5, 0.6),
    Band(4, 9, 2.0, 0.7),
    Band(10, 29, 2.75, 0.8),
    Band(30, 99, 3.5, 0.85),
    Band(100, None, 4.0, 0.9),
)


def traces(view: MapView, lang: str) -> list[dict[str, Any]]:
    """Return the arcs, one line trace per kind and width band, then one per kind of the links
    only listed (``LISTED_DASH``), then the midpoints' targets.

    Always ``len(KINDS) * (len(BANDS) + 1) + 1`` traces, empty ones included, so a figure
    update can replace them by position. Only the ``MAX_DRAWN`` arcs with most agreements are drawn. The
    midpoints are targets that draw nothing (mode "none": plotly finds hovered points from
    their coordinates, not from marks, and so styles no marker for them): hovering near one
    names the pair, clicking selects it.

    Parameters
    ----------
    view
        The filtered view; ``view.arcs`` and its paths ``view.arc_lat``/``view.arc_lon``.
    lang
        "en" or "zh".
    """
    rows = drawn_rows(view)
    arcs = view.arcs.iloc[rows]
    count = arcs["count"].to_numpy()
    lat, lon = paths(view, rows)
    kind = np.array([_kind_of(t).key for t in arcs["type"].tolist()], dtype=object)
    listed = arcs["listed"].to_numpy() == count
    lines = [
        _band(lat[rows], lon[rows], k, band, count[rows], lang)
        for k in KINDS
        for rows in [(kind == k.key) & ~listed]
        for band in BANDS
    ]
    lines += [
        _listed(lat[(kind == k.key) & listed], lon[(kind == k.key) & listed], k, lang)
        for k in KINDS
    ]
    selection = SELECTION_KIND[view.arc_level]
    hover = [
        plotly_text(f"{texts.bilingual(an, az, lang)} — {texts.bilingual(bn, bz, lang)}")
        + "<br>"
        + texts.agreements(int(n), lang)
        for an, az, bn, bz, n in zip(
            *(arcs[c].tolist() for c in ("a_name_en", "a_name_zh", "b_name_en", "b_name_zh")),
            count.tolist(),
            strict=True,
        )
    ]
    midpoints = {
        "type": "scattergeo",
        "name": "arc-midpoints",
        "uid": "arc-midpoints",
        "lat": lat[:, 1],
        "lon": lon[:, 1],
        "mode": "none",
        "customdata": [
            [selection, a, b] for a, b in zip(arcs["a"].tolist(), arcs["b"].tolist(), strict=True)
        ],
        "text": hover,
        "hovertemplate": "%{text}<extra></extra>",
        "showlegend": False,
    }
    return [*lines, midpoints]


def drawn_rows(view: MapView) -> np.ndarray:
    """Positions in ``view.arcs`` of the arcs the map draws: the ``MAX_DRAWN`` widest, in order."""
    count = view.arcs["count"].to_numpy()
    if count.size <= MAX_DRAWN:
        return np.arange(count.size)
    return np.sort(np.argsort(-count, kind="stable")[:MAX_DRAWN])


def paths(
    view: MapView, rows: np.ndarray, level: str | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The drawn links of ``view.arcs[rows]``: latitudes and longitudes, shape ``(n, 3)``.

    With ``level``, of the rows of ``view.levels[level]`` instead. Each runs east from its Chinese end across the Pacific to its US end, through the middle
    of its great circle or, where that lies north of ``MAX_BEND_LAT``, through the point at
    that latitude halfway across. Longitudes are continuous (the US end may exceed 180).
    """
    path_lat, path_lon = (
        (view.arc_lat, view.arc_lon)
        if level is None
        else (view.levels[level].lat, view.levels[level].lon)
    )
    lat, lon = path_lat[rows].astype(np.float64), path_lon[rows].astype(np.float64)
    if lat.size == 0:
        return np.zeros((0, KEPT)), np.zeros((0, KEPT))
    middle = lat.shape[1] // 2
    east = (lon[:, -1] - lon[:, 0]) % 360.0
    bend = lat[:, middle] > MAX_BEND_LAT
    mid_lon = np.where(bend, lon[:, 0] + east / 2, lon[:, middle])
    mid_lon = lon[:, 0] + (mid_lon - lon[:, 0]) % 360.0
    mid_lat = np.minimum(lat[:, middle], MAX_BEND_LAT)
    return (
        np.column_stack([lat[:, 0], mid_lat, lat[:, -1]]),
        np.column_stack([lon[:, 0], mid_lon, lon[:, 0] + east]),
    )


def outline(
    view: MapView, rows: np.ndarray, points: int = 9, level: str | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Points along the drawn links of ``rows`` (of ``level``, as ``paths``) as plotly draws
    them, for framing the map."""
    lat, lon = paths(view, rows, level)
    if lat.size == 0:
        return np.zeros(0), np.zeros(0)
    first = great_circles(lat[:, 0], lon[:, 0], lat[:, 1], lon[:, 1], points)
    second = great_circles(lat[:, 1], lon[:, 1], lat[:, 2], lon[:, 2], points)
    return (
        np.concatenate([first[0].ravel(), second[0].ravel()]),
        np.concatenate([first[1].ravel(), second[1].ravel()]),
    )


def legend_entries(lang: str) -> list[dict[str, object]]:
    """The arc legend: one entry per kind, then per width band, ``{"label", "color", "width"}``
    (and ``dash`` for kinds)."""
    kinds = [
        {
            "label": texts.ui(f"link_{k.key}", lang),
            "color": k.color(0.9),
            "width": 2.0,
            "dash": k.dash,
        }
        for k in KINDS
    ]
    grey = KINDS[0].color
    return kinds + [
        {"label": b.label(lang), "color": grey(b.opacity), "width": b.width} for b in BANDS
    ]


def listed_legend_entry(lang: str) -> dict[str, object]:
    """The legend entry of the links only listed: ``{"label", "color", "width", "dash"}``."""
    band = BANDS[0]
    return {
        "label": texts.ui("link_listed", lang),
        "color": KINDS[0].color(0.9),
        "width": band.width,
        "dash": LISTED_DASH,
    }


def _kind_of(slug: str) -> Kind:
    return next((k for k in KINDS if slug in k.types), KINDS[-1])


def _band(
    lat: np.ndarray, lon: np.ndarray, kind: Kind, band: Band, count: np.ndarray, lang: str
) -> dict[str, Any]:
    upper = np.inf if band.high is None else band.high
    rows = (count >= band.low) & (count <= upper)
    # One trace per band: paths joined by a NaN column, which plotly draws as a gap.
    gap = np.full((int(rows.sum()), 1), np.nan)
    return {
        "type": "scattergeo",
        "name": f"{texts.ui(f'link_{kind.key}', lang)}: {band.label(lang)}",
        "uid": f"arcs-{kind.key}-{band.low}",
        "legendgroup": "arcs",
        "lat": np.hstack([lat[rows], gap]).ravel(),
        "lon": np.hstack([lon[rows], gap]).ravel(),
        "mode": "lines",
        "line": {"width": band.width, "color": kind.color(band.opacity), "dash": kind.dash},
        "hoverinfo": "skip",
        "showlegend": bool(rows.any()),
    }


def _listed(lat: np.ndarray, lon: np.ndarray, kind: Kind, lang: str) -> dict[str, Any]:
    """The links of ``kind`` whose agreements are only listed: one dashed, faint trace."""
    band = BANDS[0]
    gap = np.full((len(lat), 1), np.nan)
    return {
        "type": "scattergeo",
        "name": f"{texts.ui(f'link_{kind.key}', lang)}: {texts.ui('link_listed', lang)}",
        "uid": f"arcs-{kind.key}-listed",
        "legendgroup": "arcs",
        "lat": np.hstack([lat, gap]).ravel(),
        "lon": np.hstack([lon, gap]).ravel(),
        "mode": "lines",
        "line": {"width": band.width, "color": kind.color(band.opacity), "dash": LISTED_DASH},
        "hoverinfo": "skip",
        "showlegend": bool(len(lat)),
    }
