"""partnermap geocode: JSON lines in order, a readable table, clear errors."""

from __future__ import annotations

import json

import pytest

from partnermap.cli import main


def test_json_prints_one_object_per_name_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["geocode", "--json", "镇江", "Washington", "Zhengjiang", "State of California"]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    results = [json.loads(line) for line in lines]
    assert [r["query"] for r in results] == [
        "镇江",
        "Washington",
        "Zhengjiang",
        "State of California",
    ]
    assert results[0]["match"]["id"] == "geonames:1784642"
    assert results[0]["match"]["name_zh"] == "镇江市"
    assert results[1]["ambiguous"] is True and results[1]["alternatives"]
    assert results[2]["match"] is None and results[2]["suggestions"]
    assert results[3]["match"]["level"] == "state"
    for result in results:
        assert {"query", "match", "ambiguous", "alternatives", "suggestions"} <= set(result)


def test_country_hint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geocode", "--json", "--country", "CN", "Taizhou", "Washington"]) == 0
    taizhou, washington = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert taizhou["match"]["country"] == "CN" and taizhou["ambiguous"]
    assert washington["match"] is None


def test_table_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geocode", "Des Moines, Iowa", "Zhengjiang"]) == 0
    out = capsys.readouterr().out
    assert "geonames:4853828" in out and "Iowa" in out
    assert "no match" in out and "did you mean" in out and "Zhenjiang" in out


def test_bad_input_prints_an_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geocode", "--json", "", "x" * 10_000, "😀"]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(results) == 3
    assert all(r["match"] is None and r["error"] for r in results)


def test_unknown_country_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["geocode", "--country", "XX", "Paris"])
    assert stop.value.code == 2
