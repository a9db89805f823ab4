"""FilterState.keeps and select: each filter narrows, together they intersect."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from record_factory import make_record

from partnermap.data.filters import FilterState, localities_named, select
from partnermap.data.schema import Locality
from partnermap.data.vocabulary import SECTORS, TYPES

RECORDS = [
    make_record("a"),
    make_record("b", type="sister_city", date="1979", sectors=["culture"]),
    make_record("c", date=None, date_note="undated", sectors=["culture", "clean-air"]),
    make_record("d", date="2008-12", localities=[{"id": "geonames:1784642", "role": "party"}]),
]


def _ids(state: FilterState) -> list[str]:
    return [r.id for r in select(RECORDS, state)]


def test_no_filter_keeps_everything() -> None:
    assert _ids(FilterState()) == ["a", "b", "c", "d"]


def test_sector_keeps_records_with_any_chosen_sector() -> None:
    assert _ids(FilterState(sectors=frozenset({"culture"}))) == ["b", "c"]


def test_type() -> None:
    assert _ids(FilterState(types=frozenset({"sister_city", "action_plan"}))) == ["b"]


def test_year_range_is_closed_and_drops_undated() -> None:
    assert _ids(FilterState(year_from=2008, year_to=2015)) == ["a", "d"]
    assert _ids(FilterState(year_to=2008)) == ["b", "d"]


def test_place() -> None:
    assert _ids(FilterState(place=frozenset({"geonames:1784642"}))) == ["d"]


def test_filters_intersect() -> None:
    state = FilterState(sectors=frozenset({"clean-air"}), year_from=2010)
    assert _ids(state) == ["a"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sectors": frozenset({"energie"})}, "unknown sector 'energie'; valid: low-carbon"),
        ({"types": frozenset({"treaty"})}, "unknown type 'treaty'; valid: sister_city"),
        ({"year_from": 2015, "year_to": 2000}, "is empty"),
    ],
)
def test_bad_filter_values_say_what_is_valid(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FilterState(**kwargs)


@given(
    st.frozensets(st.sampled_from(sorted(SECTORS))),
    st.frozensets(st.sampled_from(sorted(TYPES))),
    st.one_of(st.none(), st.integers(1900, 2030)),
)
def test_selection_is_a_subset_that_satisfies_the_state(
    sectors: frozenset[str], types: frozenset[str], year_from: int | None
) -> None:
    state = FilterState(sectors=sectors, types=types, year_from=year_from)
    kept = select(RECORDS, state)
    assert all(state.keeps(r) for r in kept)
    assert all(r in RECORDS for r in kept)
    for record in kept:
        assert not sectors or set(record.sectors) & sectors
        assert not types or record.type in types
        assert year_from is None or (record.year is not None and record.year >= year_from)


LOCALITIES = {
    loc.id: loc
    for loc in [
        Locality(
            id="geonames:1784642",
            name_en="Zhenjiang",
            name_zh="镇江市",
            level="city",
            country="CN",
            admin1="Jiangsu",
            lat=32.2,
            lon=119.45,
            gazetteer="test",
        ),
        Locality(
            id="US-CA",
            name_en="California",
            name_zh="加利福尼亚州",
            level="state",
            country="US",
            admin1="California",
            lat=37.2,
            lon=-119.5,
            gazetteer="test",
        ),
    ]
}


@pytest.mark.parametrize("name", ["Zhenjiang", "zhenjiang", "镇江", "镇江市", "geonames:1784642"])
def test_localities_named_in_either_language(name: str) -> None:
    assert localities_named(name, LOCALITIES) == {"geonames:1784642"}


def test_localities_named_unknown_uses_resolver_then_gives_nothing() -> None:
    assert localities_named("Chinkiang", LOCALITIES) == frozenset()
    resolved = localities_named("Chinkiang", LOCALITIES, resolve=lambda _: ["geonames:1784642"])
    assert resolved == {"geonames:1784642"}
