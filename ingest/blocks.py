"""Cut a document into blocks (paragraphs and numbered items) and sentences.

A numbered item ("36. China-U.S. Sister Cities:", "I. To establish…", "一、", "（二）") keeps
its number, so that the two language versions of one item ("1." and "I.") can be told from
two items of one list, and its heading (the words before the colon), which often names what
the item is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from partnermap.ingest.dates import chinese_number

_ITEM = re.compile(
    r"^\s*(?:(?P<digits>\d{1,3})\s*[.、．)]\s*(?!\d)|(?P<roman>[IVX]{1,5})\.\s+|"
    r"(?P<han>[一二三四五六七八九十]{1,3})\s*[、.．]|"
    r"[（(](?P<bracket>[一二三四五六七八九十\d]{1,3})[）)])"
)
_ROMAN = {"I": 1, "V": 5, "X": 10}
_SENTENCE_FINAL = set("。.!?！？;；:：")
#: Shorter items that end without a full stop are headings ("一. 目标"), not cut sentences.
_CUT_MIN_CHARS = 40
_HEADING_CHAR = r"(?:[^:：。.!?！？;；\n]|(?<=[A-Z])\.|\.(?=\S))"
_HEADING = re.compile(rf"{_HEADING_CHAR}{{2,120}}(?:\n{_HEADING_CHAR}{{1,80}})?[:：]")
#: A sentence's end; a resolution's recitals and its resolve ("…; and WHEREAS, …", "NOW,
#: THEREFORE, BE IT RESOLVED") are sentences of their own.
_SENTENCE_END = re.compile(
    r"(?<=[。！？；])|(?<=[.!?;])(?=\s+[A-Z\d“\"(])|\n\s*\n|"
    r"(?<=\S)(?=[^\S\n]*\b(?:WHEREAS|NOW,?\s+THEREFORE)\b)"
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|"
    r"Inc|Co|Ltd|Gov|Sen|Rep|Gen)\.)$"
)


@dataclass(frozen=True)
class Block:
    """A paragraph or numbered item: ``text[start:end]``.

    ``number`` is the item's number (None for a paragraph) and ``heading_end`` where the
    item's heading ends (``start`` when it has none).
    """

    start: int
    end: int
    item: bool
    index: int = 0
    number: int | None = None
    heading_end: int = 0


def split_blocks(text: str) -> list[Block]:
    """Cut ``text`` into paragraphs, starting a new one at each numbered item or heading."""
    spans: list[tuple[int, int, re.Match[str] | None]] = []
    start = None
    marker = None
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        found = _ITEM.match(line)
        if not stripped or found or stripped.startswith("#"):
            if start is not None:
                spans.append((start, position, marker))
            start, marker = (position, found) if stripped else (None, None)
        elif start is None:
            start, marker = position, None
        position += len(line)
    if start is not None:
        spans.append((start, position, marker))
    kept: list[tuple[int, int, re.Match[str] | None]] = []
    for span in spans:
        if not text[span[0] : span[1]].strip():
            continue
        if kept and _cut_item(text, kept[-1], span):
            kept[-1] = (kept[-1][0], span[1], kept[-1][2])
        else:
            kept.append(span)
    return [
        Block(
            start,
            end,
            marker is not None,
            index,
            _number(marker) if marker else None,
            _heading_end(text, marker.end() + start, end) if marker else start,
        )
        for index, (start, end, marker) in enumerate(kept)
    ]


def _cut_item(
    text: str,
    item: tuple[int, int, re.Match[str] | None],
    span: tuple[int, int, re.Match[str] | None],
) -> bool:
    """Whether ``span`` goes on with an item cut mid-sentence by a blank line (a page break
    in the PDF the text came from: "从2016" / "年起，每年十月份")."""
    if item[2] is None or span[2] is not None:
        return False
    body = text[item[0] : item[1]].strip()
    starts = text[span[0] : span[1]].lstrip()[:1]
    return (
        len(body) >= _CUT_MIN_CHARS
        and body[-1] not in _SENTENCE_FINAL
        and (starts.islower() or "\u3400" <= starts <= "\u9fff")
    )


def _number(marker: re.Match[str]) -> int | None:
    groups = marker.groupdict()
    if groups["digits"]:
        return int(groups["digits"])
    if groups["roman"]:
        return _roman(groups["roman"])
    try:
        return chinese_number(groups["han"] or groups["bracket"])
    except (KeyError, ValueError):
        return None


def _roman(numeral: str) -> int:
    values = [_ROMAN.get(c, 0) for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _heading_end(text: str, start: int, end: int) -> int:
    """Where an item's heading ends: after "Eco-City Project:", else at the item's start."""
    found = _HEADING.match(text, start, end)
    return found.end() if found else start


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences (spans), in English and Chinese."""
    spans = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATION.search(text, max(start, match.start() - 8), match.start()):
            continue
        if match.start() > cursor:
            spans.append(_trim(text, cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        spans.append(_trim(text, cursor, end))
    return [span for span in spans if span[1] > span[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
