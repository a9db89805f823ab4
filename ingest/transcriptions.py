"""A town abroad written with other characters of the same sounds as the gazetteer's Chinese
name: "弗莱辛" for Freising, which GeoNames writes 弗赖辛 (fu lai xin both)."""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

from partnermap.geo.gazetteer import MIN_SPELLING, Gazetteer, han_key
from partnermap.ingest.place_mention import PlaceMention

#: The words jieba makes of a foreign name it does not know: a person's name or a place's
#: ("弗" + "莱辛"), or a character alone.
_NAME_FLAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nz", "x"})
#: What shows that a run of such words is a place: a partner's "与" before it, or a place's
#: word after it ("弗莱辛地区", "帕尔玛市").
_PARTNER_BEFORE = re.compile(r"[与同和]$")
_PLACE_AFTER = re.compile(r"地区|市|州|县|郡|镇|区")


def transcribed_towns(
    text: str,
    tokens: list[tuple[str, int, int, str]],
    mentions: list[PlaceMention],
    countries: frozenset[str],
    gazetteer: Gazetteer,
) -> list[PlaceMention]:
    """The towns abroad ``text`` writes with other characters of the same sounds as their
    Chinese name in the gazetteer, in a country the text names (``countries``, without China
    and the US): a run of name words no mention covers, of three characters or more, after
    "与" or before a place's word, whose toneless pinyin is that of exactly one town there."""
    if not countries:
        return []
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    free = [t for t in tokens if not any(covered[t[1] : t[2]])]
    runs = [
        (start, end)
        for start, end in _name_runs(free)
        if end - start >= MIN_SPELLING
        and (
            _PARTNER_BEFORE.search(text, max(0, start - 1), start) or _PLACE_AFTER.match(text, end)
        )
    ]
    if not runs:
        return []
    found = []
    for start, end in runs:
        name = text[start:end]
        spelling = " ".join(lazy_pinyin(han_key(name, gazetteer.to_simplified)))
        heard = {i for c in countries for i in gazetteer.spellings.get(f"{c}:{spelling}", ())}
        if len(heard) == 1:
            [place_id] = heard
            place = gazetteer.places[place_id]
            found.append(PlaceMention(start, end, name, place, confidence=0.6, outer_end=end))
    return found


def _name_runs(tokens: list[tuple[str, int, int, str]]) -> list[tuple[int, int]]:
    """The spans of consecutive name words (of ``tokens``, the words no mention covers)."""
    runs: list[tuple[int, int]] = []
    for _, start, end, flag in tokens:
        if flag not in _NAME_FLAGS:
            continue
        if runs and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs
