"""Data table: the map's places as a sortable, keyboard-friendly table."""

from __future__ import annotations

import json

from dash import html
from fixture_views import ZHENJIANG, view

from partnermap.page import table


def test_rows_are_the_places_of_the_view() -> None:
    rows = table.rows(view(), "en", table.DEFAULT_SORT)
    assert len(rows) == len(view().points)
    assert list(rows["count"]) == sorted(rows["count"], reverse=True)
    zh = table.rows(view(), "zh", {"column": "place", "descending": False})
    assert zh.set_index("id").at[ZHENJIANG, "name"] == "镇江"
    assert zh.set_index("id").at[ZHENJIANG, "other_name"] == "Zhenjiang"
    assert list(zh["name"]) == sorted(zh["name"])


def test_table_markup_is_accessible() -> None:
    (tab,) = table.table(view(), "en", {"column": "place", "descending": True})
    caption, head, body = tab.children
    assert (
        isinstance(caption, html.Caption)
        and caption.children == f"Places in view ({len(view().points)})"
    )
    headers = head.children.children
    assert [h.scope for h in headers] == ["col"] * len(table.COLUMNS)
    assert getattr(headers[0], "aria-sort") == "descending"
    assert {getattr(h, "aria-sort") for h in headers[1:]} == {"none"}
    first_row = body.children[0]
    assert first_row.children[0].scope == "row"
    button = first_row.children[0].children
    assert json.loads(getattr(button, "data-selection")) == [
        "place",
        table.rows(view(), "en", {"column": "place", "descending": True}).at[0, "id"],
    ]
    # Each header carries the sort its click sets: the active column toggles.
    assert json.loads(getattr(headers[0].children, "data-sort")) == {
        "column": "place",
        "descending": False,
    }


def test_sorting_toggles_and_starts_sensibly() -> None:
    sort = {"column": "count", "descending": True}
    assert table.next_sort(sort, "count") == {"column": "count", "descending": False}
    assert table.next_sort(sort, "place") == {"column": "place", "descending": False}
    assert table.next_sort(sort, "partners") == {"column": "partners", "descending": True}
