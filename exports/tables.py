"""The filtered records as data files: CSV and GeoJSON, one row per locality in an agreement.

Both files have the same rows: a record naming three places gives three rows (features), each
with the place's coordinates and the record's fields. ``feature_id`` is
``<record id>/<locality id>``; both parts are stable ids (a record slug and a gazetteer id),
so a row keeps its id across exports and data updates. A place a record names twice, in two
roles, is one row with both roles.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

from partnermap.data.citations import cite
from partnermap.data.evidence import evidence_level
from partnermap.data.schema import Locality, Record, Source

#: CSV columns, in order; list-valued fields are joined with "; ".
COLUMNS = (
    "feature_id",
    "record_id",
    "title",
    "title_zh",
    "type",
    "date",
    "status",
    "evidence",
    "sectors",
    "locality_id",
    "name_en",
    "name_zh",
    "level",
    "country",
    "admin1",
    "roles",
    "lat",
    "lon",
    "sources",
    "source_title",
    "source_url",
    "quote",
)

# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def locality_rows(
    records: Iterable[Record], localities: Mapping[str, Locality]
) -> list[dict[str, Any]]:
    """Return one row per (record, locality) pair, in record order then reference order.

    Parameters
    ----------
    records
        The records to export (already filtered).
    localities
        The locality table, by id; every id a record names must be in it.

    Returns
    -------
    list of dict
        Rows keyed by ``COLUMNS``; ``sectors``, ``roles``, ``sources`` and the record's
        sources' citations, ``source_title`` ("Publisher — Title (date)"), ``source_url`` (a URL
        or "document supplied") and verbatim ``quote``, one per source, are lists.
    """
    rows: list[dict[str, Any]] = []
    for record in records:
        cited = [cite(source) for source in record.sources]
        by_place: dict[str, dict[str, Any]] = {}
        for ref in record.localities:
            if ref.id in by_place:
                by_place[ref.id]["roles"].append(ref.role)
                continue
            place = localities[ref.id]
            by_place[ref.id] = {
                "feature_id": f"{record.id}/{place.id}",
                "record_id": record.id,
                "title": record.title,
                "title_zh": record.title_zh,
                "type": record.type,
                "date": record.date,
                "status": record.status,
                "evidence": evidence_level(record),
                "sectors": list(record.sectors),
                "locality_id": place.id,
                "name_en": place.name_en,
                "name_zh": place.name_zh,
                "level": place.level,
                "country": place.country,
                "admin1": place.admin1,
                "roles": [ref.role],
                "lat": place.lat,
                "lon": place.lon,
                "sources": source_names(record.sources),
                "source_title": [str(c) for c in cited],
                "source_url": [c.url for c in cited],
                "quote": [source.quote for source in record.sources],
            }
        rows.extend(by_place.values())
    return rows


def source_names(sources: Iterable[Source]) -> list[str]:
    """Return each distinct source's document name or URL, in first-seen order."""
    return list(dict.fromkeys(source.document or source.url or "" for source in sources))


def to_csv(rows: Iterable[Mapping[str, Any]]) -> bytes:
    """Write rows as CSV: UTF-8 with a byte-order mark, so spreadsheets read Chinese correctly.

    Text cells that a spreadsheet would run as a formula are prefixed with an apostrophe;
    the numeric ``lat`` and ``lon`` are written as numbers (a negative longitude stays one).
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(row[column]) for column in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def to_geojson(rows: Iterable[Mapping[str, Any]]) -> bytes:
    """Write rows as a GeoJSON FeatureCollection of points (RFC 7946: lon, lat; WGS-84)."""
    features = [
        {
            "type": "Feature",
            "id": row["feature_id"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {k: v for k, v in row.items() if k not in ("lat", "lon")},
        }
        for row in rows
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def neutralise_formula(text: str) -> str:
    """Prefix ``text`` with an apostrophe when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(value)
    if isinstance(value, str):
        return neutralise_formula(value)
    return value
