"""A cache of checked data files: a warm start reads each unchanged file's outcome back.

Parsing and validating a records file is most of a cold start (libyaml and pydantic: about 18 s
of CPU at 100,000 records). The outcome of one file (its good records, its problems, and the
lines of the ids and ``related`` entries that the checks across files report on) depends only on
the file's bytes and on what its checks read: the localities table, the source documents, the
loader's code and the packages that parse and validate. The cache keys each file on all of
those, so a changed file is checked again by itself, and any change to the inputs they share
checks every file again. The checks across files (ids held twice, ``related`` ids) run on every
load. The localities table is kept the same way, keyed on its own bytes. Entries live in ``$XDG_CACHE_HOME/partnermap/records`` (``~/.cache`` by default).

What is computed from a whole corpus (the dashboard's index: a second at 26,000 records) is kept
too, by ``derived``, keyed on the digests of every file the corpus was loaded from, in
``$XDG_CACHE_HOME/partnermap/derived``.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from partnermap.data.yamlfile import LinedDocument

if TYPE_CHECKING:
    from partnermap.data.loader import RecordsFile

T = TypeVar("T")

#: The packages whose behaviour the checks depend on.
PACKAGES = ("pydantic", "pydantic-core", "PyYAML")
#: Bump when what an entry holds changes shape.
FORMAT = 2
#: How many entries to keep: a few versions of a 100,000-record data set (2,000 records a file).
KEEP = 500
#: How many outcomes of whole corpora to keep (each up to some tens of MB at 100,000 records).
KEEP_DERIVED = 6


def cache_dir() -> Path:
    """Where entries are kept (``$XDG_CACHE_HOME`` aware)."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "partnermap" / "records"


def inputs_key(*inputs: Path) -> str:
    """A digest of what a file's checks read besides the file itself.

    That is the loader's code, the packages that parse and validate, and ``inputs``: files
    (the localities table) and folders (the source documents), which need not exist.
    """
    digest = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
    for name in PACKAGES:
        digest.update(f"{name}={_version(name)};".encode())
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(_file_digest(path))
    for given in inputs:
        digest.update(str(given.resolve()).encode())
        files = sorted(given.iterdir()) if given.is_dir() else [given]
        for path in files:
            digest.update(path.name.encode() + _file_digest(path))
    return digest.hexdigest()


def records_file(path: Path, key: str, check: Callable[[Path], RecordsFile]) -> RecordsFile:
    """The outcome of checking ``path``: from the cache when neither it nor the inputs changed.

    Parameters
    ----------
    path
        A records file.
    key
        ``inputs_key`` of the data directory being loaded.
    check
        Parses and checks ``path`` (``partnermap.data.loader.load_records_file``); called on a
        miss, and its outcome stored.
    """
    return _cached(path, key, check, _slim)


def localities_table(path: Path, load: Callable[[Path], T]) -> T:
    """The outcome of loading the localities table ``path``, from the cache when it is unchanged.

    Its key is the table's bytes, the loader's code and the packages, so any edit loads it again.
    """
    return _cached(path, inputs_key(), load, lambda loaded, _: loaded)


def corpus_digest(key: str, files: Iterable[RecordsFile]) -> str:
    """A digest of what a corpus was loaded from: ``key`` (``inputs_key``) and its records files.

    Empty when a file could not be read, so that nothing derived from the corpus is cached.
    """
    digests = [loaded.digest for loaded in files]
    if not all(digests):
        return ""
    return hashlib.sha256(" ".join([key, *digests]).encode()).hexdigest()


def derived(kind: str, digest: str, compute: Callable[[], T]) -> T:
    """What ``compute`` returns, from the cache when it was stored under ``kind`` and ``digest``.

    Parameters
    ----------
    kind
        What is kept (``index``): a part of the entry's name.
    digest
        A digest of everything ``compute`` reads (the code it runs included); an empty one
        keeps nothing.
    compute
        Computes the outcome on a miss; it is stored with ``pickle``.
    """
    if not digest:
        return compute()
    entry = cache_dir().parent / "derived" / f"{kind}-{digest}.pickle"
    found = _read(entry)
    if found is not None:
        return found
    outcome = compute()
    _store(entry, outcome)
    _prune(entry.parent, KEEP_DERIVED)
    return outcome


def code_digest(*folders: Path) -> str:
    """A digest of the Python and YAML files directly in ``folders`` and of numpy and pandas."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
    for name in ("numpy", "pandas"):
        digest.update(f"{name}={_version(name)};".encode())
    for folder in folders:
        for path in sorted([*folder.glob("*.py"), *folder.glob("*.yaml")]):
            digest.update(path.name.encode() + _file_digest(path))
    return digest.hexdigest()


def _cached(path: Path, key: str, compute: Callable[[Path], T], finish: Callable[[T, str], T]) -> T:
    try:
        content = path.read_bytes()
    except OSError:
        return compute(path)  # the loader reports why the file cannot be read
    digest = hashlib.sha256(f"{key} {path.resolve()}".encode() + content).hexdigest()
    entry = cache_dir() / f"{digest}.pickle"
    found = _read(entry)
    if found is not None:
        return found
    # A cold load returns what a warm one reads.
    loaded = finish(compute(path), digest)
    _store(entry, loaded)
    _prune(entry.parent)
    return loaded


def _read(entry: Path) -> Any:
    """What ``entry`` holds; None when it is absent or was written by other code."""
    try:
        with entry.open("rb") as stored:
            found = pickle.load(stored)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    os.utime(entry)  # used now: pruning keeps the entries in use
    return found


def _slim(loaded: RecordsFile, digest: str) -> RecordsFile:
    """``loaded`` with its ``digest``, and only the lines the checks across files report on.

    The whole line map of a file is held by nothing after the checks, and at 100,000 records
    it held 400 MB.
    """
    wanted = {
        path: line
        for path, line in loaded.document.lines.items()
        if len(path) in (2, 3, 4)
        and path[0] == "records"
        and path[2:3] in ((), ("id",), ("related",))
    }
    return replace(loaded, document=LinedDocument(None, wanted), digest=digest)


def _store(entry: Path, loaded: object) -> None:
    """Write ``entry`` whole or not at all; a cache that cannot be written is only slower."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=entry.parent, suffix=".tmp", delete=False) as out:
            pickle.dump(loaded, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, entry)
    except OSError:
        return


def _prune(folder: Path, keep: int = KEEP) -> None:
    """Remove all but the ``keep`` entries used last (a warm load touches the ones it reads)."""
    entries = sorted(folder.glob("*.pickle"), key=_used, reverse=True)
    for stale in entries[keep:]:
        stale.unlink(missing_ok=True)


def _used(entry: Path) -> float:
    try:
        return entry.stat().st_mtime
    except OSError:
        return 0.0


def _file_digest(path: Path) -> bytes:
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return b"unreadable"


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "absent"
