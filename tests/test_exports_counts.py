"""One counting rule: the timeline, the summary and the CSV export count the same records."""

from __future__ import annotations

import csv
import io

from fixture_views import DATA, fixture_index, validated
from hypothesis import given, settings
from hypothesis import strategies as st

from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.data.view import build_view
from partnermap.data.vocabulary import SECTORS, TYPES
from partnermap.exports.build import export
from partnermap.exports.request import ExportRequest
from partnermap.layers import timeline
from partnermap.page.summary import summary

_PLACES = ["geonames:1784642", "US-CA", "geonames:5368361", "geonames:1809858", "CN"]


@st.composite
def filter_states(draw: st.DrawFn) -> FilterState:
    year_from = draw(st.none() | st.integers(1978, 2016))
    year_to = draw(st.none() | st.integers(year_from or 1978, 2016))
    return FilterState(
        sectors=frozenset(draw(st.sets(st.sampled_from(list(SECTORS)), max_size=3))),
        types=frozenset(draw(st.sets(st.sampled_from(list(TYPES)), max_size=3))),
        year_from=year_from,
        year_to=year_to,
        place=frozenset(draw(st.sets(st.sampled_from(_PLACES), max_size=2))),
        level=draw(st.sampled_from([None, "city", "province"])),
    )


@settings(max_examples=150, deadline=None)
@given(state=filter_states(), facet=st.sampled_from(["sector", "type"]))
def test_timeline_plus_undated_equals_summary_equals_csv_records(
    state: FilterState, facet: str
) -> None:
    index = fixture_index()
    view = build_view(index, state)
    year_filter = state.year_from is not None or state.year_to is not None
    low, high = state.year_from or 0, state.year_to or 10_000
    bars = 0  # the bars of the kept years, and the undated bar when no year is set
    for trace in validated(timeline.traces(view, "en", facet)):
        if trace.name == "undated":
            bars += 0 if year_filter else int(trace.y[0])
            continue
        bars += sum(int(n) for year, n in zip(trace.x, trace.y, strict=True) if low <= year <= high)

    shown = summary(view, "en")
    counted = int(shown.split(" ")[0]) if view.records else 0

    localities = load_corpus(DATA).localities
    request = ExportRequest(format="csv", state=state)
    rows = csv.DictReader(
        io.StringIO(export(request, localities, index).content.decode("utf-8-sig"))
    )
    records_in_csv = len({row["record_id"] for row in rows})

    assert bars == counted == records_in_csv == len(view.records)
