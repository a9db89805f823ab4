"""The place search behind the dashboard: table names first, then the offline geocoder."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.data.place_search import PlaceSearch, did_you_mean, place_ids
from partnermap.data.urlstate import Controls, Panels, query_from_controls

DATA = Path(__file__).resolve().parent / "fixtures" / "dashboard"
ZHENJIANG = "geonames:1784642"


@functools.cache
def resolve(name: str) -> frozenset[str]:
    return place_ids(name, load_corpus(DATA).localities)


@pytest.mark.parametrize(
    "name", ["镇江", "Zhenjiang", "zhenjiang", ZHENJIANG, "Chinkiang", "镇江市人民政府"]
)
def test_zhenjiang_by_any_name(name: str) -> None:
    assert resolve(name) == {ZHENJIANG}


def test_a_province_without_agreements_of_its_own_means_the_places_inside_it() -> None:
    assert resolve("江苏") == {ZHENJIANG}
    assert resolve("Texas") == {"geonames:4699066"}  # Houston


def test_unknown_names_resolve_to_nothing() -> None:
    assert resolve("Atlantis") == frozenset()
    assert resolve("   ") == frozenset()


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Zhenjong", "Zhenjiang"),
        ("Cantn", "Guangzhou"),
        ("Boostn", "Boston"),
        ("Atlantis", "Atlanta"),
    ],
)
def test_a_name_that_matches_nothing_suggests_the_places_spelled_like_it(
    typed: str, first: str
) -> None:
    localities = load_corpus(EMBEDDED_DATA_DIR).localities
    assert place_ids(typed, localities) == frozenset()
    near = did_you_mean(typed, localities)
    assert 1 <= len(near) <= 3 and localities[near[0]].name_en == first
    assert did_you_mean("Xyzzy", localities) == []


def test_the_search_box_says_no_such_place_and_what_was_meant_in_both_languages() -> None:
    corpus = load_corpus(EMBEDDED_DATA_DIR)
    search = PlaceSearch(corpus.localities)

    def notice(typed: str, lang: str) -> tuple[str, str]:
        controls = Controls([], [], "", [1979, 2021], typed, lang)
        return query_from_controls(controls, Panels("sector", None, None), "", (1979, 2021), search)

    query, said = notice("Zhenjong", "en")
    assert query == "" and said.startswith("No place named “Zhenjong” — did you mean Zhenjiang")
    assert notice("Zhenjong", "zh")[1].startswith("没有名为“Zhenjong”的地点——您要找的是不是镇江")
    # A typo one letter off and a historical name find the place: nothing to say.
    for typed, found in [("zhenjang", "geonames%3A1784642"), ("Canton", "geonames%3A1809858")]:
        query, said = notice(typed, "en")
        assert said == "" and f"place={found}" in query
