"""Which countries besides China and the US a text names, and so reads places in: by name,
by a division's suffix or word, by a large city in its head, by an official's title."""

from __future__ import annotations

import re
from itertools import pairwise

from partnermap.geo.gazetteer import Gazetteer, han_key
from partnermap.geo.names import latin_key
from partnermap.ingest.place_mention import COUNTRIES, HAN, NAME_TIER, NOTABLE_POPULATION

#: A page's head: the lines, each at most this long, before its first sentence.
_HEAD_LINE_MAX = 120
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
#: The suffixes of a first-level division abroad in Chinese: a province, a Japanese
#: prefecture, a state, a Kenyan county.
DIVISION_SUFFIX = re.compile(r"[省县縣州郡]")
_DIVISION_STEM_MAX = 5
#: The same in English: "Isabel Province", "Gyeonggi Province".
_EN_DIVISION = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+(?:Province|Prefecture|Oblast|Governorate)\b"
)
#: An official's title right after a place's name ("台北市长", "首尔市副市长", "知事"): the
#: name is a local government's place.
_ZH_OFFICIAL = re.compile(
    r"(?:市|省|州|县|縣|都|府)?副?(?:市长|市長|省长|省長|州长|州長|县长|縣長|知事)(?![宁寧春沙江城安])"
)
_OFFICIAL_STEM_MAX = 5
_EN_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
#: A city abroad this large, a hundred times larger than any namesake, is the one an official's
#: title or a government's name means (see :func:`_local_abroad`).
_METROPOLIS = 1_000_000
#: The same in English: "Mayor of Taipei", "Taipei Mayor Ko Wen-je", "Governor of Gyeonggi",
#: and a local government named as a body ("the Delhi Government", "Fukuoka Prefectural
#: Government", "Government of Kerala").
_EN_OFFICIAL = re.compile(
    rf"\b(?:Mayor|Governor|(?:State\s+|Provincial\s+|Municipal\s+)?Government)\s+of\s+"
    rf"(?:the\s+)?(?:City\s+of\s+)?(?P<after>{_EN_NAME})"
    rf"|(?P<before>{_EN_NAME})(?:\s+City)?\s+(?:(?:Deputy\s+|Vice\s+)?(?:Mayor|Governor)|"
    r"(?:Municipal\s+|Provincial\s+|Prefectural\s+|Metropolitan\s+|State\s+)?Government)\b"
)


def countries_named(text: str, spans: list[tuple[int, int, int]], gazetteer: Gazetteer) -> set[str]:
    """The countries whose names are among ``spans`` ("新西兰", "Australia", "South Korea")."""
    named = set()
    for start, end, _ in spans:
        name = text[start:end]
        key = (
            han_key(name, gazetteer.to_simplified)
            if re.search(r"[\u3400-\u9fff]", name)
            else latin_key(name)
        )
        named |= {
            place_id
            for place_id, tier in gazetteer.lookup(key)
            if tier == NAME_TIER and gazetteer.places[place_id].level == "country"
        }
    return named


def divisions_abroad(text: str, gazetteer: Gazetteer) -> set[str]:
    """The countries of the places abroad ``text`` names with a division's suffix
    ("安塔利亚省", "和歌山县", "Isabel Province"): the suffix says the name is a place, so its
    country counts as named. A name the gazetteer also knows in China or the US names no
    country abroad."""
    countries: set[str] = set()
    for match in _EN_DIVISION.finditer(text):
        words = match.group("name").split()
        for length in range(len(words), 0, -1):
            found = _local_abroad(latin_key(" ".join(words[-length:])), gazetteer, ("province",))
            if found is not None:
                countries |= found
                break
    seen: dict[str, set[str] | None] = {}
    for suffix in DIVISION_SUFFIX.finditer(text):
        for length in range(_DIVISION_STEM_MAX, 2, -1):
            stem = text[max(0, suffix.start() - length) : suffix.start()]
            if stem not in seen:
                seen[stem] = _countries_of(stem, gazetteer)
            if seen[stem] is not None:
                countries |= seen[stem]
                break
    return countries


def cities_abroad_in_head(text: str, gazetteer: Gazetteer) -> set[str]:
    """The countries of the large cities abroad a page's head names ("Piraeus – China
    relationships are strengthened"): a headline names the story's parties, so a name whose
    only reading is a city abroad of at least ``NOTABLE_POPULATION`` counts as named with
    its country. The head is the short lines before the first sentence."""
    countries: set[str] = set()
    for line in text.splitlines():
        body = line.strip()
        if len(body) > _HEAD_LINE_MAX or body.endswith((".", "。", "!", "?", "！", "？")):
            break
        words = _CAPITALISED.findall(body)
        for name in words + [" ".join(pair) for pair in pairwise(words)]:
            readings = [
                gazetteer.places[place_id] for place_id, _ in gazetteer.lookup(latin_key(name))
            ]
            if (
                len(readings) == 1
                and readings[0].level == "city"
                and readings[0].country not in COUNTRIES
                and readings[0].population >= NOTABLE_POPULATION
            ):
                countries.add(readings[0].country)
    return countries


def officials_abroad(text: str, gazetteer: Gazetteer) -> set[str]:
    """The countries of the places abroad ``text`` names as an official's ("台北市长",
    "Mayor of Taipei"): the title says the name is a local government's place, so its country
    counts as named. A name the gazetteer also knows in China or the US names no country
    abroad."""
    countries: set[str] = set()
    seen: dict[str, set[str] | None] = {}
    for title in _ZH_OFFICIAL.finditer(text):
        for length in range(_OFFICIAL_STEM_MAX, 1, -1):
            stem = text[max(0, title.start() - length) : title.start()]
            if stem not in seen:
                seen[stem] = _local_abroad(han_key(stem, gazetteer.to_simplified), gazetteer)
            if seen[stem] is not None and HAN.fullmatch(stem[0]):
                countries |= seen[stem]
                break
    for title in _EN_OFFICIAL.finditer(text):
        words = (title.group("after") or title.group("before")).split()
        for length in range(len(words), 0, -1):
            name = " ".join(words[:length] if title.group("after") else words[-length:])
            found = _local_abroad(latin_key(name), gazetteer)
            if found is not None:
                countries |= found
                break
    return countries


def _local_abroad(
    key: str, gazetteer: Gazetteer, levels: tuple[str, ...] = ("city", "province")
) -> set[str] | None:
    """The countries of the places of ``levels`` whose name is ``key`` (empty when one is in
    China or the US), or None when none is."""
    places = [gazetteer.places[place_id] for place_id, _ in gazetteer.lookup(key)]
    places = [p for p in places if p.level in levels]
    if not places:
        return None
    largest = max(places, key=lambda p: p.population or 0)
    if largest.country not in COUNTRIES and (largest.population or 0) >= _METROPOLIS:
        # "Delhi Government": a metropolis abroad, not a town at home a hundred times smaller.
        home = [p for p in places if p.country in COUNTRIES]
        if all((p.population or 0) * 100 <= largest.population for p in home):
            return {largest.country}
    if any(p.country in COUNTRIES for p in places):
        return set()
    return {p.country for p in places}


def _countries_of(stem: str, gazetteer: Gazetteer) -> set[str] | None:
    """The countries of the cities and provinces named ``stem``, a Chinese name of three
    characters or more (``_local_abroad``); None for a shorter or mixed stem."""
    if len(stem) < 3 or not re.fullmatch(r"[\u3400-\u9fff]+", stem):
        return None
    return _local_abroad(han_key(stem, gazetteer.to_simplified), gazetteer)
