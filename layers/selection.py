"""Selection layer: what a click, a table row or a search picked, drawn over the dimmed rest.

A selected place brings out every one of its links, the spokes of the events it hosts or takes
part in, and rings round every place at their ends; a selected region, the links of its places;
a selected link, or a link joining two regions or two countries, every place-to-place link it
stands for (``partnermap.data.view.link_mask``), however many, whatever level of detail the
map shows. The same ends frame the map (``partnermap.layers.figure``), so a partner across the
Pacific is never cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from partnermap.data import texts
from partnermap.data.view import MapView, inside_region, link_mask
from partnermap.layers import arcs
from partnermap.layers.text import plotly_text

COLOR = "#111111"
LINK_COLOR = "rgba(217, 70, 0, 0.95)"
SPOKE_COLOR = "rgba(217, 119, 6, 0.9)"


def traces(view: MapView, lang: str, selection: Sequence[str] | None) -> list[dict[str, Any]]:
    """Return the selected links, the selected events' spokes and rings at their ends.

    Always three traces, empty without a selection.

    Parameters
    ----------
    view
        The filtered view.
    lang
        "en" or "zh", for the hover text of the rings.
    selection
        ("place", id), ("pair", a, b), ("region", id), ("regions", a, b), ("countries", a, b),
        or None.
    """
    rows = arc_rows(view, selection)
    spokes = spoke_rows(view, selection)
    link_lat, link_lon = arcs.paths(view, rows, "place")
    lat, lon = _paths(link_lat), _paths(link_lon)
    spoke_lat = _segments(spokes["venue_lat"], spokes["lat"])
    spoke_lon = _segments(spokes["venue_lon"], spokes["lon"])
    rings = ends(view, selection)
    return [
        _lines("selected-links", lat, lon, LINK_COLOR, 3.0, "solid"),
        _lines("selected-spokes", spoke_lat, spoke_lon, SPOKE_COLOR, 1.5, "dash"),
        {
            "type": "scattergeo",
            "name": "selected-places",
            "uid": "selected-places",
            "lat": rings["lat"].to_numpy(dtype=np.float64),
            "lon": rings["lon"].to_numpy(dtype=np.float64),
            "mode": "markers",
            "marker": {
                "symbol": "circle-open",
                "size": 16,
                "color": COLOR,
                "line": {"width": 2, "color": COLOR},
            },
            "customdata": [["place", pid] for pid in rings.index.tolist()],
            "text": [
                plotly_text(texts.bilingual(en, zh, lang))
                for en, zh in zip(rings["name_en"], rings["name_zh"], strict=True)
            ],
            "hovertemplate": "%{text}<extra></extra>",
            "showlegend": False,
        },
    ]


def arc_rows(view: MapView, selection: Sequence[str] | None) -> np.ndarray:
    """Positions in ``view.levels["place"]`` of the selected links: all of them."""
    return np.unique(view.links["arc"].to_numpy()[link_mask(view, selection)])


def spoke_rows(view: MapView, selection: Sequence[str] | None) -> pd.DataFrame:
    """The spokes of the events the selected place hosts or takes part in."""
    spokes = view.spokes
    if not selection or selection[0] not in ("place", "region"):
        return spokes.iloc[:0]
    places = {selection[1]} if selection[0] == "place" else inside_region(view, selection[1])
    records = spokes.loc[spokes["venue"].isin(places) | spokes["place"].isin(places), "record"]
    return spokes[spokes["record"].isin(set(records))]


def ends(view: MapView, selection: Sequence[str] | None) -> pd.DataFrame:
    """Every place the selection shows: itself, and both ends of its links and spokes.

    Rows of ``view.places`` (countries left out: they are not on the map).
    """
    if not selection:
        return view.places.iloc[:0]
    links = view.links[link_mask(view, selection)]
    spokes = spoke_rows(view, selection)
    chosen = [selection[1]] if selection[0] == "place" else []
    wanted = {*chosen, *links["a"], *links["b"], *spokes["venue"], *spokes["place"]}
    places = view.places
    return places[places.index.isin(wanted) & (places["level"] != "country")]


def _paths(paths: np.ndarray) -> np.ndarray:
    """Paths one after another, each followed by a NaN gap."""
    gap = np.full((len(paths), 1), np.nan, dtype=np.float64)
    return np.hstack([paths.astype(np.float64), gap]).ravel()


def _segments(start: pd.Series, end: pd.Series) -> np.ndarray:
    gap = np.full(len(start), np.nan)
    return np.column_stack([start.to_numpy(float), end.to_numpy(float), gap]).ravel()


def _lines(
    uid: str, lat: np.ndarray, lon: np.ndarray, color: str, width: float, dash: str
) -> dict[str, Any]:
    return {
        "type": "scattergeo",
        "name": uid,
        "uid": uid,
        "lat": lat,
        "lon": lon,
        "mode": "lines",
        "line": {"width": width, "color": color, "dash": dash},
        "hoverinfo": "skip",
        "showlegend": False,
    }
