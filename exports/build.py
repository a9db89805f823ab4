"""Make an export: the one code path behind ``partnermap export`` and the dashboard's menu."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from partnermap.data.filters import select
from partnermap.data.loader import Corpus
from partnermap.exports.request import ExportRequest
from partnermap.exports.tables import locality_rows, to_csv, to_geojson


@dataclass(frozen=True)
class Export:
    """A finished export: the file's bytes, a suggested file name and its media type."""

    content: bytes
    filename: str
    media_type: str


def export(request: ExportRequest, corpus: Corpus) -> Export:
    """Make the file ``request`` asks for from ``corpus``.

    Parameters
    ----------
    request
        Format, filters, language, title, size and extent.
    corpus
        The loaded data.

    Returns
    -------
    Export
    """
    records = select(corpus.records, request.state)
    if request.format in ("csv", "geojson"):
        rows = locality_rows(records, corpus.localities)
        content = to_csv(rows) if request.format == "csv" else to_geojson(rows)
    else:
        raise ValueError(f"format {request.format!r} is not available yet")
    return Export(content, filename(request), request.media_type)


def filename(request: ExportRequest, today: dt.date | None = None) -> str:
    """Return a file name for the export: the title (or "partnermap") as a slug, the date, the suffix."""
    stem = re.sub(r"[^a-z0-9]+", "-", (request.title or "").lower()).strip("-")[:60]
    date = (today or dt.date.today()).isoformat()
    return f"{stem or 'partnermap'}-{date}{request.suffix}"
