"""``partnermap export``: every format is a real file with the asked content."""

from __future__ import annotations

import csv
import io
import json
import struct
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from partnermap.cli import main
from partnermap.data.citations import cite
from partnermap.data.filters import select
from partnermap.data.loader import load_corpus
from partnermap.exports.describe import count_summary
from partnermap.exports.request import filter_state


def _export(tmp_path: Path, fmt: str, *flags: str) -> Path:
    out = tmp_path / f"export.{fmt}"
    assert main(["export", "--format", fmt, "--out", str(out), *flags]) == 0
    assert out.is_file() and out.stat().st_size > 0
    return out


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def _expected(sector: str) -> list:
    corpus = load_corpus()
    state = filter_state(corpus.localities, sectors=[sector])
    return select(corpus.records, state, corpus.localities)


def test_csv_has_a_header_and_a_row_per_locality_in_agreement(tmp_path: Path) -> None:
    out = _export(tmp_path, "csv", "--sector", "clean-air")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    records = _expected("clean-air")
    assert rows and "feature_id" in rows[0]
    assert len(rows) == sum(len({ref.id for ref in r.localities}) for r in records)


def test_geojson_features_match_the_filtered_records(tmp_path: Path) -> None:
    out = _export(tmp_path, "geojson", "--sector", "clean-air")
    collection = json.loads(out.read_text(encoding="utf-8"))
    expected = {f"{r.id}/{ref.id}" for r in _expected("clean-air") for ref in r.localities}
    assert {f["id"] for f in collection["features"]} == expected
    assert {f["properties"]["record_id"] for f in collection["features"]} == {
        r.id for r in _expected("clean-air")
    }


@pytest.mark.parametrize(
    ("size", "pixels"), [("slide", (2560, 1440)), ("a4", (2246, 1588)), ("letter", (2112, 1632))]
)
def test_png_has_the_asked_size_at_twice_the_scale(
    tmp_path: Path, size: str, pixels: tuple[int, int]
) -> None:
    out = _export(tmp_path, "png", "--size", size)
    assert _png_size(out) == pixels


def test_pdf_text_holds_the_title_a_filter_and_every_source_cited(tmp_path: Path) -> None:
    out = _export(
        tmp_path, "pdf", "--sector", "clean-air", "--title", "Clean air briefing", "--size", "a4"
    )
    # NFKC: a font may set "fi" as the one ligature glyph U+FB01, which pdftotext reads back.
    text = unicodedata.normalize(
        "NFKC",
        subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout,
    )
    assert "Clean air briefing" in text
    # Digits keep their text mapping: the counts line reads back whole (a Latin font is installed).
    assert count_summary(_expected("clean-air"), load_corpus().localities, "en") in text
    assert "Sectors: Clean air" in text
    # Every source is named "Publisher — Title (date)" on the second page; the title is metadata.
    flat = " ".join(text.split())
    for record in _expected("clean-air"):
        for source in record.sources:
            assert str(cite(source))[:40] in flat, cite(source)
    assert ".txt" not in text
    pdf = PdfReader(out)
    assert len(pdf.pages) == 2
    assert pdf.metadata.title == "Clean air briefing"


def test_svg_in_chinese_names_zhenjiang(tmp_path: Path) -> None:
    out = _export(tmp_path, "svg", "--lang", "zh", "--place", "Zhenjiang")
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg")
    assert "镇江" in svg


def test_html_is_one_file_linking_nothing(tmp_path: Path) -> None:
    page = _export(tmp_path, "html", "--lang", "zh", "--title", "Briefing <1>").read_text(
        encoding="utf-8"
    )
    assert "<title>Briefing &lt;1&gt;</title>" in page
    assert "<script src" not in page
    assert "<link" not in page.split("<body")[0].replace("<link/i", "")
    assert "L.map(" in page


def test_per_year_writes_one_png_per_year_each_saying_its_year(tmp_path: Path) -> None:
    out = tmp_path / "frames" / "map.svg"
    out.parent.mkdir()
    flags = ["--year-from", "2013", "--year-to", "2015", "--per-year", "cumulative"]
    assert main(["export", "--format", "png", "--out", str(out.with_suffix(".png")), *flags]) == 0
    written = sorted(p.name for p in out.parent.iterdir())
    assert written == ["map-2013.png", "map-2014.png", "map-2015.png"]
    for name in written:
        _png_size(out.parent / name)
    assert (
        main(["export", "--format", "svg", "--out", str(out), *flags[:4], "--per-year", "year"])
        == 0
    )
    svg = (out.parent / "map-2014.svg").read_text(encoding="utf-8")
    assert "Years: 2014<" in svg or "Years: 2014 " in svg


@pytest.mark.parametrize(
    ("flags", "valid"),
    [
        (["--sector", "clean-aire"], "clean-air"),
        (["--type", "treaty"], "sister_city"),
        (["--place", "Zhnjng"], "Zhenjiang"),  # "Zhenjang" itself is read as Zhenjiang
    ],
)
def test_unknown_filter_values_fail_listing_the_valid_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], valid: str
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["export", "--format", "csv", "--out", str(tmp_path / "x.csv"), *flags])
    assert stop.value.code == 2
    message = capsys.readouterr().err
    assert "valid:" in message and valid in message
    assert not (tmp_path / "x.csv").exists()
