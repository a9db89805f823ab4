"""CSV and GeoJSON exports: one row per locality in an agreement, stable ids, safe cells."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from record_factory import make_record

from partnermap.data.schema import Locality, Record
from partnermap.exports.tables import (
    COLUMNS,
    locality_rows,
    neutralise_formula,
    to_csv,
    to_geojson,
)

LOCALITIES = {
    "US-CA": Locality(
        id="US-CA", name_en="California", name_zh="加利福尼亚州", level="state", country="US",
        admin1="California", lat=37.2, lon=-119.5, gazetteer="test",
    ),
    "geonames:1784642": Locality(
        id="geonames:1784642", name_en="Zhenjiang", name_zh="镇江", level="city", country="CN",
        admin1="Jiangsu", lat=32.21, lon=119.46, gazetteer="test",
    ),
}  # fmt: skip


def _record(rid: str, **changes: Any) -> Record:
    places = [{"id": "US-CA", "role": "party"}, {"id": "geonames:1784642", "role": "party"}]
    return make_record(
        rid, **{"sectors": ["clean-air", "culture"], "localities": places, **changes}
    )


def _csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_one_row_per_locality_in_agreement_with_stable_ids() -> None:
    rows = locality_rows([_record("a"), _record("b")], LOCALITIES)
    assert [r["feature_id"] for r in rows] == [
        "a/US-CA",
        "a/geonames:1784642",
        "b/US-CA",
        "b/geonames:1784642",
    ]


def test_a_place_named_twice_is_one_row_with_both_roles() -> None:
    record = _record(
        "a",
        localities=[
            {"id": "US-CA", "role": "party"},
            {"id": "US-CA", "role": "host"},
        ],
    )
    (row,) = locality_rows([record], LOCALITIES)
    assert row["roles"] == ["party", "host"]


def test_csv_has_the_header_and_a_row_per_feature() -> None:
    rows = locality_rows([_record("a"), _record("b")], LOCALITIES)
    content = to_csv(rows)
    assert content.startswith("\ufeff".encode())
    parsed = _csv_rows(content)
    assert tuple(parsed[0]) == COLUMNS
    assert len(parsed) == 4
    assert parsed[1]["name_zh"] == "镇江"
    assert parsed[0]["sectors"] == "clean-air; culture"
    assert float(parsed[0]["lon"]) == -119.5


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_would_run_as_formulas_are_neutralised(start: str) -> None:
    evil = f'{start}HYPERLINK("http://evil.example","x")'
    rows = locality_rows([_record("a", title=f"x{evil}")], LOCALITIES)
    rows[0]["title"] = evil  # the schema strips leading whitespace; test the raw cell too
    parsed = _csv_rows(to_csv(rows))
    assert parsed[0]["title"] == "'" + evil
    assert neutralise_formula("plain") == "plain"


def test_geojson_points_are_lon_lat_with_the_row_ids() -> None:
    rows = locality_rows([_record("a")], LOCALITIES)
    collection = json.loads(to_geojson(rows))
    assert collection["type"] == "FeatureCollection"
    first = collection["features"][0]
    assert first["id"] == "a/US-CA"
    assert first["geometry"] == {"type": "Point", "coordinates": [-119.5, 37.2]}
    assert first["properties"]["sectors"] == ["clean-air", "culture"]
    assert first["properties"]["sources"] == ["https://example.org/x"]


def test_csv_carries_each_sources_citation_url_and_quote() -> None:
    parsed = _csv_rows(to_csv(locality_rows([_record("a")], LOCALITIES)))
    assert parsed[0]["source_title"] == "example.org — https://example.org/x (accessed 2026-11-01)"
    assert parsed[0]["source_url"] == "https://example.org/x"
    assert parsed[0]["quote"] == "q"
