"""Geocode a whole file of names: ``partnermap geocode --from FILE``.

The names come from one column of a CSV or TSV file (and, optionally, each row's country from
another); the answers go out as CSV (the row's own cells, then the match) or JSON lines (the
row and the full answer), in order, with progress on stderr.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from partnermap.geo.gazetteer import Gazetteer, load_gazetteer
from partnermap.geo.geocode import Context, GeocodeResult, geocode

#: The columns the CSV output adds to each row.
OUTPUT_COLUMNS = ("match_id", "match_name_en", "match_name_zh", "match_level", "match_country",
                  "match_admin1", "match_lat", "match_lon", "ambiguous", "alternatives", "note")  # fmt: skip


def read_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """Return a CSV or TSV file's header and its rows with their line numbers.

    Raises
    ------
    ValueError
        When the file is not UTF-8 text or has no header.
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(f"{path}: not UTF-8 text (byte {err.start}); save it as UTF-8") from None
    first = text.split("\n", 1)[0]
    delimiter = (
        "\t" if path.suffix.lower() == ".tsv" or first.count("\t") > first.count(",") else ","
    )
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames:
        raise ValueError(f"{path}: the file has no header row")

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        for row in reader:
            yield reader.line_num, {key: value or "" for key, value in row.items() if key}

    return list(reader.fieldnames), rows()


def geocode_file(
    path: Path,
    out: TextIO,
    name_column: str,
    country_column: str | None = None,
    country: str | None = None,
    fmt: str = "csv",
    progress: Callable[[int], None] | None = None,
    gazetteer: Gazetteer | None = None,
) -> int:
    """Geocode the ``name_column`` of every row of ``path`` and write the answers to ``out``.

    Parameters
    ----------
    path
        A CSV or TSV file with a header row.
    out
        Where the answers go.
    name_column, country_column
        The header of the names and, optionally, of each row's ISO country code.
    country
        A country code for every row without its own.
    fmt
        "csv" or "jsonl".
    progress
        Called with the number of rows done, every 1,000 rows and at the end.
    gazetteer
        The index (default: the cached one).

    Returns
    -------
    int
        The number of rows geocoded.

    Raises
    ------
    ValueError
        When a named column is not in the header, or the file cannot be read.
    """
    gazetteer = gazetteer or load_gazetteer()
    header, rows = read_rows(path)
    for column in filter(None, (name_column, country_column)):
        if column not in header:
            raise ValueError(f"{path}: no column {column!r}; the columns are {', '.join(header)}")
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(out, [*header, *OUTPUT_COLUMNS], lineterminator="\n")
        writer.writeheader()
    cache: dict[tuple[str, str | None], GeocodeResult] = {}
    done = 0
    for line, row in rows:
        code = (row.get(country_column) or "").strip().upper() if country_column else ""
        key = (row.get(name_column, ""), code or country)
        if key not in cache:
            cache[key] = geocode(key[0], Context(country=key[1]), gazetteer)
        result = cache[key]
        if writer is not None:
            writer.writerow({**row, **_columns(result)})
        else:
            out.write(
                json.dumps({"line": line, "row": row, **result.to_dict()}, ensure_ascii=False)
            )
            out.write("\n")
        done += 1
        if progress and done % 1000 == 0:
            progress(done)
    if progress:
        progress(done)
    return done


def _columns(result: GeocodeResult) -> dict[str, object]:
    match = result.match
    return {
        "match_id": match.id if match else "",
        "match_name_en": match.name_en if match else "",
        "match_name_zh": (match.name_zh or "") if match else "",
        "match_level": match.level if match else "",
        "match_country": match.country if match else "",
        "match_admin1": (match.admin1 or "") if match else "",
        "match_lat": match.lat if match else "",
        "match_lon": match.lon if match else "",
        "ambiguous": "yes" if result.ambiguous else "",
        "alternatives": "; ".join(
            f"{p.id} {p.name_en}, {p.admin1 or p.country} ({p.lat}, {p.lon}; pop. {p.population})"
            for p in (result.alternatives if result.ambiguous else result.suggestions)
        ),
        "note": "; ".join(filter(None, [result.note, result.error])),
    }


def stderr_progress(done: int) -> None:
    """Write how many rows are done to stderr, on one line that updates."""
    sys.stderr.write(f"\rgeocoded {done:,} rows")
    sys.stderr.flush()
