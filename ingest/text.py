"""Read a saved document (.txt, .html, .pdf) into plain UTF-8 text, offline.

The text returned is what the drafts quote and what ``accept`` copies into ``sources/``: the
loader checks each quote verbatim within the lines it names, so every later step works on
exactly this text.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

#: Files larger than this are refused unread: no agreement or press release is this long.
MAX_BYTES = 20_000_000

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_BLOCK_TAGS = "p,div,br,li,dt,dd,h1,h2,h3,h4,h5,h6,tr,title,section,article,header,footer,table"
_CJK = re.compile(r"[\u3400-\u9fff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Pinyin in brackets after a Chinese word, as reposting sites gloss theirs ("姐妹(jiěmèi)省州",
#: "友好(hao)城(cheng)市"): it splits words, so the text is read without it.
_PINYIN_GLOSS = re.compile(
    r"(?<=[\u3400-\u9fff])(?:\((?=[^)]*[aeiouü\u00e0-\u00fc\u0101-\u01dc])"
    r"[a-z\u00e0-\u00fc\u0101-\u01dc]{1,12}\))+"
)


class IngestError(ValueError):
    """A file that cannot be read as a document; the message says why, for a person."""


@dataclass(frozen=True)
class Document:
    """A document's text and where it came from."""

    path: Path
    text: str
    kind: str  # "txt", "html" or "pdf"
    encoding: str
    sha256: str

    @property
    def lines(self) -> list[str]:
        """The text's lines, as the loader numbers them (1-based: ``lines[n - 1]``)."""
        return self.text.splitlines()


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file into a :class:`Document`.

    Parameters
    ----------
    path
        A .txt, .html/.htm (saved web page) or .pdf file. Text files may be UTF-8 (with or
        without BOM), UTF-16 with BOM, GB18030/GBK or any encoding charset-normalizer detects.
    max_bytes
        Larger files are refused before they are read.

    Returns
    -------
    Document
        The text (normalised to ``\\n`` line ends, control characters and the pinyin glosses
        of reposting sites removed).

    Raises
    ------
    IngestError
        For a missing, empty, oversized, binary, mixed-encoding or undecodable file, a PDF
        without a text layer, or a document with no text.
    """
    path = Path(path)
    if not path.is_file():
        raise IngestError(f"{path}: no such file")
    size = path.stat().st_size
    if size == 0:
        raise IngestError(f"{path}: the file is empty")
    if size > max_bytes:
        raise IngestError(f"{path}: the file is {size:,} bytes; ingest reads up to {max_bytes:,}")
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    suffix = path.suffix.lower()
    if suffix == ".pdf" or raw.startswith(b"%PDF-"):
        text, kind, encoding = _pdf_text(path, raw), "pdf", "pdf"
    else:
        decoded, encoding = decode_text(raw, path)
        is_html = suffix in _HTML_SUFFIXES or re.match(r"\s*<(!doctype html|html)", decoded, re.I)
        text, kind = (_html_text(decoded), "html") if is_html else (decoded, "txt")
    text = _tidy(text)
    if not text.strip():
        raise IngestError(f"{path}: the document has no text")
    return Document(path, text, kind, encoding, digest)


def decode_text(raw: bytes, path: Path | str = "") -> tuple[str, str]:
    """Decode a text file's bytes, returning the text and the encoding used.

    Raises
    ------
    IngestError
        When the bytes are binary, mix encodings line by line, or fit no encoding.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise IngestError(f"{path}: a UTF-16 byte-order mark, but not UTF-16 text") from err
    if b"\x00" in raw or _binary_share(raw) > 0.05:
        raise IngestError(f"{path}: the file is binary, not a text document")
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    _refuse_mixed(raw, path)
    try:
        text = raw.decode("gb18030")
        if _CJK.search(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise IngestError(f"{path}: the text's encoding could not be recognised")
    return str(best), best.encoding


def _binary_share(raw: bytes) -> float:
    sample = raw[:65536]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls / len(sample)


def _refuse_mixed(raw: bytes, path: Path | str) -> None:
    """Refuse a file whose lines are partly UTF-8 text and partly another encoding."""
    utf8_line = other_line = 0
    for number, line in enumerate(raw.splitlines(), 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_line = utf8_line or number
        except UnicodeDecodeError:
            other_line = other_line or number
    if utf8_line and other_line:
        raise IngestError(
            f"{path}: mixed encodings: line {utf8_line} is UTF-8 but line {other_line} is not "
            "(GB18030?); save the file in one encoding and ingest it again"
        )


def _html_text(html: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.css("script,style,noscript,template,svg"):
        node.decompose()
    for node in tree.css(_BLOCK_TAGS):
        node.insert_after("\n")
    return tree.root.text(separator="") if tree.root else ""


def _pdf_text(path: Path, raw: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{path}: the PDF is encrypted; save an unlocked copy first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except RecursionError as err:
        raise IngestError(
            f"{path}: not a readable PDF (its objects are nested too deeply to read)"
        ) from err
    except LimitReachedError as err:
        raise IngestError(
            f"{path}: not a readable PDF (it unpacks to more than a document holds: {err})"
        ) from err
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, MemoryError) as err:
        raise IngestError(f"{path}: not a readable PDF ({err})") from err
    text = "\n\n".join(pages)
    if not text.strip():
        raise IngestError(
            f"{path}: the PDF has no text layer (a scan?); run OCR on it and ingest the result"
        )
    return text


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    text = _CONTROL.sub("", text)
    text = _PINYIN_GLOSS.sub("", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
