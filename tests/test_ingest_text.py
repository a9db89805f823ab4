"""Reading documents: encodings, saved pages, PDFs, and bad input refused with a clear reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnermap.cli import main
from partnermap.ingest.text import IngestError, read_document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_gb18030_text_is_decoded():
    document = read_document(FIXTURES / "zh_sister_city_gb18030.txt")
    assert document.encoding == "gb18030"
    assert "武汉市与美国宾夕法尼亚州匹兹堡市" in document.text


def test_saved_page_keeps_text_and_drops_scripts():
    document = read_document(FIXTURES / "en_signing_ceremony.html")
    assert document.kind == "html"
    assert "var posted" not in document.text
    assert "Jiangsu Province and the State of Ohio signed" in document.text
    assert "Three agreements signed at sub-national forum\n" in document.text


def test_pdf_text_layer_is_read():
    document = read_document(FIXTURES / "en_mou_text_layer.pdf")
    assert document.kind == "pdf"
    assert "Signed in Seattle on June 5, 2017." in document.text


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "the file is empty"),
        ("binary.txt", "binary"),
        ("mixed_encodings.txt", "mixed encodings: line 1 is UTF-8 but line 2 is not"),
        ("scan_no_text.pdf", "no text layer"),
    ],
)
def test_bad_input_is_refused_with_reason(name, reason):
    with pytest.raises(IngestError, match=reason):
        read_document(FIXTURES / "bad" / name)


def test_huge_file_is_refused_unread(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(IngestError, match="52,428,800 bytes"):
        read_document(huge)


@pytest.mark.parametrize(
    "name", ["empty.txt", "binary.txt", "mixed_encodings.txt", "scan_no_text.pdf"]
)
def test_cli_bad_input_gives_message_and_no_draft(name, tmp_path, capsys):
    out = tmp_path / "drafts"
    code = main(["ingest", str(FIXTURES / "bad" / name), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert "not ingested" in captured.err
    assert "Traceback" not in captured.err
    assert not out.exists() or not list(out.glob("*.yaml"))
