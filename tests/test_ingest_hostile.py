"""Hostile files (issue 19, item 7): each is one file's error, never the end of the command;
and a long text of repeated agreement sentences is read as what it is (one agreement).

The hostile PDFs are generated here, small: a content stream of arrays nested 5,000 deep
(pypdf recurses into it), a stream that inflates to 80 MB (past pypdf's 75 MB limit), and a page
tree 300 levels deep.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from partnermap.cli import main
from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document, IngestError, read_document


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (numbered from 1; 1 is the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _one_page(contents: bytes) -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            contents,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def _nested() -> bytes:
    return _one_page(_stream(b"[" * 5000 + b"]" * 5000 + b" pop BT /F1 12 Tf (x) Tj ET"))


def _bomb() -> bytes:
    packer = zlib.compressobj(9)
    packed = b"".join(packer.compress(bytes(1_000_000)) for _ in range(80)) + packer.flush()
    return _one_page(_stream(packed, b"/Filter /FlateDecode "))


def _deep_tree() -> bytes:
    depth = 300
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        parent = b"/Parent %d 0 R " % (number - 1) if level else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 %s>>" % (number + 1, parent))
    leaf = 2 + depth
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R >>"
        % (leaf - 1, leaf + 1)
    )
    objects.append(_stream(b"BT ET"))
    return _pdf(objects)


HOSTILE = {"nested.pdf": _nested, "bomb.pdf": _bomb, "deep_tree.pdf": _deep_tree}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_pdf_is_a_reading_error_naming_the_file(name, tmp_path):
    path = tmp_path / name
    path.write_bytes(HOSTILE[name]())
    with pytest.raises(IngestError, match=rf"{name}: not a readable PDF"):
        read_document(path)


def test_one_hostile_file_does_not_stop_the_others(tmp_path, capsys):
    for name, make in HOSTILE.items():
        (tmp_path / name).write_bytes(make())
    good = tmp_path / "good.txt"
    good.write_text(
        "Fuzhou and Honolulu signed a sister city agreement on October 21, 2021.\n",
        encoding="utf-8",
    )
    files = [str(tmp_path / name) for name in HOSTILE] + [str(good)]
    code = main(["ingest", *files, "--out", str(tmp_path / "drafts")])
    captured = capsys.readouterr()
    assert code == 1
    for name in HOSTILE:
        assert f"{name}: not ingested" in captured.err
    assert "Traceback" not in captured.err
    assert f"{good}: new draft" in captured.out


def _repeated(times: int) -> Document:
    sentence = (
        "On May 5, 2015, Los Angeles and Guangzhou signed a memorandum of understanding on "
        "clean energy cooperation. 2015年5月5日，洛杉矶市与广州市签署了清洁能源合作谅解备忘录。\n"
    )
    return Document(Path("repeated.txt"), sentence * times, "txt", "utf-8", "0" * 64)


def test_a_repeated_agreement_sentence_is_one_agreement_however_long_the_text():
    def records(times: int) -> list[tuple[str, str | None, list[str]]]:
        return [(p.type.slug, p.date.value, p.locality_ids()) for p in propose(_repeated(times))]

    short = records(3)
    assert short == [("mou", "2015-05-05", ["geonames:5368361", "geonames:1809858"])]
    assert records(3000) == short
