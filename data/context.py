"""Nationwide totals that put the mapped, sourced subset in context."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

CONTEXT_FILE = Path(__file__).resolve().parent / "reference" / "context_totals.yaml"


@dataclass(frozen=True)
class ContextTotal:
    """How many US–China sister pairs a source counted in a year."""

    year: int
    pairs: int
    source: str
    detail: str | None = None
    detail_zh: str | None = None


@functools.cache
def context_totals(path: Path = CONTEXT_FILE) -> tuple[ContextTotal, ...]:
    """Return the totals, oldest first (read once)."""
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["totals"]
    return tuple(sorted((ContextTotal(**row) for row in rows), key=lambda total: total.year))
