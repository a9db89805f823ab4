"""Load the data files into validated records, reporting every problem with file, line and field.

Loading is forgiving: a bad record or locality is reported and skipped, every good one is kept.
``partnermap validate`` is the strict face of the same checks (it exits 1 on any problem).

A data directory holds::

    localities.yaml     the places records refer to (``localities:`` list)
    records/*.yaml      the records, one file per source (``records:`` list)
    sources/*           the source documents that record quotes are checked against
    dataset.yaml        optional: the dataset's title, summary, source and license
                        (``partnermap.data.dataset``)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from partnermap.data import records_cache
from partnermap.data.bidi import isolate
from partnermap.data.dataset import FILE_NAME as DATASET_FILE
from partnermap.data.dataset import Dataset, read_dataset
from partnermap.data.schema import FieldError, Locality, Record, Source
from partnermap.data.yamlfile import (
    LinedDocument,
    YamlFileError,
    collector_paused,
    read_lined_yaml,
)

M = TypeVar("M", bound=BaseModel)

#: The data shipped with partnermap.
EMBEDDED_DATA_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, located well enough for a person to fix it."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


@dataclass(frozen=True)
class Corpus:
    """Everything loaded from one data directory: the good records and what was wrong."""

    records: tuple[Record, ...]
    localities: Mapping[str, Locality]
    problems: tuple[Problem, ...]
    data_dir: Path
    dataset: Dataset = field(default_factory=Dataset)
    #: What the records and localities were loaded from (``records_cache.corpus_digest``): the
    #: same digest, the same records. Empty for a corpus made otherwise, which nothing caches.
    digest: str = ""


def load_corpus(data_dir: Path = EMBEDDED_DATA_DIR) -> Corpus:
    """Load and check a data directory.

    Parameters
    ----------
    data_dir
        A directory laid out like ``data/`` (see the module docstring).

    Returns
    -------
    Corpus
        The records and localities that passed every check, and a problem for each that did not.
    """
    # Loading makes no cyclic garbage but a few exceptions per problem, yet the collector
    # would walk every record again and again as they pile up: a third of the time at 100,000.
    with collector_paused():
        return _load_corpus(Path(data_dir))


def _load_corpus(data_dir: Path) -> Corpus:
    problems: list[Problem] = []
    localities: dict[str, Locality] = {}
    if _inside(data_dir / "localities.yaml", data_dir, problems):
        table = data_dir / "localities.yaml"
        localities, problems = records_cache.localities_table(table, load_localities)
    sources = data_dir / "sources"
    if sources.exists() and not _inside(sources, data_dir, problems):
        sources = data_dir / "no sources outside the data directory"
    key = records_cache.inputs_key(data_dir / "localities.yaml", sources)
    files = [
        records_cache.records_file(path, key, lambda p: load_records_file(p, localities, sources))
        for path in sorted((data_dir / "records").glob("*.yaml"))
        if _inside(path, data_dir, problems)
    ]
    problems.extend(problem for loaded in files for problem in loaded.problems)
    shared, duplicates = _shared_ids(files)
    problems.extend(duplicates)
    records = [
        record
        for loaded in files
        for record in loaded.records
        if shared.get(record.id, loaded) is loaded
    ]
    known_ids = {record.id for record in records}
    for loaded in files:
        problems.extend(loaded.related_problems(known_ids))
    dataset, wrong = read_dataset(data_dir)
    where = display_path(data_dir / DATASET_FILE)
    problems.extend(Problem(where, 0, key, message) for key, message in wrong)
    return Corpus(
        tuple(records),
        MappingProxyType(localities),
        tuple(problems),
        data_dir,
        dataset,
        records_cache.corpus_digest(key, files),
    )


def _inside(path: Path, data_dir: Path, problems: list[Problem]) -> bool:
    """Whether ``path`` resolves inside ``data_dir``; a problem says so when it does not.

    A symbolic link may point anywhere (``records/x.yaml -> /etc/passwd``): what is read and
    served must stay within the data directory a person chose.
    """
    if path.resolve().is_relative_to(data_dir.resolve()):
        return True
    message = "a symbolic link out of the data directory; copy the file in instead"
    problems.append(Problem(display_path(path), 0, "", message))
    return False


def _shared_ids(files: list[RecordsFile]) -> tuple[dict[str, RecordsFile], list[Problem]]:
    """Which file serves each id that several records files hold, and a problem on each file.

    The rule: the file first in name order serves the record; every file holding the id,
    that one too, is reported, so that ``validate`` fails until one of them is renamed.
    """
    holders: dict[str, list[RecordsFile]] = {}
    for loaded in files:
        for record_id in loaded.index:
            holders.setdefault(record_id, []).append(loaded)
    served = {record_id: held[0] for record_id, held in holders.items() if len(held) > 1}
    found = []
    for record_id, first in served.items():
        for loaded in holders[record_id]:
            others = ", ".join(display_path(o.path) for o in holders[record_id] if o is not loaded)
            outcome = (
                "served from here" if loaded is first else f"served from {display_path(first.path)}"
            )
            message = (
                f"duplicate record id {record_id!r}, also in {others}; {outcome} (the file "
                "first in name order wins): give one of them another id"
            )
            at = ("records", loaded.index[record_id], "id")
            found.append(_problem(loaded.path, loaded.document, at, message))
    return served, found


def load_localities(path: Path) -> tuple[dict[str, Locality], list[Problem]]:
    """Load a localities table, skipping (and reporting) bad rows and repeated ids."""
    rows, doc, problems = _list_in(path, "localities")
    localities: dict[str, Locality] = {}
    for i, row in enumerate(rows):
        locality = _build(Locality, row, doc, ("localities", i), path, problems)
        if locality is None:
            continue
        if locality.id in localities:
            problems.append(
                _problem(
                    path, doc, ("localities", i, "id"), f"duplicate locality id {locality.id!r}"
                )
            )
            continue
        localities[locality.id] = _isolated(locality)
    return localities, problems


@dataclass(frozen=True)
class RecordsFile:
    """The outcome of loading one records file."""

    path: Path
    records: list[Record]
    problems: list[Problem]
    document: LinedDocument
    #: Each good record's index in the file's ``records:`` list, by id.
    index: dict[str, int]
    #: The file's bytes and what its checks read, as digested by ``records_cache``; empty when
    #: the file was not read through the cache.
    digest: str = ""

    def related_problems(self, known_ids: set[str]) -> list[Problem]:
        """Report ``related`` ids that name no loaded record."""
        return [
            _problem(
                self.path,
                self.document,
                ("records", self.index[record.id], "related", j),
                f"unknown record {rel!r}",
            )
            for record in self.records
            for j, rel in enumerate(record.related)
            if rel not in known_ids
        ]


def load_records_file(
    path: Path,
    localities: Mapping[str, Locality],
    sources_dir: Path,
    taken: Iterable[Record] = (),
) -> RecordsFile:
    """Load one records file and check each record against the localities and its sources.

    Parameters
    ----------
    path
        A YAML file with a top-level ``records:`` list.
    localities
        The known localities, by id.
    sources_dir
        Where the source documents named by ``source.document`` live.
    taken
        Records loaded before this file: their ids may not be used again.

    Returns
    -------
    RecordsFile
        The good records, and a problem for each bad one. Links between records (``related``)
        are checked once all files are loaded, by ``load_corpus``.
    """
    rows, doc, problems = _list_in(path, "records")
    seen = {record.id for record in taken}
    documents: dict[str, list[str] | str] = {}
    records: list[Record] = []
    index: dict[str, int] = {}
    for i, row in enumerate(rows):
        record = _build(Record, row, doc, ("records", i), path, problems)
        if record is None:
            continue
        found = _reference_problems(record, localities, sources_dir, documents)
        if record.id in seen:
            found.append((("id",), f"duplicate record id {record.id!r}"))
        if found:
            problems.extend(_problem(path, doc, ("records", i, *at), msg) for at, msg in found)
            continue
        seen.add(record.id)
        records.append(_isolated(record))
        index[record.id] = i
    return RecordsFile(path, records, problems, doc, index)


#: The fields shown as text, by model: each is isolated (``partnermap.data.bidi``) once it
#: has passed every check, so that right-to-left text cannot reorder the app's own around it.
_SHOWN: dict[type[BaseModel], tuple[str, ...]] = {
    Locality: ("name_en", "name_zh", "admin1"),
    Record: ("title", "title_zh", "parties", "date_note", "note", "summary"),
    Source: ("quote",),
}


def _isolated(model: M) -> M:
    """``model`` with its shown text isolated; the very model when nothing needs it."""
    update: dict[str, Any] = {}
    for name in _SHOWN[type(model)]:
        value = getattr(model, name)
        if isinstance(value, str):
            changed: Any = isolate(value)
        elif isinstance(value, list):
            changed = [isolate(item) for item in value]
        else:
            continue
        if changed != value:
            update[name] = changed
    if isinstance(model, Record):
        sources = [_isolated(source) for source in model.sources]
        if sources != model.sources:
            update["sources"] = sources
    return model.model_copy(update=update) if update else model


def normalise_whitespace(text: str) -> str:
    """Collapse runs of whitespace to one space, and drop it next to CJK characters.

    Chinese text has no spaces between words, and documents break its lines anywhere, so a
    quote matches its source whatever line breaks or spaces either carries.
    """
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(rf"(?<=[{_CJK}]) | (?=[{_CJK}])", "", text)


_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:
        return str(path)


def _list_in(path: Path, key: str) -> tuple[list[Any], LinedDocument, list[Problem]]:
    """Read ``path`` and return the list under ``key``, or a problem saying why there is none."""
    empty = LinedDocument(None)
    try:
        doc = read_lined_yaml(path)
    except FileNotFoundError:
        return [], empty, [Problem(display_path(path), 0, "", "file not found")]
    except IsADirectoryError:
        message = "a directory, not a file; rename it so that its name does not end in .yaml"
        return [], empty, [Problem(display_path(path), 0, "", message)]
    except OSError as err:
        message = f"cannot be read ({err.strerror}); check that it is a readable file"
        return [], empty, [Problem(display_path(path), 0, "", message)]
    except YamlFileError as err:
        return [], empty, [Problem(display_path(path), err.line, "", str(err))]
    if not isinstance(doc.value, dict) or not isinstance(doc.value.get(key), list):
        message = f"expected a mapping with a '{key}:' list at the top"
        return [], doc, [Problem(display_path(path), doc.line_of(()), key, message)]
    unknown = [k for k in doc.value if k != key]
    problems = [
        _problem(path, doc, (k,), f"unknown top-level key {k!r}; expected only '{key}'")
        for k in unknown
    ]
    return doc.value[key], doc, problems


def _build(
    model: type[M],
    row: Any,
    doc: LinedDocument,
    at: tuple[str | int, ...],
    path: Path,
    problems: list[Problem],
) -> M | None:
    if not isinstance(row, dict):
        problems.append(_problem(path, doc, at, f"expected a mapping of fields, got {_kind(row)}"))
        return None
    try:
        return model.model_validate(row)
    except ValidationError as err:
        for error in err.errors():
            loc = tuple(error["loc"])
            cause = _cause_of(error)
            if isinstance(cause, FieldError):
                loc = (*loc, cause.field)
            problems.append(_problem(path, doc, (*at, *loc), _message(error)))
        return None


def _message(error: Any) -> str:
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "missing":
        return "required field is missing"
    if error["type"] == "extra_forbidden":
        return "unknown field (check its spelling against the schema in data/README.md)"
    if isinstance(_cause_of(error), ValueError):
        return message
    return f"{message}, got {_kind(error.get('input'))}"


def _cause_of(error: Any) -> Any:
    """The exception a validator raised for ``error``, if any."""
    return error.get("ctx", {}).get("error")


def _kind(value: Any) -> str:
    return "nothing" if value is None else f"{type(value).__name__} {str(value)[:60]!r}"


def _problem(path: Path, doc: LinedDocument, at: tuple[str | int, ...], message: str) -> Problem:
    inside_item = len(at) >= 2 and isinstance(at[1], int)
    field = ".".join(
        f"[{p}]" if isinstance(p, int) else str(p) for p in at[2 if inside_item else 0 :]
    )
    field = field.replace(".[", "[")
    return Problem(display_path(path), doc.line_of(at), field, message)


def _reference_problems(
    record: Record,
    localities: Mapping[str, Locality],
    sources_dir: Path,
    documents: dict[str, list[str] | str],
) -> list[tuple[tuple[str | int, ...], str]]:
    """Check what a record points at: known localities, and quotes found in their sources."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    for i, ref in enumerate(record.localities):
        if ref.id not in localities:
            found.append((("localities", i, "id"), _unknown_locality(ref.id, localities)))
    for i, source in enumerate(record.sources):
        problem = _quote_problem(source, sources_dir, documents)
        if problem:
            found.append((("sources", i, problem[0]), problem[1]))
    return found


def read_source(sources_dir: Path, name: str) -> list[str] | str:
    """The lines of the source document ``name``, or a message saying why it cannot be read.

    Only a file directly in ``sources_dir`` whose real path stays there is read: a symbolic
    link out of it would quote, and serve, any file on the machine.
    """
    path = sources_dir / name
    missing = f"{name!r} not found in {display_path(sources_dir)}"
    if Path(name).name != name or not path.is_file():
        return missing
    if not path.resolve().is_relative_to(sources_dir.resolve()):
        return f"{name!r} is a symbolic link out of {display_path(sources_dir)}; copy it in"
    try:
        raw = path.read_bytes()
    except OSError as err:
        return f"{name!r} cannot be read ({err.strerror}); check that it is a readable file"
    try:
        return raw.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return f"{name!r} is not UTF-8 text (line {line}); convert it to UTF-8"


def _unknown_locality(locality_id: str, localities: Mapping[str, Locality]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(locality_id, list(localities), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown locality {locality_id!r}: add it to localities.yaml first{hint}"


def _quote_problem(
    source: Source, sources_dir: Path, documents: dict[str, list[str] | str]
) -> tuple[str, str] | None:
    """Return (field, message) when the quote cannot be found where the source says it is."""
    if source.document is None:
        return None
    if source.document not in documents:
        documents[source.document] = read_source(sources_dir, source.document)
    lines = documents[source.document]
    if isinstance(lines, str):
        return "document", lines
    first, _, last = (source.lines or "").partition("-")
    start, end = int(first), int(last or first)
    if end > len(lines):
        return (
            "lines",
            f"lines {source.lines} run past the end of {source.document} ({len(lines)} lines)",
        )
    quote = normalise_whitespace(source.quote)
    if quote in normalise_whitespace("\n".join(lines[start - 1 : end])):
        return None
    if quote in normalise_whitespace("\n".join(lines)):
        return "lines", f"the quote is in {source.document}, but not within lines {source.lines}"
    return (
        "quote",
        f"the quote is not in {source.document} (compared verbatim, whitespace-normalised)",
    )
