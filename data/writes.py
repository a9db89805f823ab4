"""Writing files safely: one writer at a time per data directory, and never half a file."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: The lock file every command that changes a data directory holds while it does.
LOCK_NAME = ".partnermap.lock"


@contextlib.contextmanager
def data_lock(data_dir: Path) -> Iterator[None]:
    """Hold the write lock of ``data_dir`` for the block, waiting for any other holder.

    Two commands changing one directory at once (two ``accept``, an ``accept`` and a
    ``reject``) would each read the files as they were and write over the other's change:
    each reads and writes under the lock, one after the other.

    Parameters
    ----------
    data_dir
        The data directory.

    Yields
    ------
    None
        While the lock is held; it is released when the block ends, however it ends.
    """
    with open(Path(data_dir) / LOCK_NAME, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_atomic(path: Path, content: bytes | str) -> None:
    """Write ``content`` to ``path`` all at once: aside, flushed to disk, then renamed over it.

    A reader sees the old file or the new one, never a mix; a failed write (a full disk)
    leaves the old file as it was. The new file keeps the old one's permissions.

    Parameters
    ----------
    path
        The file to write; its folder must exist.
    content
        Bytes, or text written as UTF-8.

    Raises
    ------
    OSError
        When the file cannot be written; nothing is left behind.
    """
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    descriptor, aside = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with open(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(aside, mode)
        os.replace(aside, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(aside)
        raise


def comment_text(text: str) -> str:
    """``text`` as it can stand in a YAML comment: as it is when printable, else quoted.

    A line break in a name (a file called ``"x\\nrecords: []"``) would end the comment and
    write YAML; quoted as JSON in ASCII, the name stays on one line whatever it holds.

    Examples
    --------
    >>> comment_text("plan.pdf")
    'plan.pdf'
    >>> comment_text("a\\nrecords: []")
    '"a\\\\nrecords: []"'
    """
    return text if text.isprintable() else json.dumps(text, ensure_ascii=True)
