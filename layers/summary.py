"""The one-line summary of a view: how many agreements and places, over which years."""

from __future__ import annotations

from partnermap.data.view import MapView
from partnermap.layers import labels


def summary(view: MapView, lang: str) -> str:
    """Return e.g. "23 agreements · 31 places · 2003–2015", or what to do when nothing matches.

    The counts are the kept records and the places on the map; the years are those of the kept
    dated records.
    """
    if not view.records:
        return labels.ui("empty", lang)
    parts = [labels.agreements(len(view.records), lang), labels.places(len(view.points), lang)]
    years = view.years
    if years:
        parts.append(f"{years[0]}–{years[1]}" if years[0] != years[1] else str(years[0]))
    return " · ".join(parts)
