"""Make an export: the one code path behind ``partnermap export`` and the dashboard's menu."""

from __future__ import annotations

import datetime as dt
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from partnermap.data.loader import Corpus
from partnermap.data.schema import Locality
from partnermap.data.view import CorpusIndex, build_index, build_view, regions_from_geojson
from partnermap.data.writes import write_atomic
from partnermap.exports import extent
from partnermap.exports.accessible import label_image
from partnermap.exports.describe import default_title
from partnermap.exports.figure import briefing_figure, sources_page
from partnermap.exports.html import map_page
from partnermap.exports.pdf import briefing_pdf
from partnermap.exports.render import Renderer
from partnermap.exports.request import IMAGE_FORMATS, ExportRequest
from partnermap.exports.tables import locality_rows, to_csv, to_geojson
from partnermap.exports.title import clean_title
from partnermap.geo.basemap import admin1_geojson
from partnermap.layers import text_twin


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
        Made with the title cleaned by ``clean_title`` (callers show its note).
    """
    request = replace(request, title=clean_title(request.title)[0])
    view = build_view(index, request.state)
    if not extent.still_applies(request.geo, view, request.selection):
        request = replace(request, geo={})
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
        scale = request.png_scale if request.format == "png" else 1.0
        content = renderer.render(figure, request.format, width, height, scale)
        if request.format == "pdf":  # a second page lists every source; the title is metadata
            listed = renderer.render(sources_page(view, request), "pdf", width, height, 1.0)
            title = request.title or default_title(request.lang)
            content = briefing_pdf([content, listed], title)
        # The words a screen reader or an alt-text field gets: the title and the text twin.
        content = label_image(
            content,
            request.format,
            request.title or default_title(request.lang),
            text_twin.describe(view, request.lang, request.selection),
            request.lang,
        )
    return Export(content, filename(request, today), request.media_type)


def filename(request: ExportRequest, today: dt.date | None = None) -> str:
    """Return a file name: the title (or "partnermap") as a slug, the date and the suffix."""
    stem = re.sub(r"[^a-z0-9]+", "-", (request.title or "").lower()).strip("-")[:60]
    date = (today or dt.date.today()).isoformat()
    return f"{stem or 'partnermap'}-{date}{request.suffix}"


def check_output(path: Path) -> None:
    """Refuse, before any work, a ``--out`` path that cannot take a file.

    Raises
    ------
    ValueError
        When ``path`` is a directory or its folder does not exist; the message says what to do.
    """
    if path.is_dir():
        raise ValueError(f"{path} is a directory; give a file name, e.g. {path / 'map.png'}")
    if not path.parent.is_dir():
        raise ValueError(f"folder {path.parent} does not exist; create it or choose another")


def write_output(path: Path, content: bytes) -> None:
    """Write an export to ``path``: whole or not at all, the old file kept on failure.

    A regular file (or a new one) is written aside and renamed over the old; a device or a
    pipe (``/dev/stdout``) cannot be renamed over, so it is written in place.

    Raises
    ------
    ValueError
        When the file cannot be written; the message names the reason.
    """
    check_output(path)
    try:
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            with path.open("wb") as handle:
                handle.write(content)
        else:
            write_atomic(path, content)
    except OSError as err:
        reason = err.strerror or str(err)
        raise ValueError(f"could not write {path}: {reason}; choose another --out") from err
