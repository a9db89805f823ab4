"""The one-line summary of a view: how many agreements and places, over which years."""

from __future__ import annotations

from partnermap.data.view import MapView
from partnermap.layers import arcs, labels, points


def summary(view: MapView, lang: str) -> str:
    """Return e.g. "23 agreements · 31 places · 2003–2015", or what to do when nothing matches.

    The counts are the kept records and their places; the years are those of the kept dated
    records. When the map draws only the busiest places and links, the summary says so.
    """
    if not view.records:
        return labels.ui("empty", lang)
    parts = [labels.agreements(len(view.records), lang), labels.places(len(view.points), lang)]
    years = view.years
    if years:
        parts.append(f"{years[0]}–{years[1]}" if years[0] != years[1] else str(years[0]))
    note = drawn_note(view, lang)
    return " · ".join([*parts, note] if note else parts)


def drawn_note(view: MapView, lang: str) -> str:
    """What the map leaves out when the view has more places or links than it draws, else ""."""
    if len(view.points) <= points.MAX_DRAWN and len(view.arcs) <= arcs.MAX_DRAWN:
        return ""
    shown = {"places": len(points.drawn(view)), "links": len(arcs.drawn_rows(view))}
    return labels.ui("drawn", lang).format(**shown)
