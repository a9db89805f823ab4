"""Data table: the map's places as a sortable, keyboard-friendly table."""

from __future__ import annotations

from dash import html
from fixture_views import ZHENJIANG, view

from partnermap.callbacks import ids
from partnermap.layers import table


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
    assert button.id["type"] == ids.TABLE_PLACE


def test_sorting_toggles_and_starts_sensibly() -> None:
    sort = {"column": "count", "descending": True}
    assert table.next_sort(sort, "count") == {"column": "count", "descending": False}
    assert table.next_sort(sort, "place") == {"column": "place", "descending": False}
    assert table.next_sort(sort, "partners") == {"column": "partners", "descending": True}
    unchanged = object()
    assert table.next_sort(sort, None, unchanged) is unchanged


def test_clicked_reads_only_real_clicks() -> None:
    appeared = [{"prop_id": '{"place":"US-CA","type":"table-place"}.n_clicks', "value": None}]
    clicked = [{"prop_id": '{"place":"US-CA","type":"table-place"}.n_clicks', "value": 1}]
    assert table.clicked(appeared, "place") is None
    assert table.clicked(clicked, "place") == "US-CA"
    assert table.row_selection("US-CA") == ["place", "US-CA"]
    unchanged = object()
    assert table.row_selection(None, unchanged) is unchanged
