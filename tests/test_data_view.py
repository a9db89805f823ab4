"""MapView: the vectorised view agrees with FilterState.keeps, and aggregates what layers draw."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from partnermap.data.filters import LEVEL_GROUPS, FilterState, select
from partnermap.data.loader import Corpus, load_corpus
from partnermap.data.view import (
    REGION_COLUMNS,
    CorpusIndex,
    build_index,
    build_view,
    node_name,
    regions_from_geojson,
)
from partnermap.data.vocabulary import SECTORS, TYPES

DATA = Path(__file__).resolve().parent / "fixtures" / "dashboard"
ZHENJIANG, CALIFORNIA, LOS_ANGELES = "geonames:1784642", "US-CA", "geonames:5368361"
REGIONS = pd.DataFrame(
    [
        ("US-CA", "California", "加利福尼亚州", "US"),
        ("US-TX", "Texas", "得克萨斯州", "US"),
        ("cn:320000", "Jiangsu", "江苏省", "CN"),
        ("cn:440000", "Guangdong", "广东省", "CN"),
        ("cn:110000", "Beijing", "北京市", "CN"),
    ],
    columns=REGION_COLUMNS,
)


@functools.cache
def corpus() -> Corpus:
    return load_corpus(DATA)


@functools.cache
def index() -> CorpusIndex:
    return build_index(corpus(), REGIONS)


def ids(records) -> list[str]:  # type: ignore[no-untyped-def]
    return [record.id for record in records]


states = st.builds(
    FilterState,
    sectors=st.frozensets(st.sampled_from(sorted(SECTORS)), max_size=3),
    types=st.frozensets(st.sampled_from(sorted(TYPES)), max_size=3),
    year_from=st.one_of(st.none(), st.integers(1980, 2016)),
    year_to=st.one_of(st.none(), st.integers(2016, 2020)),
    place=st.frozensets(st.sampled_from([ZHENJIANG, CALIFORNIA, LOS_ANGELES, "CN"]), max_size=2),
    level=st.one_of(st.none(), st.sampled_from(sorted(LEVEL_GROUPS))),
)


@settings(max_examples=200, deadline=None)
@given(states)
def test_view_keeps_exactly_what_filter_state_keeps(state: FilterState) -> None:
    view = build_view(index(), state)
    assert ids(view.records) == ids(select(corpus().records, state, corpus().localities))


def test_no_filter_keeps_everything() -> None:
    view = build_view(index(), FilterState())
    assert len(view.records) == len(corpus().records)
    assert view.year_bounds == (1981, 2015)
    assert view.years == (1981, 2015)


def test_points_count_the_records_naming_each_place() -> None:
    view = build_view(index(), FilterState())
    points = view.points.set_index("id")
    for place in (ZHENJIANG, CALIFORNIA, LOS_ANGELES):
        naming = [r for r in corpus().records if place in {ref.id for ref in r.localities}]
        assert points.at[place, "count"] == len(naming)
    order = list(zip(-view.points["count"], view.points["name_en"], strict=True))
    assert order == sorted(order)  # most records first, then by name
    assert "geonames:4646571" not in points.index  # Oak Ridge: in no record


def test_one_arc_per_pair_across_the_two_countries() -> None:
    view = build_view(index(), FilterState())
    arcs = view.arcs
    assert not arcs.duplicated(["a", "b"]).any()
    assert set(view.places.loc[arcs["a"], "country"]) == {"CN"}
    assert set(view.places.loc[arcs["b"], "country"]) == {"US"}
    pair = arcs[(arcs["a"] == ZHENJIANG) & (arcs["b"] == CALIFORNIA)]
    assert pair["count"].tolist() == [2]  # the MOU and the Plan of Actions
    assert view.arc_lat.shape == view.arc_lon.shape == (len(arcs), view.arc_lat.shape[1])


def test_arc_paths_run_from_the_chinese_to_the_us_side() -> None:
    view = build_view(index(), FilterState(place=frozenset({ZHENJIANG})))
    row = view.arcs.index[view.arcs["b"] == CALIFORNIA][0]
    assert view.arc_lat[row, 0] == np.float32(32.2109)
    assert (view.arc_lon[row, -1] - 360) == np.float32(-119.9915 % 360 - 360)


def test_partners_count_the_places_joined_by_arcs() -> None:
    view = build_view(index(), FilterState(place=frozenset({ZHENJIANG})))
    points = view.points.set_index("id")
    partners = set(view.arcs.loc[view.arcs["a"] == ZHENJIANG, "b"])
    assert points.at[ZHENJIANG, "partners"] == len(partners)


def test_a_city_counts_for_its_state_or_province() -> None:
    regions = build_view(index(), FilterState()).regions.set_index("id")["count"]
    # California itself (4 records) and Los Angeles (4, one shared with California).
    california = {
        r.id
        for r in corpus().records
        for ref in r.localities
        if ref.id in {CALIFORNIA, LOS_ANGELES}
    }
    assert regions["US-CA"] == len(california)
    assert regions["cn:320000"] == 3  # Zhenjiang, in Jiangsu
    assert regions["US-TX"] == 2  # Houston
    assert list(regions.index) == list(REGIONS["id"])


def test_timeline_ignores_the_year_filter_but_not_the_others() -> None:
    everything = build_view(index(), FilterState()).timeline
    narrowed = build_view(index(), FilterState(year_from=2015)).timeline
    pd.testing.assert_frame_equal(everything, narrowed)
    culture = build_view(index(), FilterState(sectors=frozenset({"culture"}))).timeline
    by_type = culture[culture["facet"] == "type"]
    assert set(by_type["category"]) == {"sister_city", "sister_state_province", "conference"}
    by_sector = everything[everything["facet"] == "sector"]
    in_2015 = by_sector[by_sector["year"] == 2015].set_index("category")["count"]
    assert in_2015["low-carbon-planning"] == 2


def test_focus_holds_the_place_filter() -> None:
    view = build_view(index(), FilterState(place=frozenset({ZHENJIANG})))
    assert view.focus["id"].tolist() == [ZHENJIANG]
    assert build_view(index(), FilterState()).focus.empty


def test_a_filter_matching_nothing_gives_empty_frames() -> None:
    view = build_view(index(), FilterState(sectors=frozenset({"public-health"})))
    assert view.records == ()
    assert view.points.empty and view.arcs.empty
    assert view.arc_lat.shape[0] == 0
    assert view.regions["count"].sum() == 0
    assert view.years is None


def test_regions_from_geojson() -> None:
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": "US-CA",
                "properties": {"name_en": "California", "name_zh": "加利福尼亚州", "country": "US"},
                "geometry": None,
            }
        ],
    }
    frame = regions_from_geojson(collection)
    assert frame.to_dict("records") == [
        {"id": "US-CA", "name_en": "California", "name_zh": "加利福尼亚州", "country": "US"}
    ]


def test_a_node_is_named_in_both_languages_and_an_unknown_id_as_itself() -> None:
    view = build_view(index(), FilterState())
    assert node_name(view, ZHENJIANG, "en") == "Zhenjiang · 镇江"
    assert node_name(view, CALIFORNIA, "zh") == "加利福尼亚州 · California"
    assert node_name(view, "country:CN", "en").startswith("China")
    assert node_name(view, "geonames:0", "en") == "geonames:0"
