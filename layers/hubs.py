"""Hub layer: a multi-party event or program as one mark at its venue, sized by participants.

A summit of thirteen cities is one diamond at its host, not dozens of links; its spokes to the
participants are drawn only when it is selected (``partnermap.layers.selection``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from partnermap.data import texts
from partnermap.data.view import MapView
from partnermap.layers.text import plotly_text

COLOR = "#d97706"
SYMBOL = "diamond"
MIN_SIZE, MAX_SIZE = 9.0, 22.0
#: Events named in a hub's hover; the rest are counted.
LISTED = 4
#: Venues drawn at most, those with most events first (``figure.drawn_note`` says so): each
#: carries its hover text, and a synthetic 100,000-record corpus has tens of thousands.
MAX_DRAWN = 300


def traces(view: MapView, lang: str) -> list[dict[str, Any]]:
    """Return one marker trace: a diamond per venue of the kept hub records that ``drawn``
    keeps.

    Parameters
    ----------
    view
        The filtered view; ``view.hubs`` has one row per kept hub record.
    lang
        "en" or "zh", for the legend and hover text.
    """
    venues = drawn(view)
    records = _by_venue(view.hubs[view.hubs["id"].isin(venues.index)])
    rows = [_venue(venue, records[venue], lang) for venue in venues.index]
    largest = max((row[3] for row in rows), default=1)
    return [
        {
            "type": "scattergeo",
            "name": texts.ui("legend_hub", lang),
            "uid": "hubs",
            "lat": np.array([first["lat"] for _, first, *_ in rows], dtype=np.float64),
            "lon": np.array([first["lon"] for _, first, *_ in rows], dtype=np.float64),
            "mode": "markers",
            "marker": {
                "symbol": SYMBOL,
                "size": np.array([_size(n, largest) for *_, n, _ in rows], dtype=np.float64),
                "color": COLOR,
                "opacity": 0.9,
                "line": {"color": "#ffffff", "width": 1},
            },
            "customdata": [["place", venue] for venue, *_ in rows],
            "text": [hover for *_, hover in rows],
            "hovertemplate": "%{text}<extra></extra>",
            "showlegend": bool(rows),
        }
    ]


def drawn(view: MapView) -> pd.DataFrame:
    """The venues the map draws, and frames: the ``MAX_DRAWN`` with most events, in the view's
    order among equals, most events first.

    One row per venue (its first hub record, with ``lat`` and ``lon``), indexed by venue id.
    """
    hubs = view.hubs
    events = hubs.groupby("id", sort=False).size().sort_values(ascending=False, kind="stable")
    return hubs.drop_duplicates("id").set_index("id").loc[events.index[:MAX_DRAWN]]


def venue_count(view: MapView) -> int:
    """How many venues the hub records of ``view`` have (``traces`` draws ``MAX_DRAWN``)."""
    return int(view.hubs["id"].nunique())


def legend_entries(lang: str) -> list[dict[str, object]]:
    """The hub legend: ``{"label", "color", "symbol"}``."""
    return [{"label": texts.ui("legend_hub", lang), "color": COLOR, "symbol": SYMBOL}]


def _size(participants: int, largest: int) -> float:
    return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * float(np.sqrt(participants / max(largest, 1)))


def _by_venue(hubs: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """The hub records of each venue, venues and records in the view's order (plain rows: a
    pandas group per venue cost a millisecond each, seconds for thousands of venues)."""
    venues: dict[str, list[dict[str, Any]]] = {}
    for row in hubs.to_dict("records"):
        venues.setdefault(row["id"], []).append(row)
    return venues


def _venue(venue: str, records: list[dict[str, Any]], lang: str) -> tuple:
    """(venue id, its first record, records, most participants, hover text) of one venue."""
    largest = max(int(row["participants"]) for row in records)
    return venue, records[0], len(records), largest, _hover(records, lang)


def _hover(records: list[dict[str, Any]], lang: str) -> str:
    first = records[0]
    lines = [plotly_text(texts.bilingual(first["name_en"], first["name_zh"], lang))]
    for row in records[:LISTED]:
        title = row["title_zh"] if lang == "zh" and row["title_zh"] else row["title"]
        year = str(row["year"]) if row["year"] >= 0 else texts.ui("undated", lang)
        participants = texts.ui("participants", lang).format(n=int(row["participants"]))
        lines.append(plotly_text(f"{title} ({year}) · {participants}"))
    if len(records) > LISTED:
        lines.append(plotly_text(texts.ui("more", lang).format(n=len(records) - LISTED)))
    return "<br>".join(lines)
