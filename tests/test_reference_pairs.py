"""The 88 reference pairs in the embedded data, checked against the CSV they come from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from partnermap.cli import main
from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.data.reference_import import page_url, read_pairs

CSV = EMBEDDED_DATA_DIR / "reference" / "us_china_partnerships.csv"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def _record(corpus, record_id: str):
    [record] = [r for r in corpus.records if r.id == record_id]
    return record


def test_every_row_is_a_record_with_coordinates_on_both_sides(corpus) -> None:
    urls = {page_url(row.url) for row in read_pairs(CSV)}
    pairs = [r for r in corpus.records if r.sources[0].url in urls]
    assert len(pairs) == 88
    for record in pairs:
        assert len(record.localities) == 2
        countries = {corpus.localities[ref.id].country for ref in record.localities}
        assert countries == {"US", "CN"}


# id, year, (US id, level), (CN id, level)
PAIRS = [
    ("sister-city-st-louis-mo-nanjing", "1979", ("geonames:4407066", "city"), ("geonames:1799962", "city")),
    ("sister-state-ohio-hubei", "1979", ("US-OH", "state"), ("cn:420000", "province")),
    ("sister-state-iowa-hebei", "1983", ("US-IA", "state"), ("cn:130000", "province")),
    ("sister-city-los-angeles-ca-guangzhou", "1981", ("geonames:5368361", "city"), ("geonames:1809858", "city")),
    ("sister-city-washington-dc-beijing", "1984", ("geonames:4140963", "city"), ("geonames:1816670", "city")),
    ("sister-state-oregon-tianjin", "2014", ("US-OR", "state"), ("cn:120000", "province")),
    ("sister-city-philadelphia-pa-tianjin", "1979", ("geonames:4560349", "city"), ("geonames:1792947", "city")),
    ("friendship-brooklyn-ny-putuo-district", "2013", ("geonames:5110302", "county"), ("cn:310107", "county")),
    ("sister-city-muscatine-ia-zhengding", "2013", ("geonames:4868404", "city"), ("cn:130123", "county")),
    ("sister-city-chester-county-pa-funan-county", None, ("fips:42029", "county"), ("cn:341225", "county")),
    ("mou-utah-county-ut-xining", "2011", ("fips:49049", "county"), ("geonames:1788852", "city")),
    ("friendship-columbus-in-qiaokou-district", "2010", ("geonames:4256038", "city"), ("cn:420104", "county")),
    ("sister-city-honolulu-hi-hainan", "1985", ("geonames:5856195", "city"), ("cn:460000", "province")),
    ("mou-texas-sichuan", "2014", ("US-TX", "state"), ("cn:510000", "province")),
]  # fmt: skip


@pytest.mark.parametrize(("record_id", "year", "us", "cn"), PAIRS)
def test_pair_matches_the_csv(corpus, record_id: str, year, us, cn) -> None:
    record = _record(corpus, record_id)
    assert record.date == year
    got = [(ref.id, corpus.localities[ref.id].level) for ref in record.localities]
    assert got == [us, cn]


def test_county_and_district_units_lie_inside_their_parent(corpus) -> None:
    assert corpus.localities["fips:42029"].admin1 == "Pennsylvania"
    assert corpus.localities["cn:310107"].admin1 == "Shanghai"
    assert corpus.localities["cn:130123"].admin1 == "Hebei"


def test_doubtful_rows_are_low_confidence_with_a_note(corpus) -> None:
    for record_id in ("sister-state-oregon-tianjin", "sister-city-houston-tx-shenzhen"):
        record = _record(corpus, record_id)
        assert record.confidence == "low" and record.note
    # Its quote says "the first pair" but not the year: the year is implied and doubtful.
    st_louis = _record(corpus, "sister-city-st-louis-mo-nanjing")
    assert (st_louis.confidence, st_louis.implied) == ("low", ["date"]) and st_louis.date_note
    assert _record(corpus, "sister-city-los-angeles-ca-guangzhou").confidence == "high"


def test_fort_worth_guiyang_ended(corpus) -> None:
    record = _record(corpus, "sister-city-fort-worth-tx-guiyang")
    assert (record.status, record.end_date, record.date) == ("ended", "2025", "2011")


def test_import_is_idempotent_on_the_real_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(EMBEDDED_DATA_DIR, data, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    before = {p: p.read_bytes() for p in data.rglob("*.yaml")}
    assert main(["import-reference", str(CSV), "--data", str(data)]) == 0
    assert capsys.readouterr().out.strip() == "nothing changed"
    assert {p: p.read_bytes() for p in data.rglob("*.yaml")} == before


def test_every_pair_has_a_chinese_title_with_the_tables_names(corpus) -> None:
    urls = {page_url(row.url) for row in read_pairs(CSV)}
    for record in (r for r in corpus.records if r.sources[0].url in urls):
        us, cn = (corpus.localities[ref.id] for ref in record.localities)
        assert record.title_zh.startswith(f"{cn.name_zh or cn.name_en}")
        assert (us.name_zh or us.name_en) in record.title_zh
    houston = _record(corpus, "sister-city-houston-tx-shenzhen")
    assert houston.title_zh == "深圳与休斯顿友好城市"
    assert _record(corpus, "sister-city-quincy-il-jiaxing").title_zh == "嘉兴市与 Quincy 友好城市"
