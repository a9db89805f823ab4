"""Evidence levels at a glance: in the details panel, the places table and the CSV export."""

from __future__ import annotations

import functools
import json

from dash import html

from partnermap.data.evidence import evidence_level
from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.data.view import MapView, build_index, build_view, regions_from_geojson
from partnermap.exports.tables import locality_rows
from partnermap.geo.basemap import admin1_geojson
from partnermap.page import details, table


@functools.cache
def _embedded() -> MapView:
    corpus = load_corpus()
    return build_view(build_index(corpus, regions_from_geojson(admin1_geojson())), FilterState())


def _texts(component: object) -> list[str]:
    if isinstance(component, str):
        return [component]
    children = getattr(component, "children", None)
    children = children if isinstance(children, list | tuple) else [children]
    return [t for child in children if child is not None for t in _texts(child)]


def _one_of_each() -> dict[str, object]:
    records = {}
    for record in _embedded().records:
        records.setdefault(evidence_level(record), record)
    assert set(records) == {"stated", "implied", "listed"}, "the embedded data has all three"
    return records


def test_each_record_in_the_details_says_how_it_stands_on_its_sources() -> None:
    expected = {
        "stated": "Stated in a quote",
        "implied": "Implied by a quote (see the note)",
        "listed": "Listed only, no quote",
    }
    for level, record in _one_of_each().items():
        article = details._record(record, "en")
        badges = [
            p
            for p in article.children
            if isinstance(p, html.P) and "evidence" in (getattr(p, "className", None) or "")
        ]
        assert [b.children for b in badges] == [expected[level]]
        assert f"evidence-{level}" in badges[0].className
    assert "仅见于名录，无引文" in _texts(details._record(_one_of_each()["listed"], "zh"))


def test_the_table_counts_the_agreements_that_are_only_listed() -> None:
    view = _embedded()
    rows = table.rows(view, "en", {"column": "listed", "descending": True}).set_index("id")
    listed = [r for r in view.records if evidence_level(r) == "listed"]
    busiest = rows.index[0]
    assert rows.at[busiest, "listed"] == sum(
        busiest in {ref.id for ref in r.localities} for r in listed
    )
    assert rows["listed"].max() > 0
    drawn = json.loads(table.table(view, "zh", table.DEFAULT_SORT))
    assert "仅见于名录" in [column["label"] for column in drawn["columns"]]
    assert [row["listed"] for row in drawn["rows"]] == list(
        table.rows(view, "zh", table.DEFAULT_SORT)["listed"].head(table.MAX_ROWS)
    )


def test_the_csv_rows_carry_the_evidence_level() -> None:
    corpus = load_corpus()
    rows = locality_rows(corpus.records, corpus.localities)
    assert {row["evidence"] for row in rows} == {"stated", "implied", "listed"}
    by_record = {row["record_id"]: row["evidence"] for row in rows}
    assert all(by_record[r.id] == evidence_level(r) for r in corpus.records)
