"""The reference import: one record per pair, sources merged, notes applied, idempotent."""

from __future__ import annotations

import dataclasses
import shutil
import zlib
from pathlib import Path

import pytest

from partnermap.data.loader import load_corpus
from partnermap.data.reference_import import (
    PairRow,
    import_reference,
    pair_records,
    read_notes,
    read_pairs,
)
from partnermap.data.schema import Locality, Record

REFERENCE_CSV = Path(__file__).parents[1] / "data" / "reference" / "us_china_partnerships.csv"
BROKEN = Path(__file__).parent / "fixtures" / "broken"
HEADER = "us_locality,us_state,us_level,cn_locality,cn_province,cn_level,relationship,year_established,source_url,quote\n"


def fake_resolve(name: str, parent: str, country: str, level: str) -> Locality:
    """A stand-in geocoder: a made-up but valid locality for every name."""
    known = {"California": "US-CA", "Zhenjiang": "geonames:1784642"}
    lid = known.get(name) or (
        f"US-{parent}" if level == "state" else f"geonames:{zlib.crc32(name.encode()) % 10**7}"
    )
    lat, lon = (37.0, -100.0) if country == "US" else (32.0, 119.0)
    return Locality(
        id=lid,
        name_en=name,
        name_zh=None,
        level=level if level != "province" else "province",
        country=country,
        admin1=parent,
        lat=lat,
        lon=lon,
        gazetteer="test",
    )


def _row(line: int, us: str, cn: str, relationship: str = "sister_city", year: str = "") -> PairRow:
    return PairRow(
        line,
        us,
        "CA",
        "city",
        cn,
        "Jiangsu",
        "city",
        relationship,
        year,
        f"https://example{line}.org/page",
        f"quote {line}",
    )


def test_reads_all_88_rows_with_their_kinds() -> None:
    rows = read_pairs(REFERENCE_CSV)
    assert len(rows) == 88
    kinds = [row.relationship for row in rows]
    assert (kinds.count("sister_state_province"), kinds.count("sister_city")) == (22, 51)
    assert (kinds.count("friendship"), kinds.count("mou")) == (9, 6)


def test_same_pair_from_two_sources_is_one_record_with_two_sources() -> None:
    rows = [_row(2, "Tustin", "Heyuan", year="1986"), _row(3, "Tustin", "Heyuan", year="1989")]
    records, _ = pair_records(rows, fake_resolve, {})
    assert len(records) == 1
    assert [s["url"] for s in records[0]["sources"]] == [
        "https://example2.org/page",
        "https://example3.org/page",
    ]
    assert records[0]["date"] == "1986"
    assert records[0]["confidence"] == "low"
    assert "different years (1986, 1989)" in records[0]["note"]


def test_sister_city_and_mou_of_the_same_pair_stay_apart() -> None:
    rows = [_row(2, "Tustin", "Heyuan"), _row(3, "Tustin", "Heyuan", relationship="mou")]
    records, _ = pair_records(rows, fake_resolve, {})
    assert [r["type"] for r in records] == ["sister_city", "mou"]
    assert len({r["id"] for r in records}) == 2


def test_pair_also_in_the_seeds_links_to_it() -> None:
    seed = Record.model_validate(
        {
            "id": "zhenjiang-california-plan",
            "title": "t",
            "type": "action_plan",
            "date": "2015",
            "sectors": ["clean-air"],
            "parties": ["a"],
            "summary": "s",
            "localities": [
                {"id": "geonames:1784642", "role": "party"},
                {"id": "US-CA", "role": "party"},
            ],
            "sources": [{"url": "https://example.org/x", "accessed": "2026", "quote": "q"}],
        }
    )
    row = PairRow(
        2,
        "California",
        "CA",
        "state",
        "Zhenjiang",
        "Jiangsu",
        "city",
        "mou",
        "2015",
        "https://example.org/p",
        "q",
    )
    records, _ = pair_records([row], fake_resolve, {}, others=[seed])
    assert records[0]["related"] == ["zhenjiang-california-plan"]


def test_notes_apply_low_confidence_and_ended_status() -> None:
    notes = read_notes()
    rows = {row.key: row for row in read_pairs(REFERENCE_CSV)}
    records, _ = pair_records(
        [rows["Fort Worth, TX / Guiyang"], rows["Oregon, OR / Tianjin"]], fake_resolve, notes
    )
    fort_worth, oregon = records
    assert (fort_worth["status"], fort_worth["end_date"], fort_worth["date"]) == (
        "ended",
        "2025",
        "2011",
    )
    assert "HB 128" in fort_worth["note"]
    assert oregon["confidence"] == "low"
    # The quoted page says 2014; the 2016 of a page that is not quoted is in the note.
    assert oregon["date"] == "2014" and "2016" in oregon["note"] and "2016" in oregon["date_note"]
    assert oregon["summary"].startswith("Oregon and Tianjin: sister state and province since 2014")


def test_every_note_names_a_real_row() -> None:
    keys = {row.key for row in read_pairs(REFERENCE_CSV)}
    assert set(read_notes()) <= keys


def test_malformed_row_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "A,CA,city,B,Jiangsu,city,twinning,,https://x.org,q\n")
    with pytest.raises(ValueError, match=r"bad.csv:2: relationship: 'twinning'"):
        read_pairs(path)


def test_import_writes_valid_data_and_running_twice_changes_nothing(tmp_path: Path) -> None:
    shutil.copy(BROKEN / "localities.yaml", tmp_path / "localities.yaml")
    shutil.copytree(BROKEN / "sources", tmp_path / "sources")
    (tmp_path / "records").mkdir()
    csv_path = tmp_path / "pairs.csv"
    csv_path.write_text(
        HEADER
        + 'Tustin,CA,city,Heyuan,Guangdong,city,sister_city,2015,https://a.org/x,"Tustin, Heyuan"\n'
        + "California,CA,state,Zhenjiang,Jiangsu,city,mou,,https://b.org/y,q\n"
    )
    first = import_reference(csv_path, tmp_path, fake_resolve)
    assert first == [
        "localities.yaml: added 2 localities",
        "records/reference_pairs.yaml: wrote 2 records",
    ]
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.yaml")}
    assert import_reference(csv_path, tmp_path, fake_resolve) == []
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.yaml")} == before
    corpus = load_corpus(tmp_path)
    assert corpus.problems == ()
    assert [r.id for r in corpus.records] == [
        "sister-city-tustin-ca-heyuan",
        "mou-california-zhenjiang",
    ]


def test_titles_name_places_as_the_localities_table_does() -> None:
    row = _row(2, "Houston", "Shenzhen")
    houston = fake_resolve("Houston", "CA", "US", "city").model_copy(update={"name_zh": "休斯顿"})
    shenzhen = fake_resolve("Shenzhen", "Jiangsu", "CN", "city").model_copy(
        update={"name_zh": "深圳"}
    )
    table = {houston.id: houston, shenzhen.id: shenzhen}
    [record], _ = pair_records([row], fake_resolve, {}, table=table)
    assert record["title_zh"] == "深圳与休斯顿友好城市"
    # With no Chinese name in the table, the English one stands in.
    [record], _ = pair_records([row], fake_resolve, {})
    assert record["title_zh"] == "Shenzhen 与 Houston 友好城市"


def test_a_translation_proxy_gives_way_to_the_page_it_shows() -> None:
    proxy = "https://translate.google.com/website?sl=auto&tl=th&u=https://web.archive.org/web/2017/http://a.org/"
    row = dataclasses.replace(_row(2, "Houston", "Shenzhen"), url=proxy)
    [record], _ = pair_records([row], fake_resolve, {})
    assert record["sources"][0]["url"] == "https://web.archive.org/web/2017/http://a.org/"
    assert record["summary"].endswith("per web.archive.org.")


def test_notes_list_implied_claims_and_a_year_the_table_left_blank() -> None:
    notes = read_notes()
    rows = {row.key: row for row in read_pairs(REFERENCE_CSV)}
    records, _ = pair_records(
        [rows["Texas, TX / Sichuan"], rows["Indiana, IN / Zhejiang"]], fake_resolve, notes
    )
    texas, indiana = records
    assert (texas["implied"], texas["confidence"], texas["date"]) == (
        ["date", "parties"],
        "low",
        "2014",
    )
    assert indiana["date"] is None and "20世纪80年代" in indiana["date_note"]
    assert "since the 1980s" in indiana["summary"]
