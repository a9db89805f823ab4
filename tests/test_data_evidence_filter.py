"""The evidence filter: quoted sources or listed only, in FilterState, the view, the URL and the CLI."""

from __future__ import annotations

import csv
import functools
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from record_factory import make_record

from partnermap.cli import main
from partnermap.data.filters import EVIDENCE_GROUPS, FilterState, select
from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.data.schema import Record
from partnermap.data.urlstate import UrlState, parse_query, to_query
from partnermap.data.view import CorpusIndex, build_index, build_view, regions_from_geojson
from partnermap.geo.basemap import admin1_geojson


def _record(rid: str, **changes: Any) -> Record:
    return make_record(
        rid, **{"type": "sister_city", "date": "1985", "sectors": ["general"], **changes}
    )


LISTED = _record(
    "listed",
    date=None,
    date_note="The table gives no year.",
    confidence="listed",
    sources=[{"document": "pairs.csv", "lines": "3", "quote": "A,United States,B,China"}],
)
RECORDS = [_record("quoted"), LISTED]


def test_quoted_keeps_what_a_quote_supports_and_listed_what_a_list_names() -> None:
    assert [r.id for r in select(RECORDS, FilterState())] == ["quoted", "listed"]
    assert [r.id for r in select(RECORDS, FilterState(evidence="quoted"))] == ["quoted"]
    assert [r.id for r in select(RECORDS, FilterState(evidence="listed"))] == ["listed"]


def test_an_unknown_evidence_says_what_is_valid() -> None:
    with pytest.raises(ValueError, match="unknown evidence 'rumour'; valid: quoted, listed"):
        FilterState(evidence="rumour")


@pytest.mark.parametrize("evidence", [None, *EVIDENCE_GROUPS])
def test_the_url_holds_the_evidence_and_round_trips(evidence: str | None) -> None:
    state = UrlState(FilterState(evidence=evidence, sectors=frozenset({"culture"})), "zh")
    query = to_query(state)
    assert ("evidence=" + str(evidence) in query) == (evidence is not None)
    assert parse_query(query, lambda name: frozenset()) == state


def test_a_mistyped_evidence_in_a_url_is_dropped_and_named() -> None:
    state = parse_query("?evidence=rumour&evidence=listed", lambda name: frozenset())
    assert state.filters.evidence == "listed"
    assert state.unknown == ("evidence=rumour",)


@functools.cache
def _embedded() -> CorpusIndex:
    return build_index(load_corpus(EMBEDDED_DATA_DIR), regions_from_geojson(admin1_geojson()))


def test_the_view_splits_the_embedded_data_in_two_and_counts_each_once() -> None:
    index = _embedded()
    everything = build_view(index, FilterState())
    quoted = build_view(index, FilterState(evidence="quoted"))
    listed = build_view(index, FilterState(evidence="listed"))
    assert len(quoted.records) + len(listed.records) == len(everything.records)
    assert {r.confidence for r in listed.records} == {"listed"}
    assert "listed" not in {r.confidence for r in quoted.records}
    # Over 100 pairs rest on the compiled list alone (issue 16).
    assert len(listed.records) > 100


def test_an_arc_counts_its_listed_records() -> None:
    index = _embedded()
    for state in (FilterState(), FilterState(evidence="quoted"), FilterState(evidence="listed")):
        arcs = build_view(index, state).arcs
        assert (arcs["listed"] <= arcs["count"]).all()
    listed = build_view(index, FilterState(evidence="listed")).arcs
    quoted = build_view(index, FilterState(evidence="quoted")).arcs
    assert np.array_equal(listed["listed"], listed["count"])
    assert (quoted["listed"] == 0).all()


@pytest.mark.parametrize("evidence", EVIDENCE_GROUPS)
def test_list_takes_the_evidence_flag(evidence: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json", "--evidence", evidence]) == 0
    ids = {row["id"] for row in json.loads(capsys.readouterr().out)}
    records = load_corpus(EMBEDDED_DATA_DIR).records
    expected = {r.id for r in records if (r.confidence == "listed") == (evidence == "listed")}
    assert ids == expected and ids


def test_a_place_without_a_chinese_name_has_none_not_nan() -> None:
    names = _embedded().places["name_zh"]
    assert names.isna().sum() == sum(name is None for name in names) > 0


@pytest.mark.parametrize(("evidence", "levels"), [("listed", {"listed"}), ("quoted", None)])
def test_export_takes_the_evidence_flag(
    tmp_path: Path, evidence: str, levels: set[str] | None
) -> None:
    out = tmp_path / "rows.csv"
    assert main(["export", "--format", "csv", "--evidence", evidence, "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        found = {row["evidence"] for row in csv.DictReader(handle)}
    assert found == levels if levels else found and "listed" not in found
