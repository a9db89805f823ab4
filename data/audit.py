"""The audit: does each record's own quote support its date, its parties and its type?

``partnermap audit`` (and ``partnermap validate``, as warnings) runs these rules:

``date``
    A quote states the record's date as far as it goes (the year; the month of YYYY-MM; the day).
``parties``
    A quote names each party, or a place the party names, in English or Chinese.
``type``
    A quote uses a cue word of the record's type (``vocabulary.TYPES[...].cues``).
``implied``
    A claim the record lists in ``implied`` is one no quote states.
``note``
    A note does not say the sources lack a year (month, day) that a quote gives
    (``vocabulary.UNSTATED_DATE_CUES``), nor cite a web site that is not among its sources.
``title_zh``
    A Chinese title calls its places by their names in ``localities.yaml``.

A record whose quotes only imply a claim says so: it lists the claim in ``implied`` and explains
it in ``date_note`` or ``note``. A listed-only record (``evidence_level`` "listed") rests on no
quote, so only the ``note`` and ``title_zh`` rules apply to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from partnermap.data.dates_in_text import DateMention, date_mentions
from partnermap.data.evidence import evidence_level, is_listing
from partnermap.data.loader import (
    EMBEDDED_DATA_DIR,
    Problem,
    display_path,
    load_localities,
    load_records_file,
)
from partnermap.data.quote_search import NameIndex, SearchableText, name_index
from partnermap.data.schema import Locality, Record
from partnermap.data.vocabulary import TYPES, UNSTATED_DATE_CUES

#: The rules, in the order findings are listed and counted.
RULES = ("date", "parties", "type", "implied", "note", "title_zh")

_BARE = re.compile(r"\s*\([^)]*\)\s*$")
_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z&.]{1,9})\)\s*$")
_HOST = re.compile(r"\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,6}\b", re.IGNORECASE)
_NOTE_FIELDS = ("date_note", "note", "summary")


@dataclass(frozen=True)
class Finding(Problem):
    """A claim a record's quotes do not support, located like a validation problem."""

    rule: str = ""


#: (rule, path inside the record, message) before it is located in its file.
_Found = tuple[str, tuple[str | int, ...], str]


def audit_paths(paths: Iterable[Path]) -> tuple[list[Finding], list[Problem]]:
    """Audit data directories and records files.

    Parameters
    ----------
    paths
        Data directories, or records files (checked against the localities and sources of the
        data directory they sit in, ``<dir>/records/x.yaml``, else the embedded ones).
        ``localities.yaml`` files hold no records and are passed over.

    Returns
    -------
    tuple
        The findings, and the problems that kept records from being audited (those records
        fail ``partnermap validate``).
    """
    findings: list[Finding] = []
    problems: list[Problem] = []
    for path in map(Path, paths):
        if not path.exists():
            problems.append(Problem(display_path(path), 0, "", "no such file or directory"))
            continue
        if path.name == "localities.yaml":
            continue
        data_dir, files = _data_dir_and_files(path)
        localities, found = load_localities(data_dir / "localities.yaml")
        problems.extend(found)
        index = name_index(localities)
        taken: list[Record] = []
        for records_path in files:
            loaded = load_records_file(records_path, localities, data_dir / "sources", taken)
            problems.extend(loaded.problems)
            taken.extend(loaded.records)
            for record in loaded.records:
                at = ("records", loaded.index[record.id])
                for rule, where, message in audit_record(record, localities, index):
                    findings.append(
                        Finding(
                            display_path(records_path),
                            loaded.document.line_of((*at, *where)),
                            _field(where),
                            message,
                            rule,
                        )
                    )
    return findings, problems


def audit_record(
    record: Record, localities: Mapping[str, Locality], index: NameIndex
) -> list[_Found]:
    """Return what ``record``'s quotes do not support, as (rule, field path, message).

    Parameters
    ----------
    record
        A record that passed validation.
    localities
        The localities table, by id.
    index
        The names of those localities (:func:`quote_search.name_index`).
    """
    # A listing's row names the pair but states nothing: only quotes count.
    quoted = [source for source in record.sources if not is_listing(source)]
    quotes = [index.read(source.quote) for source in quoted]
    mentions = [date_mentions(source.quote) for source in quoted]
    claims = {
        "date": _date_claim(record, mentions),
        "parties": list(_party_claims(record, quotes, index)),
        "type": _type_claim(record, quotes, index),
    }
    found: list[_Found] = []
    listed = evidence_level(record) == "listed"
    for claim, unsupported in claims.items():
        if listed:
            continue
        if claim in record.implied:
            if not unsupported:
                found.append(_stale(record, claim))
            continue
        found.extend(unsupported)
    found.extend(_note_contradictions(record, mentions))
    found.extend(_unknown_hosts(record))
    found.extend(_title_names(record, localities, index))
    return sorted(found, key=lambda item: RULES.index(item[0]))


def _date_claim(record: Record, mentions: list[list[DateMention]]) -> list[_Found]:
    if record.date is None:
        return []
    if any(m.states(record.date) for found in mentions for m in found):
        return []
    return [
        (
            "date",
            ("date",),
            f"no quote states {record.date}: quote the passage that does, or list 'date' in "
            "implied and say in date_note where the date comes from",
        )
    ]


def _party_claims(
    record: Record, quotes: list[SearchableText], index: NameIndex
) -> Iterator[_Found]:
    for i, party in enumerate(record.parties):
        bare = _BARE.sub("", party) or party
        # "General Administration of China Customs (GACC)": either form names the party.
        forms = [bare, *_ABBREVIATION.findall(party)]
        if any(quote.has_phrase(form, index.to_simplified) for form in forms for quote in quotes):
            continue
        named = index.read(bare)
        places = [
            index.places[ref.id]
            for ref in record.localities
            if ref.id in index.places and index.places[ref.id].named_in(named)
        ]
        if any(place.named_in(quote) for place in places for quote in quotes):
            continue
        yield (
            "parties",
            ("parties", i),
            f"no quote names {party!r} or its place: quote the passage that does, or list "
            "'parties' in implied and say in note how the source implies it",
        )


def _type_claim(record: Record, quotes: list[SearchableText], index: NameIndex) -> list[_Found]:
    cues = TYPES[record.type].cues
    if not cues or any(q.has_phrase(cue, index.to_simplified) for q in quotes for cue in cues):
        return []
    return [
        (
            "type",
            ("type",),
            f"no quote uses a word of type {record.type!r} ({', '.join(cues)}): quote the "
            "passage that does, or list 'type' in implied and say in note how it is implied",
        )
    ]


def _stale(record: Record, claim: str) -> _Found:
    what = {"date": f"its date {record.date}", "parties": "every party", "type": "its type"}
    return (
        "implied",
        ("implied",),
        f"implied lists {claim!r}, but a quote states {what[claim]}: remove {claim!r} from "
        "implied and make the note say what the quote says",
    )


def _note_contradictions(record: Record, mentions: list[list[DateMention]]) -> Iterator[_Found]:
    for field in _NOTE_FIELDS:
        text = (getattr(record, field) or "").lower()
        for part, cues in UNSTATED_DATE_CUES.items():
            cue = next((cue for cue in cues if cue in text), None)
            given = next(_mentions_giving(part, mentions), None)
            if cue and given:
                i, mention = given
                yield (
                    "note",
                    (field,),
                    f"says {cue!r}, but sources[{i}].quote gives {mention.text!r}: say what the "
                    "source gives (and date the record by it, if it is the record's date)",
                )


def _mentions_giving(
    part: str, mentions: list[list[DateMention]]
) -> Iterator[tuple[int, DateMention]]:
    for i, found in enumerate(mentions):
        for mention in found:
            if getattr(mention, part) is not None or (part == "year" and mention.decade):
                yield i, mention


def _unknown_hosts(record: Record) -> Iterator[_Found]:
    hosts = {_host(source.url) for source in record.sources if source.url}
    for field in _NOTE_FIELDS:
        for cited in _HOST.findall(getattr(record, field) or ""):
            cited_host = _host(f"http://{cited}")
            if not any(h == cited_host or h.endswith("." + cited_host) for h in hosts):
                yield (
                    "note",
                    (field,),
                    f"cites {cited}, which is not among the record's sources: add it as a source "
                    "with its quote, or leave it out",
                )


def _host(url: str | None) -> str:
    return (urlparse(url).hostname or "").removeprefix("www.")


def _title_names(
    record: Record, localities: Mapping[str, Locality], index: NameIndex
) -> Iterator[_Found]:
    if not record.title_zh:
        return
    title = index.read(record.title_zh).han
    for ref in record.localities:
        locality = localities.get(ref.id)
        if locality is None or not locality.name_zh or ref.id not in index.places:
            continue
        own = index.read(locality.name_zh).han
        # Another spelling of the same length (休斯敦 for 休斯顿), not a longer official form
        # such as 中华人民共和国 that a document's own title may use.
        others = [
            name
            for name in index.places[ref.id].han
            if len(name) == len(own) and name != own and name in title
        ]
        if others and own not in title:
            yield (
                "title_zh",
                ("title_zh",),
                f"calls {locality.name_en} {others[0]}; localities.yaml calls it "
                f"{locality.name_zh}: use that name",
            )


def _data_dir_and_files(path: Path) -> tuple[Path, list[Path]]:
    if path.is_dir():
        return path, sorted((path / "records").glob("*.yaml"))
    data_dir = path.parent.parent
    if not (data_dir / "localities.yaml").is_file():
        data_dir = EMBEDDED_DATA_DIR
    return data_dir, [path]


def _field(where: tuple[str | int, ...]) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else p for p in where).replace(".[", "[")


def count_by_rule(findings: Iterable[Finding]) -> dict[str, int]:
    """Count findings per rule, in the order of :data:`RULES`, leaving out rules with none."""
    counts = {rule: 0 for rule in RULES}
    for finding in findings:
        counts[finding.rule] += 1
    return {rule: count for rule, count in counts.items() if count}
