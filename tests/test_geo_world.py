"""The worldwide geocoder: qualifiers, country context, district forms, pinyin, batch mode."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from partnermap.cli import main
from partnermap.geo.batch import geocode_file
from partnermap.geo.geocode import Context, geocode
from partnermap.geo.names import pinyin_name


def _where(name: str, context: Context | None = None) -> tuple[str, str | None] | None:
    result = geocode(name, context)
    if result.match is None or result.ambiguous:
        return None
    return result.match.country, result.match.admin1


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        ("Dublin, Ireland", "IE", None),
        ("Dublin, Republic of Ireland", "IE", None),
        ("Dublin, California", "US", "California"),
        ("Perth (Scotland)", "GB", "Scotland"),
        ("Perth, Western Australia", "AU", "Western Australia"),
        ("London, Ontario", "CA", "Ontario"),
        ("Tbilisi, Georgia (country)", "GE", None),
        ("Athens, Georgia", "US", "Georgia"),
    ],
)
def test_a_named_country_or_state_selects_among_namesakes(
    name: str, country: str, admin1: str | None
) -> None:
    found = _where(name)
    assert found is not None and found[0] == country
    assert admin1 is None or found[1] == admin1


@pytest.mark.parametrize("name", ["Coventry, New York", "Perth, Germany", "Paris, Japan"])
def test_a_qualifier_is_never_dropped(name: str) -> None:
    result = geocode(name)
    qualifier = name.split(", ")[1]
    if result.match is not None:
        # Only a place inside the qualifier may be the answer: never Coventry, Rhode Island.
        assert result.ambiguous or qualifier.split()[-1] in (result.match.admin1 or "")
    else:
        assert result.note and qualifier in result.note
        assert result.suggestions, "the namesakes elsewhere are offered instead"


def test_the_qualifier_decides_not_the_population() -> None:
    assert geocode("Perth").match.country == "AU"
    assert geocode("Perth, Scotland").match.country == "GB"
    assert geocode("Changning (Shanghai)").match.id == "cn:310105"
    assert geocode("Changning District, Shanghai").match.id == "cn:310105"


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Chongqing – Nanchuan", "cn:500119"),
        ("Suzhou – Wujiang", "cn:320509"),
        ("Wuxi - Binhu", "cn:320211"),
        ("Yuhang (Hangzhou)", "cn:330110"),
        ("Laoshan (Qingdao)", "cn:370212"),
    ],
)
def test_city_dash_district_and_district_in_brackets_find_the_district(
    name: str, place_id: str
) -> None:
    result = geocode(name)
    assert result.match is not None and result.match.id == place_id and not result.ambiguous


@pytest.mark.parametrize(
    ("country", "name", "admin1"),
    [("FR", "Lyon", None), ("VE", "Valencia", None), ("NZ", "Hamilton", "Waikato")],
)
def test_a_country_hint_of_any_iso_code(country: str, name: str, admin1: str | None) -> None:
    result = geocode(name, Context(country=country))
    assert result.match is not None and result.match.country == country
    assert admin1 is None or result.match.admin1 == admin1


def test_a_bare_world_name_is_not_a_us_town() -> None:
    assert geocode("Dublin").match.country == "IE"
    assert geocode("Zwolle").match.country == "NL"
    assert geocode("Tokyo").match.level == "city"  # not the prefecture around it


@pytest.mark.parametrize(
    ("stem", "full", "english"),
    [
        ("长宁", "长宁区", "Changning"),
        ("闵行", "闵行区", "Minhang"),
        ("珲春", "珲春市", "Hunchun"),
        ("都匀", "都匀市", "Duyun"),
        ("朝阳", "朝阳市", "Chaoyang"),
        ("长子", "长子县", "Zhangzi"),
    ],
)
def test_pinyin_follows_place_name_readings(stem: str, full: str, english: str) -> None:
    import yaml

    from partnermap.geo.gazetteer import OVERRIDES_PATH

    readings = yaml.safe_load(OVERRIDES_PATH.read_text(encoding="utf-8"))["pinyin"]
    assert pinyin_name(stem, full, readings) == english


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Changning", "cn:310105"),
        ("Minhang", "cn:310112"),
        ("Hunchun", "cn:222404"),
        ("Duyun", "cn:522701"),
        ("Golmud", "cn:632801"),
        ("Erenhot", "cn:152501"),
        ("Shangri-La", "cn:533401"),
        ("Hailar", "cn:150702"),
    ],
)
def test_pinyin_and_conventional_names_are_found(name: str, place_id: str) -> None:
    result = geocode(name, Context(country="CN"))
    ids = {result.match.id} if result.match else set()
    ids |= {place.id for place in result.alternatives}
    assert place_id in ids


def test_chinese_names_abroad() -> None:
    assert geocode("东京").match.country == "JP"
    assert geocode("巴黎").match.country == "FR"
    assert geocode("法国").match.id == "FR"


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("横滨", "geonames:1848354"),  # GeoNames writes 横浜市
        ("广岛市", "geonames:1862415"),  # 広島市
        ("金泽", "geonames:1860243"),  # 金沢市
        ("鹿儿岛", "geonames:1860827"),  # 鹿児島市
        ("鹿儿岛县", "adm1:JP.18"),
    ],
)
def test_japanese_places_as_chinese_writes_them(name: str, place_id: str) -> None:
    assert geocode(name).match.id == place_id


def test_alternatives_carry_coordinates_admin1_and_population() -> None:
    payload = geocode("Springfield").to_dict()
    assert payload["ambiguous"]
    for place in payload["alternatives"]:
        assert {"lat", "lon", "admin1", "population"} <= set(place)
        assert place["population"] > 0


def test_cli_takes_any_country_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geocode", "--json", "--country", "fr", "Lyon"]) == 0
    assert json.loads(capsys.readouterr().out)["match"]["country"] == "FR"
    with pytest.raises(SystemExit):
        main(["geocode", "--country", "XX", "Lyon"])


def test_batch_mode_writes_one_answer_per_row_in_order(tmp_path: Path) -> None:
    table = tmp_path / "names.tsv"
    table.write_text("name\tcc\nDublin\tUS\nDublin\t\n东京\t\nNowhereville\t\n", encoding="utf-8")
    out = io.StringIO()
    seen: list[int] = []
    assert geocode_file(table, out, "name", "cc", progress=seen.append) == 4
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["name"] for row in rows] == ["Dublin", "Dublin", "东京", "Nowhereville"]
    assert rows[0]["match_country"] == "US" and rows[1]["match_country"] == "IE"
    assert rows[2]["match_country"] == "JP" and rows[3]["match_id"] == ""
    assert seen[-1] == 4


def test_batch_mode_json_lines_and_errors(tmp_path: Path) -> None:
    table = tmp_path / "names.csv"
    table.write_text("place,country\nPerth,GB\n", encoding="utf-8")
    out = io.StringIO()
    geocode_file(table, out, "place", "country", fmt="jsonl")
    line = json.loads(out.getvalue())
    assert line["line"] == 2 and line["match"]["country"] == "GB"
    with pytest.raises(ValueError, match="no column 'name'"):
        geocode_file(table, io.StringIO(), "name")
