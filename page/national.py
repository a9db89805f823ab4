"""National-level agreements: counted and listed beside the map, never a mark on it.

A framework between two governments has no place on a map of places; the list says how many
such records the view keeps, so the totals and the map agree.
"""

from __future__ import annotations

from typing import Any

from dash import html

from partnermap.data import texts
from partnermap.data.view import MapView

#: Records listed by name; the rest are counted.
LISTED = 12


def panel(view: MapView, lang: str) -> list[Any]:
    """The national list's children: a heading with the count, then the records, or nothing."""
    records = view.national
    if not records:
        return []
    items = [
        html.Li(
            [
                (r.title_zh if lang == "zh" and r.title_zh else r.title),
                html.Span(f" ({r.date or texts.ui('undated', lang)})", className="date"),
            ]
        )
        for r in records[:LISTED]
    ]
    if len(records) > LISTED:
        items.append(html.Li(texts.ui("more", lang).format(n=len(records) - LISTED)))
    heading = texts.ui("national_heading", lang).format(n=len(records))
    return [
        html.Details(
            [
                html.Summary(
                    [html.Span(texts.ui("national_badge", lang), className="badge"), heading]
                ),
                html.Ul(items),
            ],
            className="national",
        )
    ]
