"""Turn the sourced reference table of US–China pairs into records, reproducibly.

``partnermap import-reference CSV`` reads ``data/reference/us_china_partnerships.csv`` (one row per
source-supported pair), applies the curated notes in ``data/reference/notes.yaml``, geocodes both
sides, and writes ``data/records/reference_pairs.yaml`` plus any missing rows of
``data/localities.yaml``. Running it twice changes nothing.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qs, urlparse

import yaml

from partnermap.data.loader import load_corpus
from partnermap.data.schema import Locality, Record
from partnermap.data.vocabulary import TYPES
from partnermap.data.writes import comment_text, data_lock, write_atomic

#: When the reference table was compiled from stored copies of the pages its rows cite.
ACCESSED = "2026-11"
RECORDS_FILE = "reference_pairs.yaml"
#: The compiled list of pairs (``import-table`` stores it in ``sources/``): a reference pair it
#: names cites its row as a second source.
LISTING_FILE = "us_china_listed.csv"
NOTES_FILE = Path(__file__).resolve().parent / "reference" / "notes.yaml"

_KINDS = {
    "sister_city": ("sister-city", "sister cities"),
    "sister_state_province": ("sister-state", "sister state and province"),
    "friendship": ("friendship", "friendship cities"),
    "mou": ("mou", "memorandum of understanding"),
}


@dataclass(frozen=True)
class PairRow:
    """One row of the reference CSV, with its line number for error messages."""

    line: int
    us_locality: str
    us_state: str
    us_level: str
    cn_locality: str
    cn_province: str
    cn_level: str
    relationship: str
    year: str
    url: str
    quote: str

    @property
    def key(self) -> str:
        """The row's key in the notes file: "US locality, US state / CN locality"."""
        return f"{self.us_locality}, {self.us_state} / {self.cn_locality}"


#: Finds the locality a reference name means: (name, parent, country "US"|"CN", level) -> row.
Resolve = Callable[[str, str, str, str], Locality]


def geocoded_locality(name: str, parent: str, country: str, level: str) -> Locality:
    """Geocode one side of a reference pair into a localities-table row.

    Parameters
    ----------
    name
        The locality as the CSV writes it ("Putuo District (Shanghai)", "St. Louis").
    parent
        Its US state code or Chinese province, used as context.
    country
        "US" or "CN".
    level
        The CSV's level: "state" and "province" are taken as given; "city" also covers the
        districts, counties and boroughs the CSV codes as cities, so it is only a preference.

    Raises
    ------
    LookupError
        When the name matches nothing, or several places equally well.
    """
    from partnermap.data.locality_rows import locality_of
    from partnermap.geo.geocode import Context, geocode

    top_level = level in ("state", "province")
    context = Context(
        country=country,
        level=level if top_level else None,
        within=() if top_level else (f"US-{parent}" if country == "US" else parent,),
    )
    result = geocode(name, context)
    if result.match is None:
        hint = ", ".join(p.name_en for p in result.suggestions)
        raise LookupError(
            f"{name!r} ({parent}): no place matches" + (f"; did you mean {hint}?" if hint else "")
        )
    if result.ambiguous:
        options = ", ".join(f"{p.name_en} ({p.id})" for p in (result.match, *result.alternatives))
        raise LookupError(f"{name!r} ({parent}) is ambiguous: {options}")
    return locality_of(result.match)


def read_pairs(path: Path) -> list[PairRow]:
    """Read the reference CSV; raise ValueError naming the line of a malformed row."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = []
        for row in reader:
            if row.get("relationship") not in _KINDS:
                raise ValueError(
                    f"{path}:{reader.line_num}: relationship: {row.get('relationship')!r} is not "
                    f"one of {', '.join(_KINDS)}"
                )
            rows.append(
                PairRow(
                    line=reader.line_num,
                    year=row.pop("year_established"),
                    url=row.pop("source_url"),
                    **{k: v.strip() for k, v in row.items()},
                )
            )
    return rows


def read_notes(path: Path = NOTES_FILE) -> dict[str, dict[str, Any]]:
    """Read the curated notes, keyed like ``PairRow.key``."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["notes"]


def pair_records(
    rows: Iterable[PairRow],
    resolve: Resolve,
    notes: Mapping[str, Mapping[str, Any]],
    others: Iterable[Record] = (),
    table: Mapping[str, Locality] = MappingProxyType({}),
) -> tuple[list[dict[str, Any]], dict[str, Locality]]:
    """Build one record per distinct pair, merging rows that name the same pair.

    Parameters
    ----------
    rows
        The reference rows.
    resolve
        Geocodes one side of a pair.
    notes
        Curated confidence, notes, statuses and end dates, by row key.
    others
        Records from other sources: one naming both places of a pair is linked in ``related``.
    table
        The localities table: titles and summaries name a place as its row there does, so a
        place has one Chinese name throughout (the gazetteer's may differ: 德梅因, 得梅因).

    Returns
    -------
    tuple
        The record dicts in data-file order, and the localities they name, by id.
    """
    localities: dict[str, Locality] = {}
    groups: dict[tuple[str, str, str], list[PairRow]] = {}
    for row in rows:
        us = resolve(row.us_locality, row.us_state, "US", row.us_level)
        cn = resolve(row.cn_locality, row.cn_province, "CN", row.cn_level)
        localities[us.id] = us
        localities[cn.id] = cn
        groups.setdefault((us.id, cn.id, row.relationship), []).append(row)
    records = [
        _record(
            group, table.get(us_id, localities[us_id]), table.get(cn_id, localities[cn_id]), notes
        )
        for (us_id, cn_id, _), group in groups.items()
    ]
    own = {record["id"] for record in records}
    others = [other for other in others if other.id not in own]
    for record in records:
        pair = {ref["id"] for ref in record["localities"]}
        related = [o.id for o in others if pair <= {ref.id for ref in o.localities}]
        if related:
            record["related"] = related
    return records, localities


def import_reference(csv_path: Path, data_dir: Path, resolve: Resolve) -> list[str]:
    """Write the reference records and any missing localities into ``data_dir``.

    Returns
    -------
    list of str
        What changed, one line per file written (empty when nothing did).
    """
    with data_lock(data_dir):
        existing = load_corpus(data_dir)
        records, localities = pair_records(
            read_pairs(csv_path), resolve, read_notes(), existing.records, existing.localities
        )
        listing = data_dir / "sources" / LISTING_FILE
        if listing.exists():
            from partnermap.data.table_import import listing_sources

            cited = listing_sources(listing, records)
            for record in records:
                record["sources"] += cited.get(record["id"], [])
        changes = []
        missing = [loc for lid, loc in sorted(localities.items()) if lid not in existing.localities]
        if missing:
            table = data_dir / "localities.yaml"
            text = table.read_text(encoding="utf-8").rstrip("\n") + "\n"
            write_atomic(table, text + _localities_yaml(missing))
            changes.append(f"localities.yaml: added {len(missing)} localities")
        target = data_dir / "records" / RECORDS_FILE
        text = _records_yaml(records, csv_path.name)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            write_atomic(target, text)
            changes.append(f"records/{RECORDS_FILE}: wrote {len(records)} records")
    return changes


def _record(
    rows: list[PairRow],
    us: Locality,
    cn: Locality,
    notes: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    first = rows[0]
    prefix, kind = _KINDS[first.relationship]
    note = {k: v for row in rows for k, v in notes.get(row.key, {}).items()}
    years = sorted({row.year for row in rows if row.year}) or (
        [note["year"]] if "year" in note else []
    )
    us_name, cn_name = _bare(first.us_locality), _bare(first.cn_locality)
    us_slug = _slug(us_name) + ("" if first.us_level == "state" else f"-{first.us_state.lower()}")
    record: dict[str, Any] = {
        "id": f"{prefix}-{us_slug}-{_slug(cn_name)}",
        "title": f"{us_name} – {cn_name} {kind}",
    }
    record["title_zh"] = _title_zh(cn, us, TYPES[first.relationship].zh)
    record |= {"type": first.relationship, "date": years[0] if years else None}
    if len(years) > 1:
        note.setdefault("confidence", "low")
        conflict = f"Sources give different years ({', '.join(years)}); the earliest is shown."
        note["note"] = f"{note['note']} {conflict}" if "note" in note else conflict
    if not years:
        record["date_note"] = note.get("date_note", "The source gives no year.")
    elif "date_note" in note:
        record["date_note"] = note["date_note"]
    record |= {
        "sectors": ["general"],
        "parties": [first.us_locality, first.cn_locality],
        "localities": [{"id": us.id, "role": "party"}, {"id": cn.id, "role": "party"}],
        "status": note.get("status", "unknown"),
    }
    if "end_date" in note:
        record["end_date"] = note["end_date"]
    if "confidence" in note:
        record["confidence"] = note["confidence"]
    if "note" in note:
        record["note"] = " ".join(note["note"].split())
    if "implied" in note:
        record["implied"] = list(note["implied"])
    record["sources"] = [
        {"url": page_url(row.url), "quote": row.quote, "accessed": ACCESSED} for row in rows
    ]
    since = note.get("since") or (f"since {years[0]}" if years else "(the source gives no year)")
    if record["status"] == "ended":
        since = f"from {years[0] if years else 'an unknown year'} until it ended"
    record["summary"] = _summary(rows, us, cn, kind, since)
    return record


def page_url(url: str) -> str:
    """The page a machine-translation proxy URL shows (its ``u`` parameter), else ``url``.

    Examples
    --------
    >>> page_url("https://translate.google.com/website?sl=auto&tl=th&u=https://a.org/p")
    'https://a.org/p'
    """
    parsed = urlparse(url)
    if parsed.hostname == "translate.google.com" and parsed.path == "/website":
        return parse_qs(parsed.query).get("u", [url])[0]
    return url


def _title_zh(cn: Locality, us: Locality, kind_zh: str) -> str:
    """The Chinese title; a place with no Chinese name in the table keeps its English one."""
    cn_name, us_name = (loc.name_zh or f" {loc.name_en} " for loc in (cn, us))
    return re.sub(r" {2,}", " ", f"{cn_name}与{us_name}{kind_zh}").strip()


def _summary(rows: list[PairRow], us: Locality, cn: Locality, kind: str, since: str) -> str:
    us_place = f"{us.name_en}, {us.admin1}" if us.level != "state" else us.name_en
    cn_place = f"{cn.name_en}, {cn.admin1}" if cn.level != "province" else cn.name_en
    hosts = sorted(
        {(urlparse(page_url(row.url)).hostname or "").removeprefix("www.") for row in rows}
    )
    return f"{us_place} and {cn_place}: {kind} {since}, per {', '.join(hosts)}."


def _bare(name: str) -> str:
    """The name without its parenthesised qualifier: "Putuo District (Shanghai)" -> "Putuo District"."""
    return re.sub(r"\s*\(.*\)\s*$", "", name).strip()


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _records_yaml(records: list[dict[str, Any]], csv_name: str) -> str:
    header = (
        f"# Generated by `partnermap import-reference data/reference/{comment_text(csv_name)}`: do not edit by hand.\n"
        "# Change the CSV or data/reference/notes.yaml and run the command again.\n"
    )
    return header + yaml.safe_dump(
        {"records": records}, allow_unicode=True, sort_keys=False, width=100
    )


def _localities_yaml(localities: list[Locality]) -> str:
    rows = [loc.model_dump(mode="json") for loc in localities]
    body = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=100)
    indented = "".join(f"  {line}\n" for line in body.splitlines())
    return "  # Added by `partnermap import-reference` for the reference pairs.\n" + indented
