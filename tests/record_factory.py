"""One valid record for unit tests, with the fields a test cares about changed."""

from __future__ import annotations

from typing import Any

from partnermap.data.schema import Record


def make_record(rid: str, **changes: Any) -> Record:
    """A valid MOU of 2015 on clean air naming California, with ``changes`` applied."""
    fields: dict[str, Any] = {
        "id": rid,
        "title": rid,
        "type": "mou",
        "date": "2015-09-15",
        "sectors": ["clean-air"],
        "parties": ["A", "B"],
        "localities": [{"id": "US-CA", "role": "party"}],
        "sources": [{"url": "https://example.org/x", "accessed": "2026-11-01", "quote": "q"}],
        "summary": "s",
    }
    fields.update(changes)
    return Record.model_validate(fields)
