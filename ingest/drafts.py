"""The drafts folder: ingest documents into drafts, list them, accept or reject one.

``<data_dir>/drafts/`` holds, per draft, ``<id>.yaml`` (a records file with one record) and
``<id>.meta.yaml`` (per-field confidence, spans, the ingested file's sha256, the localities
rows it needs), and ``sources/`` the extracted text of each ingested document. The loader reads
only ``records/*.yaml``, so a draft counts for nothing until it is accepted: then its source
text is copied into ``sources/``, its new localities appended to ``localities.yaml`` and its
record to ``records/ingested_<sha>.yaml``, each only once the whole is checked.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from partnermap.data.loader import Corpus, load_corpus, load_localities, load_records_file
from partnermap.data.schema import Locality, Record
from partnermap.data.writes import comment_text, data_lock, write_atomic
from partnermap.ingest.propose import propose
from partnermap.ingest.records import DraftRecord, draft_record
from partnermap.ingest.repeats import matching_records
from partnermap.ingest.text import Document, IngestError, read_document

_HEADER = (
    "# Draft proposed by `partnermap ingest` from {file} (sha256 {sha}).\n"
    "# Check it against the source, then `partnermap accept {id}` or `partnermap reject {id}`.\n"
)


class DraftError(ValueError):
    """A draft that cannot be accepted or found; the message says why."""


@dataclass
class IngestReport:
    """What ingesting one file did."""

    file: str
    written: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    matches: list[tuple[str, str]] = field(default_factory=list)  # (record title, existing id)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by ``partnermap ingest --json``."""
        return {
            "file": self.file,
            "drafts": self.written,
            "already_drafted": self.already,
            "matches_existing": [{"title": t, "record": r} for t, r in self.matches],
            "error": self.error,
        }


def drafts_dir(data_dir: Path) -> Path:
    """The drafts folder of a data directory."""
    return Path(data_dir) / "drafts"


def build_drafts(
    path: Path, data_dir: Path, folder: Path | None = None
) -> tuple[Document, list[DraftRecord], list[tuple[str, str]]]:
    """Read ``path`` and build its drafts, without writing anything.

    Returns
    -------
    tuple
        The document, its drafts, and ``(title, record id)`` for each proposal that repeats
        an existing record (those get no draft).

    Raises
    ------
    IngestError
        When the file cannot be read as a document.
    """
    document = read_document(path)
    corpus = load_corpus(data_dir)
    taken = {record.id for record in corpus.records} | {
        d.record["id"] for d in _read_drafts(folder or drafts_dir(data_dir))
    }
    drafts, matches = [], []
    for proposal in propose(document):
        existing = matching_records(proposal, corpus.records)
        draft = draft_record(proposal, document, taken)
        if existing:
            matches.append((draft.record["title"], existing[0]))
            continue
        taken.add(draft.record["id"])
        drafts.append(draft)
    return document, drafts, matches


def ingest(path: Path, data_dir: Path, folder: Path | None = None) -> IngestReport:
    """Ingest one file into the drafts folder of ``data_dir``; never raises on bad input.

    A draft already in the folder (same file, same proposal; or same type, date and places
    from another file) is not written again, and a proposal that repeats a record of the data
    is reported instead of drafted.
    """
    report = IngestReport(str(path))
    try:
        document, drafts, report.matches = build_drafts(Path(path), data_dir, folder)
    except IngestError as err:
        report.error = str(err)
        return report
    folder = folder or drafts_dir(data_dir)
    with data_lock(data_dir):
        present = {d.id: d for d in _read_drafts(folder)}
        keys = {d.key: d.id for d in present.values()}
        for draft in drafts:
            if draft.id in present or draft.key in keys:
                report.already.append(draft.id if draft.id in present else keys[draft.key])
                continue
            _write_draft(folder, draft, document.text)
            keys[draft.key] = draft.id
            report.written.append(draft.id)
    return report


def _write_draft(folder: Path, draft: DraftRecord, text: str) -> None:
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    source = folder / "sources" / draft.meta["source"]
    if not source.exists():
        write_atomic(source, text)
    header = _HEADER.format(
        file=comment_text(Path(draft.meta["ingested_file"]).name),
        sha=draft.meta["sha256"],
        id=comment_text(draft.id),
    )
    # The meta file last: a draft is listed only once it exists, so never half written.
    write_atomic(folder / f"{draft.id}.yaml", header + _dump({"records": [draft.record]}))
    write_atomic(folder / f"{draft.id}.meta.yaml", _dump(draft.meta))


def _dump(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100)


@dataclass(frozen=True)
class DraftInfo:
    """A draft in the folder, and what would stop it from being accepted."""

    id: str
    record: dict[str, Any]
    meta: dict[str, Any]
    problems: tuple[str, ...]


def list_drafts(data_dir: Path, folder: Path | None = None) -> list[DraftInfo]:
    """List the drafts of ``data_dir``, each checked as ``accept`` would check it."""
    folder = folder or drafts_dir(data_dir)
    infos = []
    for draft in _read_drafts(folder):
        problems = tuple(_problems(data_dir, folder, draft))
        infos.append(DraftInfo(draft.id, draft.record, draft.meta, problems))
    return infos


def accept(data_dir: Path, draft_id: str, folder: Path | None = None) -> str:
    """Move one draft into the data, after the checks ``validate`` makes.

    Returns
    -------
    str
        The id of the record added.

    Raises
    ------
    DraftError
        When there is no such draft or the record would not validate; nothing is changed.
    """
    data_dir = Path(data_dir)
    folder = folder or drafts_dir(data_dir)
    # Found and checked under the lock: another accept or a reject may have just changed it.
    with data_lock(data_dir):
        draft = _find(folder, draft_id)
        problems = _problems(data_dir, folder, draft)
        if problems:
            raise DraftError(f"draft {draft_id} is not accepted:\n  " + "\n  ".join(problems))
        _move_in(data_dir, folder, draft)
    return draft.record["id"]


def _move_in(data_dir: Path, folder: Path, draft: DraftRecord) -> None:
    """Write a checked draft's source, localities and record into the data; drop the draft.

    Each file is replaced whole, so a reader never sees half of one; the draft goes last, so
    an interrupted accept can be run again.
    """
    name = draft.meta["source"]
    target = data_dir / "sources" / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, (folder / "sources" / name).read_bytes())
    rows = _new_rows(data_dir, draft)
    if rows:
        table = data_dir / "localities.yaml"
        text = table.read_text(encoding="utf-8")
        write_atomic(table, text.rstrip("\n") + "\n" + _row_text(rows, draft.id))
    records_path = data_dir / "records" / f"ingested_{draft.meta['sha256'][:12]}.yaml"
    existing = []
    if records_path.exists():
        existing = yaml.safe_load(records_path.read_text(encoding="utf-8"))["records"]
    ingested = comment_text(Path(draft.meta["ingested_file"]).name)
    header = f"# Records accepted from drafts of {ingested}.\n"
    write_atomic(records_path, header + _dump({"records": [*existing, draft.record]}))
    _remove(folder, draft.id)


def reject(data_dir: Path, draft_id: str, folder: Path | None = None) -> None:
    """Delete one draft (its source text stays while other drafts use it)."""
    folder = folder or drafts_dir(data_dir)
    with data_lock(data_dir):
        _remove(folder, _find(folder, draft_id).id)


def load_drafts(data_dir: Path) -> list[Record]:
    """The drafts' records that pass the schema and point at a known place and source.

    Localities the data does not yet hold are taken from the drafts' metadata (see
    :func:`draft_localities`); quotes are checked against ``drafts/sources/``.
    """
    data_dir = Path(data_dir)
    localities = draft_localities(data_dir)
    corpus = load_corpus(data_dir)
    records: list[Record] = []
    for path in sorted(drafts_dir(data_dir).glob("*.yaml")):
        if path.name.endswith(".meta.yaml"):
            continue
        loaded = load_records_file(
            path, localities, drafts_dir(data_dir) / "sources", taken=[*corpus.records, *records]
        )
        records.extend(loaded.records)
    return records


def corpus_with_drafts(corpus: Corpus) -> tuple[Corpus, frozenset[str]]:
    """The corpus with its drafts added, for ``serve --include-drafts``, and the drafts' ids."""
    drafts = load_drafts(corpus.data_dir)
    with_drafts = replace(
        corpus,
        records=(*corpus.records, *drafts),
        localities=MappingProxyType(draft_localities(corpus.data_dir)),
        digest="",  # drafts are no part of what the digest covers
    )
    return with_drafts, frozenset(record.id for record in drafts)


def draft_localities(data_dir: Path) -> dict[str, Locality]:
    """The data's localities plus those that only drafts name, by id."""
    data_dir = Path(data_dir)
    localities, _ = load_localities(data_dir / "localities.yaml")
    for draft in _read_drafts(drafts_dir(data_dir)):
        for row in draft.meta.get("localities", []):
            if row.get("id") not in localities:
                try:
                    localities[row["id"]] = Locality.model_validate(row)
                except ValueError:
                    continue
    return localities


def _read_drafts(folder: Path) -> list[DraftRecord]:
    drafts = []
    for path in sorted(folder.glob("*.meta.yaml")) if folder.is_dir() else []:
        draft_id = path.name.removesuffix(".meta.yaml")
        record_path = folder / f"{draft_id}.yaml"
        try:
            meta = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            records = yaml.safe_load(record_path.read_text(encoding="utf-8"))["records"]
        except (OSError, yaml.YAMLError, KeyError, TypeError):
            continue
        if records:
            drafts.append(DraftRecord(draft_id, records[0], meta))
    return drafts


def _find(folder: Path, draft_id: str) -> DraftRecord:
    drafts = _read_drafts(folder)
    found = [d for d in drafts if d.id == draft_id] or [
        d for d in drafts if d.id.startswith(draft_id) and draft_id
    ]
    if len(found) != 1:
        known = ", ".join(d.id for d in drafts) or "none"
        what = "no draft" if not found else "more than one draft"
        raise DraftError(f"{what} {draft_id!r} in {folder} (drafts: {known})")
    return found[0]


def _problems(data_dir: Path, folder: Path, draft: DraftRecord) -> list[str]:
    """Check the draft as the loader would once accepted, in a scratch copy."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        localities_text = (data_dir / "localities.yaml").read_text(encoding="utf-8")
        rows = _new_rows(data_dir, draft)
        (root / "localities.yaml").write_text(
            localities_text + (_row_text(rows, draft.id) if rows else ""), encoding="utf-8"
        )
        sources = root / "sources"
        sources.mkdir()
        name = draft.meta.get("source", "")
        ours = folder / "sources" / name
        theirs = data_dir / "sources" / name
        if theirs.is_file() and ours.is_file() and theirs.read_bytes() != ours.read_bytes():
            return [f"sources/{name} exists in the data with other text"]
        for candidate in (ours, theirs):
            if candidate.is_file():
                shutil.copyfile(candidate, sources / name)
                break
        record_file = root / "draft.yaml"
        record_file.write_text(_dump({"records": [draft.record]}), encoding="utf-8")
        localities, problems = load_localities(root / "localities.yaml")
        corpus = load_corpus(data_dir)
        loaded = load_records_file(record_file, localities, sources, taken=corpus.records)
        messages = [f"{p.field}: {p.message}" if p.field else p.message for p in loaded.problems]
        known = {record.id for record in corpus.records}
        messages += [
            f"related: unknown record {r!r}"
            for r in draft.record.get("related", [])
            if r not in known
        ]
        return messages + [str(p) for p in problems if draft.id in str(p)]


def _new_rows(data_dir: Path, draft: DraftRecord) -> list[dict[str, Any]]:
    localities, _ = load_localities(data_dir / "localities.yaml")
    wanted = {ref["id"] for ref in draft.record.get("localities", [])}
    rows = {row["id"]: row for row in draft.meta.get("localities", []) if isinstance(row, dict)}
    return [rows[i] for i in sorted(wanted) if i not in localities and i in rows]


def _row_text(rows: Sequence[dict[str, Any]], draft_id: str) -> str:
    body = _dump(list(rows))
    indented = "".join(f"  {line}" if line.strip() else line for line in body.splitlines(True))
    return f"  # Added by `partnermap accept {comment_text(draft_id)}`.\n{indented}"


def _remove(folder: Path, draft_id: str) -> None:
    for path in (folder / f"{draft_id}.yaml", folder / f"{draft_id}.meta.yaml"):
        path.unlink(missing_ok=True)
