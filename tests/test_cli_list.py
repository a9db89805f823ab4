"""`partnermap list`: the records as JSON, narrowed by each filter flag."""

from __future__ import annotations

import json

import pytest

from partnermap.cli import main
from partnermap.data.loader import load_corpus

FIELDS = {
    "id", "title", "title_zh", "type", "date", "date_note", "sectors", "parties", "localities",
    "status", "end_date", "source", "summary",
}  # fmt: skip


def _listed(capsys: pytest.CaptureFixture[str], *flags: str) -> list[dict]:
    assert main(["list", "--json", *flags]) == 0
    return json.loads(capsys.readouterr().out)


def test_lists_every_record_with_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _listed(capsys)
    assert len(rows) == len(load_corpus().records) >= 30
    for row in rows:
        assert row.keys() >= FIELDS
        assert row["source"]["quote"]
        for locality in row["localities"]:
            assert {
                "id",
                "name_en",
                "name_zh",
                "level",
                "country",
                "admin1",
                "lat",
                "lon",
                "role",
            } <= (locality.keys())


def test_sector_filter(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _listed(capsys, "--sector", "nuclear-energy")
    assert rows and all("nuclear-energy" in row["sectors"] for row in rows)
    assert len(rows) < len(load_corpus().records)


def test_type_and_year_filters_intersect(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _listed(capsys, "--type", "mou", "--year-from", "2014", "--year-to", "2015")
    assert rows
    assert all(row["type"] == "mou" and 2014 <= int(row["date"][:4]) <= 2015 for row in rows)
    assert "zhenjiang-california-low-carbon-mou" in {row["id"] for row in rows}


@pytest.mark.parametrize("place", ["Zhenjiang", "镇江", "zhenjiang"])
def test_place_filter_in_either_language(capsys: pytest.CaptureFixture[str], place: str) -> None:
    rows = _listed(capsys, "--place", place)
    assert "zhenjiang-california-low-carbon-action-plan" in {row["id"] for row in rows}
    assert all(any(loc["name_en"] == "Zhenjiang" for loc in row["localities"]) for row in rows)


def test_unknown_sector_fails_listing_the_valid_ones(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["list", "--sector", "energie"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "unknown sector 'energie'; valid: low-carbon-planning" in err


def test_unknown_place_fails_clearly(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["list", "--place", "Atlantis"])
    assert "no place matches 'Atlantis'" in capsys.readouterr().err
