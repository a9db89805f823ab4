"""Which countries besides China and the US a text names, and so reads places in: by name,
by a division's suffix or word or its full name, by a large city in its head, by an official's
title, by the two-country abbreviations Chinese writes, or by a demonym before a place's word."""

from __future__ import annotations

import re
from itertools import pairwise

import pycountry

from partnermap.geo.gazetteer import Gazetteer, han_key
from partnermap.geo.names import latin_key
from partnermap.ingest.address import url_spans
from partnermap.ingest.name_spans import FOREIGN
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
#: A name of two capitalised words or more ("Northern Ireland", "New South Wales"): only a
#: name that long names a division abroad by itself, for one word ("Northern", "Central") may
#: be any division's and any sentence's.
_EN_LONG_NAME = re.compile(r"[A-Z][\w-]+(?:\s+(?:of\s+)?[A-Z][\w-]+)+")
#: The one-character names Chinese gives a country in a pair ("中日友好城市", "中韩", "日中") and
#: a side ("日方城市", "韩方"). Characters that also begin other words with 中 or 方 ("中西部",
#: "西方", "土方", "以方便", "中巴" for Brazil or Pakistan) are left out.
_ZH_COUNTRY_CHAR = {
    "日": "JP",
    "韩": "KR",
    "俄": "RU",
    "德": "DE",
    "法": "FR",
    "英": "GB",
    "意": "IT",
    "澳": "AU",
    "加": "CA",
    "墨": "MX",
    "越": "VN",
    "泰": "TH",
    "蒙": "MN",
    "哈": "KZ",
    "荷": "NL",
    "葡": "PT",
    "希": "GR",
    "匈": "HU",
    "捷": "CZ",
    "波": "PL",
    "芬": "FI",
    "挪": "NO",
    "丹": "DK",
    "埃": "EG",
    "智": "CL",
    "秘": "PE",
    "柬": "KH",
    "缅": "MM",
    "菲": "PH",
}
_ZH_PAIR = re.compile(
    rf"(?:中(?P<after>[{''.join(_ZH_COUNTRY_CHAR)}])|(?P<before>[{''.join(_ZH_COUNTRY_CHAR)}])中)"
    r"(?=友好|友城|两国|双方|关系|合作|建交|城市|地方|省州|经贸|人文|青年|民间|交流|友谊|姊妹)"
    rf"|(?<![\u4e00-\u9fff])(?P<side>[{''.join(_ZH_COUNTRY_CHAR)}])方(?=城市|代表|省|州|市|县|政府)"
)
#: The countries of the demonyms written before a place's word ("the English town of Hitchin",
#: "a Japanese sister city", "the Turkish town of Anamur").
_DEMONYM_COUNTRY = {
    "English": "GB",
    "Scottish": "GB",
    "Welsh": "GB",
    "British": "GB",
    "Irish": "IE",
    "French": "FR",
    "German": "DE",
    "Italian": "IT",
    "Spanish": "ES",
    "Portuguese": "PT",
    "Dutch": "NL",
    "Belgian": "BE",
    "Swiss": "CH",
    "Austrian": "AT",
    "Czech": "CZ",
    "Polish": "PL",
    "Hungarian": "HU",
    "Swedish": "SE",
    "Norwegian": "NO",
    "Danish": "DK",
    "Finnish": "FI",
    "Greek": "GR",
    "Turkish": "TR",
    "Russian": "RU",
    "Ukrainian": "UA",
    "Japanese": "JP",
    "Korean": "KR",
    "Vietnamese": "VN",
    "Thai": "TH",
    "Mongolian": "MN",
    "Indian": "IN",
    "Australian": "AU",
    "Canadian": "CA",
    "Mexican": "MX",
    "Brazilian": "BR",
    "Argentine": "AR",
    "Chilean": "CL",
    "Peruvian": "PE",
    "Israeli": "IL",
    "Egyptian": "EG",
    "Kenyan": "KE",
    "Ghanaian": "GH",
    "Nigerian": "NG",
}
_DEMONYM = re.compile(
    rf"\b(?P<demonym>{'|'.join(_DEMONYM_COUNTRY)})\s+(?:(?:small|sister|partner|twin|port|"
    r"capital|coastal|historic|border)\s+)?(?:town|city|cities|village|municipality|prefecture|"
    r"province|region|state|county|district|borough)\b"
)
_EN_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
#: A page address's host and its last label ("https://www.jlgc.org.au/…": "au").
_HOST = re.compile(r"(?:https?://)?(?:[\w-]+\.)+(?P<tld>[a-z]{2})(?=[/:?#]|$)", re.I)
#: Country codes whose domains are sold as generic names, and one that differs from ISO's.
_GENERIC_TLDS = frozenset({"TV", "IO", "CO", "ME", "AI", "FM", "AM", "LY", "GG", "TO", "WS", "CC"})
_TLD_COUNTRY = {"UK": "GB"}
#: "the town of Bingen", "the City of Kutna Hora": a place's word before its name.
_TOWN_OF = re.compile(
    r"\b(?i:town|city|village|municipality|commune)\s+of\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+){0,2})"
)
#: A town that small may be any word's namesake.
_TOWN_POPULATION = 5_000
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


def countries_abbreviated(text: str) -> set[str]:
    """The countries ``text`` names by the one character Chinese gives each in a pair or a
    side ("中日友好城市", "韩中交流", "日方城市")."""
    return {
        _ZH_COUNTRY_CHAR[match.group("after") or match.group("before") or match.group("side")]
        for match in _ZH_PAIR.finditer(text)
    }


def countries_of_demonyms(text: str) -> set[str]:
    """The countries ``text`` names by a demonym before a place's word ("the English town
    of Hitchin", "a Japanese sister city")."""
    return {_DEMONYM_COUNTRY[match.group("demonym")] for match in _DEMONYM.finditer(text)}


def divisions_abroad(text: str, gazetteer: Gazetteer) -> set[str]:
    """The countries of the places abroad ``text`` names with a division's suffix
    ("安塔利亚省", "和歌山县", "Isabel Province"), or by a division's full English name of two
    words or more that only a division abroad has ("Northern Ireland"): the suffix or the name
    says the name is a place, so its country counts as named. A name the gazetteer also knows
    in China or the US names no country abroad."""
    countries: set[str] = set()
    for match in _EN_LONG_NAME.finditer(text):
        found = _local_abroad(latin_key(match.group()), gazetteer, ("province", "state"))
        if found:
            countries |= found
    for match in _EN_DIVISION.finditer(text):
        words = match.group("name").split()
        for length in range(len(words), 0, -1):
            found = _local_abroad(
                latin_key(" ".join(words[-length:])), gazetteer, ("province", "state")
            )
            if found is not None:
                countries |= found
                break
    seen: dict[str, set[str] | None] = {}

    def countries_of(name: str) -> set[str] | None:
        if name not in seen:
            seen[name] = _countries_of(name, gazetteer)
        return seen[name]

    for suffix in DIVISION_SUFFIX.finditer(text):
        for length in range(_DIVISION_STEM_MAX, 2, -1):
            start = max(0, suffix.start() - length)
            # The name with its suffix first: "昆士兰州" is Queensland, whatever "昆士兰" names.
            found = countries_of(text[start : suffix.end()]) or countries_of(
                text[start : suffix.start()]
            )
            if found is not None:
                countries |= found
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


def country_of_site(text: str) -> set[str]:
    """The country whose code ends the host of the page's address ("jlgc.org.au", "metro.ie"):
    a site of that country tells of its places. Codes sold as generic names (.tv, .io, .co)
    name none."""
    spans = url_spans(text)
    if not spans:
        return set()
    host = _HOST.match(text, spans[0][0], spans[0][1])
    if host is None:
        return set()
    code = host.group("tld").upper()
    code = _TLD_COUNTRY.get(code, code)
    if code in _GENERIC_TLDS or pycountry.countries.get(alpha_2=code) is None:
        return set()
    return {code}


def towns_abroad(text: str, gazetteer: Gazetteer) -> set[str]:
    """The countries of the places abroad ``text`` names as a town ("the town of Bingen", "the
    city of Kutna Hora") when China and the US have no town of that name: the word says the
    name is a place, so the country of its largest reading counts as named."""
    countries: set[str] = set()
    for match in _TOWN_OF.finditer(text):
        words = match.group("name").split()
        for length in range(len(words), 0, -1):
            if " ".join(words[:length]) in FOREIGN:
                break  # "the City of Asia": no town
            places = [
                gazetteer.places[place_id]
                for place_id, _ in gazetteer.lookup(latin_key(" ".join(words[:length])))
            ]
            towns = [p for p in places if p.level == "city" and p.population >= _TOWN_POPULATION]
            if towns:
                largest = max(towns, key=lambda p: p.population)
                if largest.country not in COUNTRIES and not any(
                    p.country in COUNTRIES for p in towns
                ):
                    countries.add(largest.country)
                break
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
    key: str, gazetteer: Gazetteer, levels: tuple[str, ...] = ("city", "province", "state")
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
