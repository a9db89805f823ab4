"""Chinese text cut into words with jieba, a party's or a joined place word split into its
place names."""

from __future__ import annotations

import logging
import re
from functools import cache

from partnermap.geo.gazetteer import Gazetteer, han_key

#: A government or a party committee jieba keeps whole with its place ("四川省人民政府",
#: "哈尔滨市委").
_ZH_GOVERNMENT = re.compile(r"(?:人民政府|政府|(?<=[省市县區区州盟])委)$")


def han_tokens(text: str) -> list[tuple[str, int, int, str]]:
    """Segment the Chinese runs of ``text``: (word, start, end, part-of-speech flag).

    jieba keeps a party's name whole ("四川省人民政府", "哈尔滨市委"): the government or
    committee words are split off, so that the place name is a token of its own.
    """
    segmenter = _segmenter()
    tokens = []
    # A long text repeats its runs (boilerplate, a repeated clause): each is segmented once.
    segmented: dict[str, list[tuple[str, str]]] = {}
    for run in re.finditer(r"[\u3400-\u9fff]+", text):
        position = run.start()
        words = segmented.get(run.group())
        if words is None:
            words = [(pair.word, pair.flag) for pair in segmenter.cut(run.group())]
            segmented[run.group()] = words
        for word, flag in words:
            end = position + len(word)
            party = _ZH_GOVERNMENT.search(word)
            if party and party.start() >= 2:
                tokens.append((word[: party.start()], position, position + party.start(), "ns"))
                tokens.append((party.group(), position + party.start(), end, "n"))
            else:
                tokens.append((word, position, end, flag))
            position = end
    return tokens


def split_joined(
    tokens: list[tuple[str, int, int, str]], gazetteer: Gazetteer
) -> list[tuple[str, int, int, str]]:
    """Split a place word jieba keeps whole that is a province, state or country written
    before a place inside it, without a suffix between them ("云南昆明", "广东深圳"): two
    names, the first the second's qualifier."""
    split = []
    cuts: dict[str, int] = {}
    for word, start, end, flag in tokens:
        if len(word) >= 4 and word not in cuts:
            cuts[word] = _joined_cut(word, gazetteer)
        cut = cuts.get(word, 0)
        if cut:
            split.append((word[:cut], start, start + cut, "ns"))
            split.append((word[cut:], start + cut, end, "ns"))
        else:
            split.append((word, start, end, flag))
    return split


def _joined_cut(word: str, gazetteer: Gazetteer) -> int:
    """Where a word that names no place splits into a broad place and one inside it (0: it
    does not)."""
    places, to_simplified = gazetteer.places, gazetteer.to_simplified
    if gazetteer.lookup(han_key(word, to_simplified)):
        return 0
    for cut in (2, 3):
        rest = word[cut:]
        if len(rest) < 2:
            break
        outer = {
            place_id
            for place_id, _ in gazetteer.lookup(han_key(word[:cut], to_simplified))
            if places[place_id].level in ("country", "province", "state")
        }
        inner = gazetteer.lookup(han_key(rest, to_simplified))
        if any(outer & set(places[place_id].parents) for place_id, _ in inner):
            return cut
    return 0


@cache
def _segmenter():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg
