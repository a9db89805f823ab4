"""The one-line summary of a view: how many agreements and places, over which years, on which
evidence."""

from __future__ import annotations

from partnermap.data import texts
from partnermap.data.view import MapView
from partnermap.layers.figure import drawn_note


def summary(view: MapView, lang: str) -> str:
    """Return e.g. "23 agreements · 31 places · 2003–2015", or what to do when nothing matches.

    The counts are the kept records and their places; the years are those of the kept dated
    records. An evidence filter is named ("Listed only"), so a screenshot says what it counts.
    When the map draws only the busiest places and links, the summary says so.
    """
    if not view.records:
        return texts.ui("empty", lang)
    parts = [texts.agreements(len(view.records), lang), texts.places(len(view.points), lang)]
    years = view.years
    if years:
        parts.append(f"{years[0]}–{years[1]}" if years[0] != years[1] else str(years[0]))
    if view.state.evidence:
        parts.append(texts.ui(f"evidence_{view.state.evidence}", lang))
    note = drawn_note(view, lang)
    return " · ".join([*parts, note] if note else parts)
