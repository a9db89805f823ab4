"""The geocoder API: names as agreements write them, levels, ambiguity, context, bad input."""

from __future__ import annotations

import pytest
import yaml

from partnermap.geo.gazetteer import load_gazetteer
from partnermap.geo.geocode import Context, geocode, geocode_many

ZHENJIANG = "geonames:1784642"
CALIFORNIA = "US-CA"


@pytest.mark.parametrize(
    "name",
    [
        "镇江",
        "镇江市",
        "鎮江市",
        "Zhenjiang",
        "Zhen Jiang",
        "Chinkiang",
        "Zhenjiang City",
        "Zhenjiang Municipal People's Government",
        "中国镇江市人民政府",
        "镇江市发改委",
        "Zhenjiang 镇江",
    ],
)
def test_zhenjiang_in_every_form(name: str) -> None:
    result = geocode(name)
    assert result.match is not None and result.match.id == ZHENJIANG
    assert not result.ambiguous
    assert result.match.name_zh == "镇江市" and result.match.admin1 == "Jiangsu"


@pytest.mark.parametrize(
    "name",
    [
        "California",
        "加州",
        "加利福尼亚州",
        "Calif.",
        "CA",
        "State Government of California",
        "美国加利福尼亚州政府",
    ],
)
def test_california_is_a_state(name: str) -> None:
    result = geocode(name)
    assert result.match is not None and result.match.id == CALIFORNIA
    assert result.match.level == "state"


def test_party_wording_and_qualifiers() -> None:
    assert geocode("City of Los Angeles").match.id == "geonames:5368361"
    assert geocode("Jiangsu Provincial Department of Commerce").match.id == "cn:320000"
    assert geocode("Des Moines, Iowa").match.id == "geonames:4853828"
    assert geocode("Wuhan, Hubei").match.id == "geonames:1791247"
    assert geocode("Washington, D.C.").match.id == "geonames:4140963"


def test_county_level_units_resolve_inside_their_parent() -> None:
    assert geocode("Putuo District (Shanghai)").match.id == "cn:310107"
    assert geocode("Tiantai (county, Taizhou)").match.id == "cn:331023"
    brooklyn = geocode("Brooklyn (borough of New York City)").match
    assert (brooklyn.id, brooklyn.level) == ("geonames:5110302", "county")


def test_municipality_level_follows_the_text_and_says_so() -> None:
    city = geocode("Beijing")
    assert (city.match.id, city.match.level) == ("geonames:1816670", "city")
    assert "cn:110000" in city.note and "municipality" in city.note
    province = geocode("Beijing Municipality")
    assert (province.match.id, province.match.level) == ("cn:110000", "province")
    assert geocode("Beijing", Context(level="province")).match.id == "cn:110000"


@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("Washington", {"US-WA", "geonames:4140963"}),
        ("Taizhou", {"geonames:1793505", "geonames:8400694"}),
        ("Suzhou", {"geonames:1886760", "geonames:1793743"}),
        ("Oak Ridge", {"geonames:4646571", "geonames:4166583"}),
        ("Des Moines", {"geonames:4853828", "geonames:5792244"}),
    ],
)
def test_ambiguous_names_are_flagged_with_alternatives(name: str, ids: set[str]) -> None:
    result = geocode(name)
    assert result.ambiguous
    assert ids <= {result.match.id} | {place.id for place in result.alternatives}


def test_population_decides_a_name_with_one_large_place() -> None:
    result = geocode("Boston")
    assert result.match.id == "geonames:4930956" and not result.ambiguous


def test_context_decides_ambiguous_names() -> None:
    assert geocode("Taizhou", Context(nearby=("Jiangsu",))).match.id == "geonames:1793505"
    assert geocode("Taizhou", Context(within=("Zhejiang",))).match.id == "geonames:8400694"
    assert geocode("Oak Ridge", Context(nearby=("Tennessee",))).match.id == "geonames:4646571"
    washington = geocode("Washington", Context(level="city"))
    assert washington.match.id == "geonames:4140963" and not washington.ambiguous


def test_country_hint_filters() -> None:
    result = geocode("Washington", Context(country="CN"))
    assert result.match is None and "CN" in result.note
    assert geocode("Suzhou", Context(country="US")).match is None


def test_geocode_many_uses_the_record_as_context() -> None:
    alone = geocode_many(["Taizhou"])
    together = geocode_many(["Taizhou", "Jiangsu"], same_record=True)
    assert alone[0].ambiguous
    assert [r.match.id for r in together] == ["geonames:1793505", "cn:320000"]
    assert not together[0].ambiguous


def test_unknown_name_gives_suggestions() -> None:
    result = geocode("Zhengjiang")
    assert result.match is None
    assert ZHENJIANG in [place.id for place in result.suggestions]


def test_us_counties_resolve_at_county_level_inside_their_state() -> None:
    result = geocode("Utah County")
    assert result.match is not None
    assert (result.match.id, result.match.level, result.match.admin1) == (
        "fips:49049",
        "county",
        "Utah",
    )
    chester = geocode("Chester County", Context(within=("Pennsylvania",)))
    assert chester.match is not None and chester.match.id == "fips:42029"


def test_a_county_named_like_others_is_decided_by_its_state() -> None:
    result = geocode("Orange County", Context(within=("California",)))
    assert result.match is not None and result.match.id == "fips:06059"


@pytest.mark.parametrize("name", ["", "   ", "😀🌏", "\x00\x07\x1b", "x" * 10_000, "镇" * 400])
def test_bad_input_gives_an_error_not_a_traceback(name: str) -> None:
    result = geocode(name)
    assert result.match is None and result.error
    assert result.to_dict()["error"] == result.error


@pytest.mark.parametrize(
    "name", ["Zhenjiang\x00", "Zhen\u200bjiang", "Ｚｈｅｎｊｉａｎｇ", "ZHENJIANG"]
)
def test_noise_around_a_name_is_ignored(name: str) -> None:
    assert geocode(name).match.id == ZHENJIANG


def test_to_dict_has_the_documented_shape() -> None:
    payload = geocode("Zhenjiang").to_dict()
    assert list(payload)[:5] == ["query", "match", "ambiguous", "alternatives", "suggestions"]
    assert set(payload["match"]) == {
        "id",
        "name_en",
        "name_zh",
        "level",
        "country",
        "admin1",
        "lat",
        "lon",
        "population",
    }
    assert payload["match"]["lat"] == pytest.approx(32.2109)


def test_ids_and_coordinates_follow_the_conventions() -> None:
    places = load_gazetteer().places
    assert places["cn:320000"].level == "province" and places["cn:320000"].name_en == "Jiangsu"
    assert places["cn:610000"].name_en == "Shaanxi"
    assert places["US-CA"].level == "state"
    assert places["CN"].level == "country"
    haiyang = places["cn:370687"]
    assert (haiyang.name_en, haiyang.level, haiyang.admin1) == ("Haiyang", "county", "Shandong")
    for place in places.values():
        assert round(place.lat, 4) == place.lat and round(place.lon, 4) == place.lon


def test_every_override_row_has_a_reason() -> None:
    from partnermap.geo.gazetteer import OVERRIDES_PATH

    table = yaml.safe_load(OVERRIDES_PATH.read_text(encoding="utf-8"))
    rows = (table.get("names") or []) + (table.get("places") or [])
    assert rows and all(str(row.get("reason", "")).strip() for row in rows)


def test_the_labelled_set_is_large_and_names_real_places() -> None:
    from pathlib import Path

    items = yaml.safe_load((Path(__file__).parent / "geocode_labelled.yaml").read_text("utf-8"))
    places = load_gazetteer().places
    assert len(items) >= 150
    expected = [item["id"] for item in items if item.get("id")]
    expected += [place_id for item in items for place_id in item.get("ids", [])]
    assert [place_id for place_id in expected if place_id not in places] == []


@pytest.mark.parametrize(
    ("name", "current"),
    [
        ("Peking", "Beijing"),
        ("Peking, China", "Beijing"),
        ("Canton, China", "Guangzhou"),
        ("Tientsin", "Tianjin"),
        ("Chungking", "Chongqing"),
        ("Amoy", "Xiamen"),
        ("Nanking", "Nanjing"),
        ("Tsingtao", "Qingdao"),
        ("Sian", "Xi'an"),
    ],
)
def test_historical_names_are_the_chinese_places_they_mean_now(name: str, current: str) -> None:
    result = geocode(name)
    assert result.match is not None and not result.ambiguous, result
    assert (result.match.name_en, result.match.country) == (current, "CN")


def test_an_old_name_that_is_also_a_place_of_its_own_is_a_close_call() -> None:
    assert geocode("Canton, Ohio").match.admin1 == "Ohio"
    bare = geocode("Canton")
    assert bare.ambiguous and bare.match.name_en == "Guangzhou"
    assert {place.country for place in bare.alternatives} == {"US"}
