"""The words around an exported map: default title, active filters, selection, counts, sources,
date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from partnermap.data import texts
from partnermap.data.citations import citations
from partnermap.data.filters import FilterState
from partnermap.data.schema import Locality, Record
from partnermap.data.view import MapView, node_name, selected_records
from partnermap.data.vocabulary import SECTORS, TYPES


def default_title(lang: str) -> str:
    """Return the title an export gets when none is given."""
    return texts.ui("title", lang)


def filter_summary(state: FilterState, localities: Mapping[str, Locality], lang: str) -> str:
    """Return the active filters as one line, labels in ``lang``, e.g. "Sectors: Clean air"."""
    sep = texts.ui("list_sep", lang)
    parts = []
    if state.sectors:
        labels = sep.join(SECTORS[s].label(lang) for s in sorted(state.sectors))
        parts.append(f"{texts.ui('filter_sectors', lang)}: {labels}")
    if state.types:
        labels = sep.join(TYPES[t].label(lang) for t in sorted(state.types))
        parts.append(f"{texts.ui('filter_types', lang)}: {labels}")
    if state.year_from is not None or state.year_to is not None:
        first, last = state.year_from or "…", state.year_to or "…"
        years = str(first) if first == last else f"{first}–{last}"
        parts.append(f"{texts.ui('years', lang)}: {years}")
    if state.place:
        names = sep.join(sorted(place_name(localities[i], lang) for i in state.place))
        parts.append(f"{texts.ui('place', lang)}: {names}")
    return " · ".join(parts) if parts else texts.ui("filters_none", lang)


def selection_line(view: MapView, selection: Sequence[str] | None, lang: str) -> str:
    """Return what an export draws whole, by name, e.g. "Selected: Zhenjiang · 镇江"; "" for none.

    Parameters
    ----------
    view
        The filtered view.
    selection
        ("place", id), ("region", id), ("pair", a, b), ("regions", a, b), ("countries", a, b),
        or None.
    lang
        "en" or "zh".

    Returns
    -------
    str
        Plain text (names come from the data: escape it for the page it goes on).
    """
    if not selection:
        return ""
    return texts.ui("export_selected", lang).format(name=selection_name(view, selection, lang))


def selection_note(view: MapView, selection: Sequence[str] | None, lang: str) -> str:
    """Return a note when the filters keep no agreement of ``selection``, else "".

    A selection's agreements are those the details panel lists
    (``partnermap.data.view.selected_records``).
    """
    if not selection or selected_records(view, selection):
        return ""
    return texts.ui("export_selected_empty", lang).format(
        name=selection_name(view, selection, lang)
    )


def selection_name(view: MapView, selection: Sequence[str], lang: str) -> str:
    """The names of what ``selection`` points at, as the details panel heads it: both names of
    each place, division or country joined by " — " (``partnermap.data.view.node_name``)."""
    return " — ".join(node_name(view, node, lang) for node in selection[1:])


def place_name(locality: Locality, lang: str) -> str:
    """Return the locality's name in ``lang``, falling back to English."""
    return (locality.name_zh if lang == "zh" else None) or locality.name_en


def count_summary(records: Sequence[Record], localities: Mapping[str, Locality], lang: str) -> str:
    """Return how many records and places are shown, and how the places split by country."""
    places = {ref.id for record in records for ref in record.localities}
    return texts.ui("export_counts", lang).format(
        records=len(records),
        places=len(places),
        by_country=texts.by_country((localities[place].country for place in places), lang),
    )


def source_list(records: Sequence[Record], limit: int | None, lang: str) -> list[str]:
    """Return the sources behind ``records`` as "Publisher — Title (date)", at most ``limit``.

    When there are more, the last line says how many were left out and that the CSV export
    lists them all; ``limit`` None lists every one.
    """
    names = [str(c) for c in citations(records)]
    if limit is None or len(names) <= limit:
        return names
    more = texts.ui("more_in_csv", lang).format(n=len(names) - limit + 1)
    return [*names[: limit - 1], more]


def export_date(lang: str, today: dt.date | None = None) -> str:
    """Return "Exported <ISO date>" in ``lang``."""
    return texts.ui("exported", lang).format(date=(today or dt.date.today()).isoformat())
