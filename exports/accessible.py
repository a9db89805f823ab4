"""An exported image says what it shows: its title and the map's text twin, inside the file.

A PNG carries them as its ``Title`` and ``Description`` text (what image viewers and
publishing tools offer as alt text), an SVG as its ``<title>`` and ``<desc>`` (what screen
readers speak for an SVG with ``role="img"``), a PDF as its document title and subject, with its
language and the title shown in the viewer's window.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

_PNG_END = b"IEND"
_SVG_OPEN = re.compile(rb"<svg\b[^>]*>")
_PDF_LANG = {"en": "en", "zh": "zh-CN"}


def label_image(content: bytes, fmt: str, title: str, description: str, lang: str) -> bytes:
    """Return the image ``content`` with ``title`` and ``description`` written into it.

    Parameters
    ----------
    content
        A PNG, SVG or PDF as the renderer made it.
    fmt
        "png", "svg" or "pdf".
    title
        The export's title.
    description
        What the map shows, in words (``layers.text_twin.describe``).
    lang
        "en" or "zh": the language of both.

    Returns
    -------
    bytes
        The same image, labelled.
    """
    if fmt == "png":
        return _png(content, {"Title": title, "Description": description})
    if fmt == "svg":
        return _svg(content, title, description, lang)
    if fmt == "pdf":
        return _pdf(content, title, description, lang)
    raise ValueError(f"not an image format: {fmt!r}")


def _png(content: bytes, text: dict[str, str]) -> bytes:
    """Add one international text chunk (iTXt, UTF-8, uncompressed) per keyword before IEND."""
    end = content.rindex(_PNG_END) - 4  # the IEND chunk starts with its length
    chunks = b""
    for keyword, value in text.items():
        data = keyword.encode("latin-1") + b"\0\0\0\0\0" + value.encode("utf-8")
        body = b"iTXt" + data
        chunks += struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    return content[:end] + chunks + content[end:]


def _svg(content: bytes, title: str, description: str, lang: str) -> bytes:
    """Name the root ``<svg>`` by a ``<title>`` and ``<desc>``, its first children."""
    opening = _SVG_OPEN.search(content)
    if opening is None:
        raise ValueError("no <svg> element in the SVG export")
    tag = opening.group(0)
    if tag.endswith(b"/>"):
        raise ValueError("the SVG export is empty")
    named = (
        tag[:-1]
        + b' role="img" aria-labelledby="export-title export-desc" xml:lang="'
        + lang.encode()
        + b'">'
    )
    words = (
        f'<title id="export-title">{escape(title)}</title>'
        f'<desc id="export-desc">{escape(description)}</desc>'
    ).encode()
    return content[: opening.start()] + named + words + content[opening.end() :]


def _pdf(content: bytes, title: str, description: str, lang: str) -> bytes:
    """Set the document's title, subject and language; show the title in the window."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(content)))
    writer.add_metadata({"/Title": title, "/Subject": description})
    writer.root_object[NameObject("/Lang")] = TextStringObject(_PDF_LANG.get(lang, lang))
    preferences = writer.viewer_preferences or writer.create_viewer_preferences()
    preferences.display_doctitle = True
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
