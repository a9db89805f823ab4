"""How a source is cited in a briefing: "Publisher — Title (date)".

Seed documents are described in ``sources/metadata.yaml`` beside them; a web page is cited by
its site, its address and the month it was read.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml

from partnermap.data.schema import Record, Source

METADATA_FILE = Path(__file__).resolve().parent / "sources" / "metadata.yaml"


@dataclass(frozen=True)
class Citation:
    """One source as a briefing names it."""

    publisher: str
    title: str
    date: str
    url: str

    def __str__(self) -> str:
        return f"{self.publisher} — {self.title} ({self.date})"


@functools.cache
def metadata() -> dict[str, dict[str, str]]:
    """Document file name -> its ``title``, ``publisher``, ``date`` and ``url``."""
    return yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))


def cite(source: Source) -> Citation:
    """The citation of one source of a record.

    Examples
    --------
    >>> str(cite(Source(quote="q", url="https://www.example.gov/a/b", accessed="2026-11")))
    'www.example.gov — https://www.example.gov/a/b (accessed 2026-11)'
    """
    if source.document:
        about = metadata().get(source.document)
        if about is None:
            return Citation(source.document, source.document, "undated", "document supplied")
        return Citation(about["publisher"], about["title"], str(about["date"]), about["url"])
    url = source.url or ""
    return Citation(urlparse(url).netloc or url, url, f"accessed {source.accessed}", url)


def citations(records: Iterable[Record]) -> list[Citation]:
    """Every distinct source of ``records``, in first-cited order."""
    return list(dict.fromkeys(cite(source) for record in records for source in record.sources))
