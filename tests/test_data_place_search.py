"""The place search behind the dashboard: table names first, then the offline geocoder."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from partnermap.data.loader import load_corpus
from partnermap.data.place_search import place_ids

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
