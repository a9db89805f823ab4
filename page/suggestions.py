"""Place suggestions while typing: the places of the view whose names start like what is typed.

The page asks ``/suggest?q=…`` with its own URL query (its filters and language) at each
keystroke (``assets/suggest.js``), and the server answers with the few that match, so no
filter change sends the page a list of every place (a world registry has tens of thousands).
A place matches when one of its names (English, Chinese, historical) starts with what is typed,
or is one letter off it (two from seven letters on); when none does, the answer says so in
words and names the nearest.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from dash import html
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import cdist

from partnermap.data import texts
from partnermap.data.place_names import key
from partnermap.data.view import MapView
from partnermap.page import ids

#: Suggestions shown at most.
MAX_SHOWN = 8


def box(lang: str) -> html.Ul:
    """The suggestions list, empty until something is typed (``assets/suggest.js`` fills it)."""
    return html.Ul(
        [],
        id=ids.PLACE_SUGGESTIONS,
        className="suggestions",
        **{"aria-label": texts.ui("suggestions_label", lang)},
    )


def matching(view: MapView, typed: str, lang: str) -> dict[str, Any]:
    """The suggestions for ``typed`` among the places of ``view`` below country level.

    Parameters
    ----------
    view
        The filtered view, without its place filter (suggest beyond the place searched).
    typed
        What is in the search box.
    lang
        "en" or "zh": the language of the labels and the status line.

    Returns
    -------
    dict
        ``items``: up to ``MAX_SHOWN`` [label, value] pairs, nearest first and busiest first
        among equals; the label reads e.g. "Zhenjiang · 镇江 — 9 agreements", the value is the
        English name the search box receives. ``status``: "" when there are items or nothing
        is typed, else "No place named … — did you mean …?" or "No place named …".
    """
    query = key(typed)
    if not query:
        return {"items": [], "status": ""}
    places = view.points[~view.points["national"]]
    owners, names = view.search_names
    # Farther than this, no place is suggested nor named as the nearest.
    limit = int(max(2, len(query) / 3))
    distance = _nearness(names, query, limit)
    nearest = np.full(len(places), np.iinfo(np.int32).max)
    np.minimum.at(nearest, owners, distance)
    allowed = 2 if len(query) >= 7 else 1 if len(query) >= 4 else 0
    order = np.argsort(nearest, kind="stable")  # places come busiest first
    shown = [i for i in order[:MAX_SHOWN] if nearest[i] <= allowed]
    if shown:
        rows = places.iloc[shown]
        return {
            "items": [
                [
                    f"{texts.bilingual(row.name_en, row.name_zh, lang)} — "
                    f"{texts.agreements(int(row.count), lang)}",
                    row.name_en,
                ]
                for row in rows.itertuples()
            ],
            "status": "",
        }
    said = typed.strip()
    if len(order) and nearest[order[0]] <= limit:
        best = places.iloc[order[0]]["name_en"]
        status = texts.ui("suggest_did_you_mean", lang).format(query=said, name=best)
    else:
        status = texts.ui("suggest_none", lang).format(query=said)
    return {"items": [], "status": status}


def _nearness(names: list[str], query: str, limit: int) -> np.ndarray:
    """For each name: 0 when it starts with ``query``, else the fewest edits from ``query`` to
    the name or to its start of the query's length; ``limit`` + 1 for any more than ``limit``."""
    if not names:
        return np.zeros(0, dtype=np.int32)
    within = {"scorer": Levenshtein.distance, "score_cutoff": limit, "dtype": np.int32}
    whole = cdist([query], names, **within)[0]
    starts = cdist([query], [n[: len(query)] for n in names], **within)[0]
    prefix = np.fromiter((n.startswith(query) for n in names), dtype=bool, count=len(names))
    return np.where(prefix, 0, np.minimum(whole, starts))
