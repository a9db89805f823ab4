"""Find words and place names in quotes, in English or Chinese, whatever their spelling or script.

A quote is read as Latin words ("St. Louis" gives ``saint louis``) and as its Chinese characters,
simplified (紐約州 gives 纽约州). A place is known by its names in ``localities.yaml`` and by every
name the gazetteer indexes it under: 休斯敦 and 休斯顿 for Houston, Chinkiang for Zhenjiang.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz.distance import Levenshtein

from partnermap.data.loader import normalise_whitespace
from partnermap.data.schema import Locality
from partnermap.geo.gazetteer import TIER_NAME, Gazetteer, han_key, load_gazetteer
from partnermap.geo.names import has_han, latin_key, latin_tokens, zh_stem

#: The most Latin words a place name runs to ("Zhijiang Dong Autonomous County" is four).
_LONGEST_NAME_WORDS = 6
#: A name at least this long also matches a spelling one edit away: the sources' own typos
#: ("Heilongjian", "Qiakou") name the place all the same. Shorter names would match words.
_FUZZY_MIN_LETTERS = 6
#: Characters of no Latin word: CJK ideographs and punctuation (full-width Latin is kept).
_NOT_LATIN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]")
#: "The Bronx" is also just "Bronx".
_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True)
class SearchableText:
    """A text read as Latin words and as Chinese characters, for whole-word and name search."""

    words: tuple[str, ...]
    han: str

    @classmethod
    def of(cls, text: str, to_simplified: Mapping[int, str]) -> SearchableText:
        """Read ``text``; ``to_simplified`` maps traditional characters to simplified ones."""
        text = normalise_whitespace(text)
        # Chinese between two Latin words must part them, not run them together.
        latin = _NOT_LATIN.sub(" ", text)
        return cls(tuple(latin_tokens(latin)), han_key(text, dict(to_simplified)))

    @cached_property
    def spans(self) -> frozenset[str]:
        """Every run of up to six consecutive words, run together as a name key is."""
        words = self.words
        return frozenset(
            "".join(words[start:end])
            for start in range(len(words))
            for end in range(start + 1, min(start + _LONGEST_NAME_WORDS, len(words)) + 1)
        )

    def has_phrase(self, phrase: str, to_simplified: Mapping[int, str]) -> bool:
        """Return whether the text holds ``phrase`` as whole words, or its Chinese characters."""
        if has_han(phrase):
            return han_key(phrase, dict(to_simplified)) in self.han
        wanted = tuple(latin_tokens(phrase))
        size = len(wanted)
        return size > 0 and any(
            self.words[i : i + size] == wanted for i in range(len(self.words) - size + 1)
        )


@dataclass(frozen=True)
class PlaceNames:
    """The names of one place: Latin keys ("stlouis") and Chinese names with their stems."""

    latin: frozenset[str]
    han: frozenset[str]

    def named_in(self, text: SearchableText) -> bool:
        """Return whether ``text`` names the place, allowing one typo in a long Latin name."""
        if any(name in text.han for name in self.han):
            return True
        if self.latin & text.spans:
            return True
        long_names = [name for name in self.latin if len(name) >= _FUZZY_MIN_LETTERS]
        return any(
            Levenshtein.distance(name, span, score_cutoff=1) <= 1
            for name in long_names
            for span in text.spans
            if abs(len(span) - len(name)) <= 1
        )


@dataclass(frozen=True)
class NameIndex:
    """The names of the places of a data directory, and the gazetteer's character table."""

    places: Mapping[str, PlaceNames]
    to_simplified: Mapping[int, str]

    def read(self, text: str) -> SearchableText:
        """Make ``text`` searchable with this index's character table."""
        return SearchableText.of(text, self.to_simplified)


def name_index(localities: Mapping[str, Locality], gazetteer: Gazetteer | None = None) -> NameIndex:
    """Collect every name of each locality from the table and the gazetteer.

    Parameters
    ----------
    localities
        The localities table, by id.
    gazetteer
        The offline gazetteer (default: the cached one).

    Returns
    -------
    NameIndex
        Latin names are the gazetteer's official names and curated aliases (its variant
        spellings include two-letter codes that would match ordinary words); Chinese names
        are all of its Chinese names, variants too (休斯敦 beside 休斯顿).
    """
    gazetteer = gazetteer or load_gazetteer()
    latin: dict[str, set[str]] = {
        lid: {latin_key(loc.name_en), latin_key(_THE.sub("", loc.name_en))}
        for lid, loc in localities.items()
    }
    han: dict[str, set[str]] = {
        lid: set(_han_forms([loc.name_zh])) for lid, loc in localities.items()
    }
    for key, entries in gazetteer.keys.items():
        for place_id, tier in entries:
            if place_id not in localities:
                continue
            if has_han(key):
                han[place_id].update(_han_forms([key]))
            elif tier == TIER_NAME:
                latin[place_id].add(key)
    places = {
        lid: PlaceNames(frozenset(latin[lid] - {""}), frozenset(han[lid])) for lid in localities
    }
    return NameIndex(places, gazetteer.to_simplified)


def _han_forms(names: Iterable[str | None]) -> Iterable[str]:
    """A Chinese name and its stem (镇江市, 镇江); a one-character stem would match anything."""
    for name in names:
        if name:
            yield name
            stem = zh_stem(name)[0]
            if len(stem) >= 2:
                yield stem
