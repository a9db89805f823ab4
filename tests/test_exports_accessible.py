"""Exported images carry their title and the map's text twin: PNG text, SVG title and desc, PDF."""

from __future__ import annotations

import io
import struct
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from partnermap.cli import main
from partnermap.data.loader import load_corpus
from partnermap.data.view import build_view
from partnermap.exports.accessible import label_image
from partnermap.exports.build import corpus_index
from partnermap.exports.request import filter_state
from partnermap.layers.text_twin import describe

SVG = "{http://www.w3.org/2000/svg}"
TITLE = "Climate & <trade> 气候"
WORDS = "The map shows 2 agreements. 地图显示 2 项协议。"


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def _png() -> bytes:
    """A 1x1 grey PNG."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + _chunk(b"IEND", b"")
    )


def _chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """Every chunk's type and data, each CRC checked."""
    found, at = [], 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        body = png[at + 4 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(body)
        found.append((body[:4], body[4:]))
        at += 12 + length
    return found


def test_a_png_carries_its_title_and_description_as_utf8_text() -> None:
    chunks = _chunks(label_image(_png(), "png", TITLE, WORDS, "en"))
    assert [kind for kind, _ in chunks] == [b"IHDR", b"IDAT", b"iTXt", b"iTXt", b"IEND"]
    text = {}
    for kind, data in chunks:
        if kind == b"iTXt":
            keyword, rest = data.split(b"\0", 1)
            assert rest[:4] == b"\0\0\0\0"  # uncompressed, no language tag, no translated keyword
            text[keyword.decode()] = rest[4:].decode("utf-8")
    assert text == {"Title": TITLE, "Description": WORDS}


def test_an_svg_is_named_by_its_first_children() -> None:
    svg = b'<svg class="main-svg" xmlns="http://www.w3.org/2000/svg" width="10"><g/></svg>'
    root = ET.fromstring(label_image(svg, "svg", TITLE, WORDS, "zh"))
    assert [child.tag for child in root][:2] == [f"{SVG}title", f"{SVG}desc"]
    assert (root[0].text, root[1].text) == (TITLE, WORDS)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{root[0].get('id')} {root[1].get('id')}"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh"


def test_a_pdf_has_title_subject_language_and_shows_its_title() -> None:
    blank = PdfWriter()
    blank.add_blank_page(100, 100)
    out = io.BytesIO()
    blank.write(out)
    pdf = PdfReader(io.BytesIO(label_image(out.getvalue(), "pdf", TITLE, WORDS, "zh")))
    assert (pdf.metadata.title, pdf.metadata.subject) == (TITLE, WORDS)
    assert pdf.trailer["/Root"]["/Lang"] == "zh-CN"
    assert pdf.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert len(pdf.pages) == 1


def test_other_formats_are_refused() -> None:
    with pytest.raises(ValueError, match="csv"):
        label_image(b"a,b\n", "csv", TITLE, WORDS, "en")


def test_an_exported_svg_says_what_the_map_shows(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    assert main(["export", "--format", "svg", "--out", str(out), "--lang", "zh"]) == 0
    root = ET.fromstring(out.read_bytes())
    corpus = load_corpus()
    view = build_view(corpus_index(corpus), filter_state(corpus.localities))
    assert root.find(f"{SVG}title").text == corpus.dataset.title("zh") == "中美地方合作伙伴关系"
    assert root.find(f"{SVG}desc").text == describe(view, "zh")


def test_an_exported_svg_of_a_selection_names_it_in_its_description(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    zhenjiang = "geonames:1784642"
    args = ["export", "--format", "svg", "--out", str(out), "--select", f"place,{zhenjiang}"]
    assert main(args) == 0
    corpus = load_corpus()
    view = build_view(corpus_index(corpus), filter_state(corpus.localities))
    text = ET.fromstring(out.read_bytes()).find(f"{SVG}desc").text
    assert text == describe(view, "en", ("place", zhenjiang))
    assert "Selected: Zhenjiang" in text
