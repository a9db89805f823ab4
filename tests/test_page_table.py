"""Data table: the map's places as a sortable, keyboard-friendly table."""

from __future__ import annotations

import json

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


def test_table_travels_as_json_with_what_each_button_sets() -> None:
    sort = {"column": "place", "descending": True}
    drawn = json.loads(table.table(view(), "en", sort))
    assert drawn["caption"] == f"Places in view ({len(view().points)})"
    columns = drawn["columns"]
    assert [c["key"] for c in columns] == list(table.COLUMNS)
    assert columns[0]["aria_sort"] == "descending" and columns[0]["arrow"] == "▼"
    assert {c["aria_sort"] for c in columns[1:]} == {"none"}
    # Each header carries the sort its click sets: the active column toggles.
    assert columns[0]["sort"] == {"column": "place", "descending": False}
    frame = table.rows(view(), "en", sort)
    first = drawn["rows"][0]
    assert first["selection"] == ["place", frame.at[0, "id"]]
    # Every column has its cell: the place (name), then one per column in order.
    assert [k for k in first if k in table.COLUMNS or k == "name"] == [
        "name" if k == "place" else k for k in table.COLUMNS
    ]
    assert first["count"] == frame.at[0, "count"] and first["listed"] == frame.at[0, "listed"]
    assert drawn["other_lang"] == "zh"
    assert [c["key"] for c in columns if c["numeric"]] == ["count", "partners", "listed"]


def test_table_text_stays_text() -> None:
    """Names go into JSON as they are (the script sets them as text), Chinese unescaped."""
    drawn = table.table(view(), "zh", table.DEFAULT_SORT)
    assert "镇江" in drawn and "\\u" not in drawn
    assert json.loads(drawn)["other_lang"] == "en"


def test_sorting_toggles_and_starts_sensibly() -> None:
    sort = {"column": "count", "descending": True}
    assert table.next_sort(sort, "count") == {"column": "count", "descending": False}
    assert table.next_sort(sort, "place") == {"column": "place", "descending": False}
    assert table.next_sort(sort, "partners") == {"column": "partners", "descending": True}
