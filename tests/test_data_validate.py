"""`partnermap validate` names file, line and field for each kind of broken data."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnermap.cli import main
from partnermap.data.validate import validate_paths

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = FIXTURES / "broken" / "records"
BROKEN_LOCALITIES = FIXTURES / "broken_localities"

# file, line, field, a fragment of the message
RECORD_CASES = [
    ("bad_date", 5, "date", "'2014-13' is not a calendar date"),
    ("impossible_date", 5, "date", "'2015-02-30' is not a calendar date"),
    ("implausible_year", 5, "date", "year 1850 is implausible"),
    ("bad_slug", 2, "id", "is not a slug"),
    ("bad_syntax", 3, "", "invalid YAML"),
    ("binary", 0, "", "file is binary"),
    ("duplicate_id", 17, "id", "duplicate record id 'zhenjiang-california-plan'"),
    ("duplicate_key", 3, "", "duplicate key 'id'"),
    ("empty", 1, "records", "expected a mapping with a 'records:' list"),
    ("records_not_a_list", 1, "records", "expected a mapping with a 'records:' list"),
    ("end_date_not_ended", 11, "status", "expected 'ended'"),
    ("lines_past_end", 14, "sources[0].lines", "run past the end of plan.txt"),
    ("low_confidence_without_note", 2, "note", "confidence is low"),
    ("missing_title", 2, "title", "required field is missing"),
    ("quote_not_in_source", 15, "sources[0].quote", "the quote is not in plan.txt"),
    ("quote_outside_lines", 14, "sources[0].lines", "but not within lines 4-5"),
    ("sectors_not_list", 6, "sectors", "valid list, got int '42'"),
    ("source_without_lines", 13, "sources[0].lines", "needs 'lines'"),
    ("undated_without_note", 2, "date_note", "date is null"),
    ("unknown_document", 13, "sources[0].document", "'missing.txt' not found"),
    ("unknown_field", 16, "sumary", "unknown field"),
    ("unknown_locality", 9, "localities[0].id", "did you mean geonames:1784642?"),
    ("unknown_role", 9, "localities[0].role", "unknown role 'signatory'; valid: party"),
    ("unknown_sector", 6, "sectors", "unknown sector 'low-carbon-planing'; valid:"),
    ("unknown_type", 4, "type", "unknown type 'treaty'; valid:"),
    ("title_is_list", 3, "title", "valid string, got list"),
    ("title_too_long", 3, "title", "at most 300 characters"),
    ("empty_parties", 7, "parties", "at least 1 item"),
    ("empty_localities", 8, "localities", "at least 1 item"),
    ("empty_sources", 12, "sources", "at least 1 item"),
    ("empty_quote", 15, "sources[0].quote", "at least 1 character"),
    ("url_not_http", 13, "sources[0].url", "'javascript:alert(1)' is not an http(s) URL"),
    ("url_without_accessed", 13, "sources[0].document", "or 'url' and 'accessed'"),
    ("document_and_url", 15, "sources[0].url", "not both"),
    ("bad_accessed", 14, "sources[0].accessed", "'yesterday' is not a date"),
    ("bad_lines", 14, "sources[0].lines", "'3-1' is not a line range"),
    ("end_before_start", 12, "end_date", "end_date 2010 is before date 2015-12-07"),
    ("unknown_status", 11, "status", "unknown status 'dormant'; valid: active"),
    ("unknown_confidence", 12, "confidence", "unknown confidence 'medium'; valid: high, low"),
    ("repeated_sector", 6, "sectors", "a sector is listed twice"),
    ("date_with_time", 5, "date", "is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("date_is_list", 5, "date", "valid string, got list"),
    ("record_is_string", 2, "", "expected a mapping of fields, got str"),
    ("top_level_list", 1, "records", "expected a mapping with a 'records:' list"),
    ("tab_indented", 2, "", "found character '\\t'"),
    ("unknown_top_level_key", 2, "extras", "unknown top-level key 'extras'"),
    ("merge_key", 4, "", "merge keys (<<) are not supported"),
    ("recursive_alias", 2, "", "an alias (*name) refers to the value that contains it"),
    ("alias_bomb", 2, "", "aliases (*name) repeat values far beyond the file's size"),
    ("deep_nesting", 1, "", "values nested deeper than 50 levels"),
    ("unterminated_string", 3, "", "invalid YAML"),
    ("nul_in_title", 3, "title", "control character '\\x00'"),
    ("latin1_text", 2, "", "not UTF-8 text"),
]

LOCALITY_CASES = [
    ("bad_locality_id", 2, "id", "is not a locality id"),
    ("duplicate_locality", 11, "id", "duplicate locality id 'US-CA'"),
    ("latitude_out_of_range", 8, "lat", "less than or equal to 90, got int '200'"),
    ("missing_coordinates", 2, "lat", "required field is missing"),
    ("outside_country", 8, "lat", "lies outside United States"),
    ("unknown_level", 5, "level", "unknown level 'prefecture'"),
]


@pytest.mark.parametrize(("name", "line", "field", "fragment"), RECORD_CASES)
def test_broken_record_file_is_located(name: str, line: int, field: str, fragment: str) -> None:
    path = BROKEN / f"{name}.yaml"
    problems = validate_paths([path])
    assert any(
        p.file.endswith(f"{name}.yaml")
        and p.line == line
        and p.field == field
        and fragment in p.message
        for p in problems
    ), problems


@pytest.mark.parametrize(("name", "line", "field", "fragment"), LOCALITY_CASES)
def test_broken_localities_are_located(name: str, line: int, field: str, fragment: str) -> None:
    problems = validate_paths([BROKEN_LOCALITIES / name / "localities.yaml"])
    assert [(p.line, p.field) for p in problems] == [(line, field)], problems
    assert fragment in problems[0].message


def test_every_fixture_has_a_case() -> None:
    covered = {name for name, *_ in RECORD_CASES} | {"valid", "bom_crlf_valid"}
    assert {p.stem for p in BROKEN.glob("*.yaml")} == covered


@pytest.mark.parametrize("name", ["valid", "bom_crlf_valid"])
def test_valid_fixtures_pass(name: str) -> None:
    assert validate_paths([BROKEN / f"{name}.yaml"]) == []


def test_fifty_megabyte_file_is_refused_with_its_size(tmp_path: Path) -> None:
    big = tmp_path / "records" / "big.yaml"
    big.parent.mkdir()
    with big.open("w") as handle:
        handle.write("records:\n")
        handle.write(("# " + "x" * 1022 + "\n") * 50 * 1024)
    [problem] = validate_paths([big])
    assert "52,480,009 bytes" in problem.message and "must be under" in problem.message


def test_cli_exits_1_and_prints_location(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BROKEN / "unknown_type.yaml")]) == 1
    err = capsys.readouterr().err
    assert "unknown_type.yaml:4: type: unknown type 'treaty'" in err
    assert "1 problem(s) found" in err


def test_cli_passes_on_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BROKEN / "valid.yaml")]) == 0
    assert "ok" in capsys.readouterr().out


def test_missing_path_is_a_problem() -> None:
    problems = validate_paths([FIXTURES / "does-not-exist.yaml"])
    assert [p.message for p in problems] == ["no such file or directory"]


def test_coordinates_far_from_the_gazetteer_are_located(tmp_path: Path) -> None:
    text = (FIXTURES / "broken" / "localities.yaml").read_text()
    path = tmp_path / "localities.yaml"
    path.write_text(text.replace("lat: 32.2109", "lat: 33.9"))
    [problem] = validate_paths([path])
    assert (problem.line, problem.field) == (9, "lat")
    assert (
        "geonames:1784642" in problem.message and "188 km from the gazetteer's" in problem.message
    )
