"""Make an export: the one code path behind ``partnermap export`` and the dashboard's menu."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from partnermap.data.loader import Corpus
from partnermap.data.schema import Locality
from partnermap.data.view import CorpusIndex, build_index, build_view, regions_from_geojson
from partnermap.exports.figure import briefing_figure
from partnermap.exports.html import map_page
from partnermap.exports.render import Renderer
from partnermap.exports.request import IMAGE_FORMATS, ExportRequest
from partnermap.exports.tables import locality_rows, to_csv, to_geojson
from partnermap.geo.basemap import admin1_geojson


@dataclass(frozen=True)
class Export:
    """A finished export: the file's bytes, a suggested file name and its media type."""

    content: bytes
    filename: str
    media_type: str


def corpus_index(corpus: Corpus) -> CorpusIndex:
    """Index ``corpus`` the way the dashboard does, against the basemap's states and provinces."""
    return build_index(corpus, regions_from_geojson(admin1_geojson()))


def export(
    request: ExportRequest,
    localities: Mapping[str, Locality],
    index: CorpusIndex,
    renderer: Renderer | None = None,
    today: dt.date | None = None,
) -> Export:
    """Make the file ``request`` asks for.

    Parameters
    ----------
    request
        Format, filters, language, title, size and extent.
    localities
        The locality table, by id.
    index
        The corpus arrays (``corpus_index``, or the dashboard's own), built once and reused.
    renderer
        The warm browser for PNG, PDF and SVG; required for those formats only.
    today
        The export date printed on the page and in the file name (defaults to today).

    Returns
    -------
    Export
    """
    view = build_view(index, request.state)
    if request.format in ("csv", "geojson"):
        rows = locality_rows(view.records, localities)
        content = to_csv(rows) if request.format == "csv" else to_geojson(rows)
    elif request.format == "html":
        content = map_page(view, request, localities, today).encode("utf-8")
    else:
        assert request.format in IMAGE_FORMATS
        if renderer is None:
            raise ValueError(f"a {request.format} export needs a renderer")
        figure = briefing_figure(view, request, localities, today)
        width, height = request.pixels
        # The scale only multiplies pixels: a PDF or SVG page keeps its size in CSS pixels.
        scale = request.scale if request.format == "png" else 1.0
        content = renderer.render(figure, request.format, width, height, scale)
    return Export(content, filename(request, today), request.media_type)


def filename(request: ExportRequest, today: dt.date | None = None) -> str:
    """Return a file name: the title (or "partnermap") as a slug, the date and the suffix."""
    stem = re.sub(r"[^a-z0-9]+", "-", (request.title or "").lower()).strip("-")[:60]
    date = (today or dt.date.today()).isoformat()
    return f"{stem or 'partnermap'}-{date}{request.suffix}"
