"""Data table: the places of the map as an accessible, sortable HTML table.

Each place name is a button that opens its agreements in the details panel, so everything the
map offers a pointer is reachable by keyboard and screen reader. The table is sent as JSON and
drawn by ``assets/table.js``; a button carries what it sets in ``data-*`` attributes (the
selection, or the next sort), which the script copies to the page's stores.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

import pandas as pd

from partnermap.data import texts, urlstate
from partnermap.data.evidence import evidence_level
from partnermap.data.schema import Record
from partnermap.data.view import MapView

#: Column key -> (header text key, frame column it sorts by).
COLUMNS = {
    "place": ("col_place", "name"),
    "other_name": ("col_other_name", "other_name"),
    "country": ("col_country", "country"),
    "level": ("col_level", "level"),
    "count": ("col_count", "count"),
    "partners": ("col_partners", "partners"),
    "listed": ("col_listed", "listed"),
}
#: The columns of counts: right-aligned, headers too, so a header stands over its figures.
NUMERIC = frozenset({"count", "partners", "listed"})
DEFAULT_SORT = {"column": urlstate.DEFAULT_SORT[0], "descending": urlstate.DEFAULT_SORT[1]}
#: Rows rendered at most; the caption says when more places are in view.
MAX_ROWS = 50


def rows(view: MapView, lang: str, sort: dict[str, Any]) -> pd.DataFrame:
    """The table's rows for ``view``: one per place, sorted by ``sort["column"]``.

    Names are in ``lang`` ("other_name" is the other language's); ties are broken by name.
    """
    points = view.points
    listed = listed_counts(view.records)
    zh = points["name_zh"].fillna(points["name_en"])
    frame = pd.DataFrame(
        {
            "id": points["id"],
            "name": zh if lang == "zh" else points["name_en"],
            "other_name": points["name_en"] if lang == "zh" else points["name_zh"].fillna(""),
            "country": [texts.country(c, lang) for c in points["country"].tolist()],
            "level": [texts.level(lv, lang) for lv in points["level"].tolist()],
            "count": points["count"],
            "partners": points["partners"],
            "listed": [listed[place_id] for place_id in points["id"].tolist()],
            "national": points["national"],
        }
    )
    column = COLUMNS.get(sort.get("column"), COLUMNS["count"])[1]
    descending = bool(sort.get("descending"))
    return frame.sort_values(
        [column, "name"], ascending=[not descending, True], kind="stable"
    ).reset_index(drop=True)


def listed_counts(records: Iterable[Record]) -> Counter[str]:
    """How many of ``records`` naming each place rest on a listing only, no quote."""
    return Counter(
        place_id
        for record in records
        if evidence_level(record) == "listed"
        for place_id in {ref.id for ref in record.localities}
    )


def table(view: MapView, lang: str, sort: dict[str, Any]) -> str:
    """The data table of ``view`` as the JSON that ``assets/table.js`` draws.

    The table travels as one attribute (``data-places`` of the table's box), not as Dash
    components: fifty rows made 430 components, and every filter change re-rendered them in
    the Dash renderer (70 ms of a repaint's median at 1k agreements). The script draws it as
    text, never as markup.

    Returns
    -------
    str
        A JSON object: ``caption``; ``columns``, each with its ``key``, ``label``, ``sort``
        (the sort a click sets), ``aria_sort``, ``arrow`` and ``numeric``; ``rows``, each a place with
        ``selection`` (what a click selects), ``name``, ``other_name``, ``country``,
        ``level``, ``national``, ``count``, ``partners`` and ``listed``; and the texts
        ``hint``, ``badge`` and ``other_lang`` (the language of ``other_name``).
    """
    frame = rows(view, lang, sort)
    shown = frame.head(MAX_ROWS)
    caption = texts.ui("table_title", lang) + f" ({len(frame)})"
    if len(frame) > MAX_ROWS:
        caption += ", " + texts.ui("table_shown", lang).format(n=MAX_ROWS)
    return json.dumps(
        {
            "caption": caption,
            "columns": [_column(key, lang, sort) for key in COLUMNS],
            "rows": [_row(row) for row in shown.itertuples(index=False)],
            "hint": texts.ui("details_hint", lang),
            "badge": texts.ui("national_badge", lang),
            "other_lang": "en" if lang == "zh" else "zh",
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _column(key: str, lang: str, sort: dict[str, Any]) -> dict[str, Any]:
    active = sort.get("column") == key
    descending = bool(sort.get("descending"))
    return {
        "key": key,
        "label": texts.ui(COLUMNS[key][0], lang),
        "sort": next_sort(sort, key),
        "aria_sort": ("descending" if descending else "ascending") if active else "none",
        "arrow": ("▼" if descending else "▲") if active else "",
        "numeric": key in NUMERIC,
    }


def _row(row: Any) -> dict[str, Any]:
    return {
        "selection": ["place", row.id],
        "name": row.name,
        "other_name": row.other_name,
        "country": row.country,
        "level": row.level,
        "national": bool(row.national),
        "count": int(row.count),
        "partners": int(row.partners),
        "listed": int(row.listed),
    }


def next_sort(sort: dict[str, Any], column: str) -> dict[str, Any]:
    """The sort after clicking ``column``: toggle it if active, else sort by it.

    Numbers start with the largest first, text from A.

    Examples
    --------
    >>> next_sort({"column": "count", "descending": True}, "count")
    {'column': 'count', 'descending': False}
    """
    if sort.get("column") == column:
        return {"column": column, "descending": not sort.get("descending")}
    return {"column": column, "descending": column in {"count", "partners"}}
