"""import-table: CSV, TSV and XLSX tables in, a data directory the other commands read out."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from partnermap.cli import main
from partnermap.data.loader import load_corpus
from partnermap.data.table_columns import find_columns
from partnermap.data.table_import import import_table
from partnermap.data.table_read import MAX_BYTES, TableError, read_table
from partnermap.data.validate import validate_paths

TABLES = Path(__file__).parent / "fixtures" / "tables"


def _records(out: Path) -> dict[str, dict]:
    (path,) = (out / "records").glob("*.yaml")
    return {r["id"]: r for r in yaml.safe_load(path.read_text(encoding="utf-8"))["records"]}


def _review(out: Path) -> list[dict[str, str]]:
    with (out / "review.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _snapshot(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def _workbook(path: Path, rows: list[list], title: str = "Pairs") -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return book


def test_csv_becomes_a_valid_data_directory(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = import_table(TABLES / "pairs.csv", out)
    assert validate_paths([out]) == []
    corpus = load_corpus(out)
    assert not corpus.problems and len(corpus.records) == report.records == 4
    records = _records(out)
    zhenjiang = next(r for r in records.values() if "Tempe" in r["title"])
    # The same pair on two rows is one record citing both rows, each quote the row as written.
    assert [s["lines"] for s in zhenjiang["sources"]] == ["2", "6"]
    assert zhenjiang["sources"][0]["quote"] == "Zhenjiang,China,Tempe,United States,1999,"
    assert zhenjiang["sources"][0]["document"] == "pairs.csv"
    assert zhenjiang["date"] == "1999" and zhenjiang["confidence"] == "listed"
    assert (out / "sources" / "pairs.csv").read_bytes() == (TABLES / "pairs.csv").read_bytes()
    countries = {corpus.localities[ref.id].country for r in corpus.records for ref in r.localities}
    assert {"CN", "US", "IE", "GB", "AU", "DE", "JP"} <= countries


def test_unplaceable_rows_go_to_review_with_reason_and_suggestions(tmp_path: Path) -> None:
    out = tmp_path / "out"
    import_table(TABLES / "pairs.csv", out)
    review = {(row["line"], row["side"]): row for row in _review(out)}
    assert set(review) == {("7", "1"), ("8", "1"), ("9", "1")}
    assert "no place of this name" in review["7", "1"]["reason"]
    assert review["8", "1"]["reason"].startswith("ambiguous")
    assert len(review["8", "1"]["suggestions"].split("; ")) == 3
    assert "same place" in review["9", "1"]["reason"]


def test_reimport_changes_nothing_and_a_fixed_table_adds_its_row(tmp_path: Path) -> None:
    out, table = tmp_path / "out", tmp_path / "pairs.csv"
    shutil.copy(TABLES / "pairs.csv", table)
    import_table(table, out)
    before = _snapshot(out)
    again = import_table(table, out)
    assert again.changes == [] and _snapshot(out) == before
    # The user corrects a row flagged for review and imports again: same ids, one more record.
    text = table.read_text(encoding="utf-8").replace(
        "Springfield,United States", '"Springfield, Illinois",United States'
    )
    table.write_text(text, encoding="utf-8")
    fixed = import_table(table, out)
    assert set(_records(out)) > set(_records_from(before))
    assert fixed.records == 5 and len(_review(out)) == 2


def _records_from(snapshot: dict[str, bytes]) -> dict[str, dict]:
    (text,) = (v for k, v in snapshot.items() if k.startswith("records/"))
    return {r["id"]: r for r in yaml.safe_load(text)["records"]}


def test_chinese_headers_tsv_and_chinese_names(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = import_table(TABLES / "pairs_zh.tsv", out)
    assert report.records == 3 and report.review_rows == 0
    corpus = load_corpus(out)
    ids = {frozenset(ref.id for ref in r.localities) for r in corpus.records}
    assert frozenset({"geonames:1784642", "geonames:5317058"}) in ids  # 镇江 – 坦佩 (Tempe)
    assert any("cn:310105" in pair for pair in ids)  # 长宁区（上海）
    dates = {r.date for r in corpus.records}
    assert {"1999", "1982"} <= dates


def test_a_pair_already_recorded_is_not_duplicated(tmp_path: Path) -> None:
    out = tmp_path / "out"
    import_table(TABLES / "pairs_zh.tsv", out)
    report = import_table(TABLES / "pairs.csv", out)
    # Zhenjiang–Tempe is in pairs_zh's records: named, not recorded twice.
    assert any(lines == [2, 6] for lines in report.already.values())
    pairs = [frozenset(ref.id for ref in r.localities) for r in load_corpus(out).records]
    assert len(pairs) == len(set(pairs))


def test_xlsx_reads_a_sheet_and_stores_it_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "pairs.xlsx"
    book = _workbook(path, [["City", "Country", "Partner City", "Partner Country", "Year"],
                            ["Zhenjiang", "China", "Tempe", "United States", 1999]])  # fmt: skip
    sheet = book.create_sheet("Other")
    sheet.append(["place", "partner"])
    sheet.append(["Hamburg, Germany", "Osaka, Japan"])
    book.save(path)
    out = tmp_path / "out"
    assert import_table(path, out).records == 1
    (record,) = _records(out).values()
    assert record["sources"][0] == {
        "document": "pairs.pairs.csv",
        "lines": "2",
        "quote": "Zhenjiang,China,Tempe,United States,1999",
    }
    assert import_table(path, tmp_path / "other", sheet="Other").records == 1
    assert validate_paths([out, tmp_path / "other"]) == []
    with pytest.raises(TableError, match="no sheet 'Nope'"):
        read_table(path, "Nope")


def test_xlsx_formulas_and_merged_cells_are_named(tmp_path: Path) -> None:
    formula = tmp_path / "formula.xlsx"
    _workbook(formula, [["city1", "city2"], ["Zhenjiang", "Tempe"], ["=A2", "Tempe"]])
    with pytest.raises(TableError) as err:
        read_table(formula)
    assert err.value.row == 3 and err.value.column == "A" and "formula" in str(err.value)
    assert str(formula) in str(err.value)

    merged = tmp_path / "merged.xlsx"
    book = _workbook(merged, [["city1", "city2"], ["Zhenjiang", "Tempe"], ["", "Boston"]])
    book.active.merge_cells("A2:A3")
    book.save(merged)
    with pytest.raises(TableError) as err:
        read_table(merged)
    assert err.value.row == 2 and err.value.column == "A" and "A2:A3" in str(err.value)

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(TableError, match="not a readable XLSX"):
        read_table(broken)


def test_wrong_encoding_is_named_by_row_and_column() -> None:
    with pytest.raises(TableError) as err:
        read_table(TABLES / "latin1.csv")
    assert err.value.row == 2 and err.value.column == "1"
    assert "latin1.csv" in str(err.value) and "UTF-8" in str(err.value)


def test_empty_and_huge_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="empty"):
        read_table(TABLES / "empty.csv")
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(TableError, match="MB"):
        read_table(huge)
    blank = tmp_path / "header_only.csv"
    blank.write_text("city1,city2\n\n", encoding="utf-8")
    with pytest.raises(TableError, match="no rows"):
        read_table(blank)


def test_no_recognisable_columns_names_the_headers(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"row 1: no recognisable columns.*'alpha'"):
        import_table(TABLES / "no_columns.csv", tmp_path / "out")
    report = import_table(
        TABLES / "no_columns.csv",
        tmp_path / "out",
        mapping={"place1": "alpha", "place2": "3"},
    )
    assert report.review_rows == 2  # "1" and "3" are no places, but the columns were taken


def test_columns_by_header_in_either_language() -> None:
    assert find_columns(["City1", "Country 1", "City2", "country_2"]) == {
        "place1": 0, "country1": 1, "place2": 2, "country2": 3}  # fmt: skip
    assert find_columns(["城市", "国家", "友好城市", "对方国家", "备注"])["notes"] == 4
    with pytest.raises(ValueError, match="unknown field"):
        find_columns(["city1", "city2"], {"colour": "city1"})


def test_cli_import_table_json_and_the_other_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "data"
    assert main(["import-table", str(TABLES / "pairs.csv"), "--out", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["records"] == 4 and report["review_rows"] == 3
    assert main(["validate", str(out)]) == 0
    capsys.readouterr()
    assert main(["list", "--data", str(out), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 4


def test_cli_reports_bad_input_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["import-table", str(TABLES / "latin1.csv"), "--out", str(tmp_path / "out")])
    assert exit_info.value.code == 2
    assert "latin1.csv, row 2, column 1" in capsys.readouterr().err


def test_a_curated_resolution_places_a_namesake_and_cites_its_source(tmp_path: Path) -> None:
    resolve = tmp_path / "resolutions.yaml"
    source = {"url": "https://example.org/springfield", "accessed": "2026-11",
              "quote": "Springfield, Illinois and Shenyang"}  # fmt: skip
    entry = {"line": 8, "side": 1, "id": "geonames:4250542", "reason": "Which Springfield: …",
             "source": source}  # fmt: skip
    resolve.write_text(yaml.safe_dump({"resolutions": [entry]}), encoding="utf-8")
    out = tmp_path / "out"
    report = import_table(TABLES / "pairs.csv", out, resolve=resolve)
    assert report.records == 5 and {row["line"] for row in _review(out)} == {"7", "9"}
    (record,) = [r for r in _records(out).values() if "Shenyang" in r["title"]]
    assert record["sources"][-1] == source and record["note"] == "Which Springfield: …"
    assert validate_paths([out]) == []
    entry["id"] = "geonames:0"
    resolve.write_text(yaml.safe_dump({"resolutions": [entry]}), encoding="utf-8")
    with pytest.raises(ValueError, match="resolution 1: 'geonames:0' is not in the gazetteer"):
        import_table(TABLES / "pairs.csv", out, resolve=resolve)
