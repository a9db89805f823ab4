"""The spans of a text that name places: runs of capitalised English words and Chinese
words, kept when the gazetteer's name index knows them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from partnermap.geo.gazetteer import Gazetteer, han_key
from partnermap.geo.names import latin_key
from partnermap.ingest.place_mention import COUNTRIES, NAME_TIER, NOTABLE_POPULATION

_LISTED_POPULATION = 5_000
_MAX_WORDS = 5
_MAX_HAN_TOKENS = 3
#: Words that name nothing: a run of them is no place, whatever its case ("AND A" in a text
#: written in capitals is not Anda; "THE", "OF").
_FUNCTION_WORDS = re.compile(
    r"(?:\b(?:a|an|and|or|nor|but|the|of|in|on|at|to|for|by|with|from|as|is|are|be|its)\b\s*)+",
    re.I,
)
#: The capitals a name begins with, those with diacritics of names abroad too ("Ürümqi",
#: "İzmir", "Évora", "Łódź"): Latin-1's, and Latin Extended-A's (whose lower-case letters
#: begin no word of a name).
_CAPITALS = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
#: A run of capitalised words, within a line: a name never runs across a line break. Small
#: words may join them: "of", "the", and the particles of names abroad ("Rio de Janeiro", "Dar
#: es Salaam", "Bingen am Rhein", "Castellón de la Plana", "Newcastle upon Tyne").
_EN_RUN = re.compile(
    rf"[{_CAPITALS}][\w'’.\-]*(?:(?:(?:[^\S\n]+(?:of|the|de|da|do|dos|das|del|della|di|du|"
    r"des|la|le|les|es|el|al|am|an|der|den|van|von|upon|sur|en))*[^\S\n]+|,[^\S\n]*(?=D\.C\.))"
    rf"[{_CAPITALS}][\w'’.\-]*)*"
)
#: A part of a hyphenated name that may be a name of its own: "Riverside", not "U.S.".
_NAME_PART = re.compile(r"[A-Z][a-z][\w'’]*")
#: An official's title: the capitalised words after it name a person ("Consul General Akira
#: Chiba", "Lord Mayor Mairtin O Muilleoir").
_TITLE = re.compile(
    r"Mayor|Governor|Consul|General|Ambassador|President|Premier|Chairman|Chairwoman|Secretary|"
    r"Minister|Senator|Congressman|Congresswoman|Councillor|Councilman|Councilwoman|Cllr|"
    r"Commissioner|Director|Chancellor|Deputy|Vice|Lord"
)
#: "Washington DC", "Washington, D.C.": the city the District is (the geocoder reads it).
_DISTRICT = re.compile(r",?\s*D\.?C\.?$")
#: "California's", "Chicago’s": the place without the possessive.
_POSSESSIVE = re.compile(r"['’]s$")
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Madam|Mme)\.?\s")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Madam|Mme)\.?\s+$")
_PREPOSITION = re.compile(
    r"\b(?:in|at|from|to|near|visit(?:ed)?|(?:town|city|county|village|municipality)\s+of)\s+$",
    re.I,
)
_AND_AFTER_PLACE = re.compile(r"\band\s+$")
#: "Dublin, California": a state or province written right after a name locates it.
STATE_AFTER = re.compile(r",\s*[A-Z][a-z]+")
#: "Sunnyvale of California": a city told with the state it lies in (not "Temple of Justice").
OF_PLACE = re.compile(r"\s+of\s+(([A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)")
#: The state or country written after a name: "Vitoria-Gasteiz, Spain", "Marion, Iowa".
LARGER_AFTER = re.compile(r",\s*(([A-Z][a-z]{2,})(?:\s+[A-Z][a-z]+)?)")
#: A place's designation after its name: "Taishan City", "Guangrao County".
_DESIGNATION = re.compile(r"\s+(?:City|County|Province|Prefecture)$")
_DESIGNATION_AFTER = re.compile(r"[^\S\n]+(?:district|county|new area)\b")
#: "Yiwu city", "mayor of Qinzhou city": a Chinese town's designation in lower case.
_CITY_AFTER = re.compile(r"[^\S\n]+city\b")
_COUNTY_WORD = re.compile(r"\s(?:County|COUNTY)$")
_STOP_HAN = frozenset(
    {"合作", "和平", "太平", "友谊", "光明", "前进", "东方", "新华", "城关", "长安", "永安", "新城"}
)
#: Words that introduce a place in Chinese: "在银川举行", "赴贵阳", "来自武汉".
ZH_PREPOSITION = re.compile(r"(?:在|于|赴|到|抵达|访问|来自|前往)$")
_ADMIN_SUFFIXES = "市州县"
#: Cities and countries abroad that texts often name in passing: unless the text names their
#: country, they would otherwise be read as US towns of the same name (Paris, Texas).
FOREIGN = frozenset(
    [
        "Paris",
        "London",
        "Tokyo",
        "Berlin",
        "Moscow",
        "Rome",
        "Madrid",
        "Toronto",
        "Vancouver",
        "Sydney",
        "Seoul",
        "Copenhagen",
        "Geneva",
        "Vienna",
        "Kyoto",
        "Glasgow",
        "Dubai",
        "Lisbon",
        "Brussels",
        "Bonn",
        "Marrakech",
        "Lima",
        "Delhi",
        "Singapore",
        "Canada",
        "Mexico",
        "Japan",
        "Korea",
        "Europe",
        "Asia",
        "Africa",
        "巴黎",
        "伦敦",
        "东京",
        "柏林",
        "莫斯科",
        "罗马",
        "马德里",
        "多伦多",
        "温哥华",
        "悉尼",
        "首尔",
        "哥本哈根",
        "日内瓦",
        "维也纳",
        "京都",
        "格拉斯哥",
        "迪拜",
        "里斯本",
        "布鲁塞尔",
        "波恩",
        "新加坡",
        "加拿大",
        "墨西哥",
        "日本",
        "韩国",
        "欧洲",
        "亚洲",
        "非洲",
    ]
)


def place_spans(
    text: str, tokens: list[tuple[str, int, int, str]], gazetteer: Gazetteer, lookup: MemoLookup
) -> list[tuple[int, int, int]]:
    """The spans of ``text`` that name places the lookup admits, in order, without overlaps."""
    spans = sorted(
        [
            *_english_spans(text, gazetteer, lookup),
            *_chinese_spans(text, tokens, gazetteer, lookup),
        ],
        key=lambda span: (span[0], -span[1]),
    )
    return _without_overlaps(spans)


class MemoLookup:
    """The gazetteer's name index, each key looked up once (a long text repeats its names):
    the places of ``countries``, and every country."""

    def __init__(self, gazetteer: Gazetteer, countries: frozenset[str]) -> None:
        self._gazetteer = gazetteer
        self._countries = countries
        self._hits: dict[str, tuple[tuple[str, int], ...]] = {}

    def __call__(self, key: str) -> tuple[tuple[str, int], ...]:
        if key not in self._hits:
            places = self._gazetteer.places
            self._hits[key] = tuple(
                (place_id, tier)
                for place_id, tier in self._gazetteer.lookup(key)
                if (place := places[place_id]).country in self._countries
                or place.level == "country"
            )
        return self._hits[key]

    def abroad(self, key: str) -> bool:
        """Whether ``key`` names a place of a country the text names besides China and the US."""
        places = self._gazetteer.places
        return any(places[place_id].country not in COUNTRIES for place_id, _ in self(key))


def _english_spans(
    text: str, gazetteer: Gazetteer, lookup: MemoLookup
) -> Iterator[tuple[int, int, int]]:
    for run in _EN_RUN.finditer(text):
        if _HONORIFIC.match(run.group()) or _HONORIFIC_BEFORE.search(
            text, max(0, run.start() - 6), run.start()
        ):
            continue  # "Mr. Liu Jianyang": a person, whatever places the names spell
        words = _run_words(run.group(), run.start(), lookup)
        i = 0
        while i < len(words):
            if _TITLE.fullmatch(text, *words[i]) and i + 1 < len(words):
                # "Consul General Akira Chiba": the names after an official's title, up to
                # "of" ("Governor Brown of California"), are a person's.
                i += 1
                while i < len(words) and text[slice(*words[i])] not in ("of", "the"):
                    i += 1
                continue
            for j in range(min(len(words), i + _MAX_WORDS), i, -1):
                start, end = words[i][0], words[j - 1][1]
                name = _POSSESSIVE.sub("", text[start:end].rstrip(".,'’"))
                end = start + len(name)
                tier = _english_tier(name, text, start, end, gazetteer, lookup)
                if tier is not None:
                    yield start, _city_word_end(name, text, end, gazetteer, lookup), tier
                    i = j
                    break
            else:
                i += 1


def _run_words(run: str, offset: int, lookup: MemoLookup) -> list[tuple[int, int]]:
    """The spans of a capitalised run's words; a word of capitalised parts joined by hyphens
    that names no place whole ("Riverside-Sendai", not "Sekondi-Takoradi") is its parts; not
    an abbreviation's ("U.S.-China", which names both countries at once)."""
    words = []
    for word in re.finditer(r"[^\s,]+(?:,?\s*D\.?C\.?(?!\w))?", run):
        parts = list(re.finditer(r"[^-]+", word.group()))
        whole = _POSSESSIVE.sub("", word.group().rstrip(".,'’"))
        named = len(parts) > 1 and all(_NAME_PART.fullmatch(p.group()) for p in parts[:-1])
        if named and _NAME_PART.match(parts[-1].group()) and not lookup(latin_key(whole)):
            base = offset + word.start()
            words.extend((base + p.start(), base + p.end()) for p in parts)
        else:
            words.append((offset + word.start(), offset + word.end()))
    return words


def _english_tier(
    name: str, text: str, start: int, end: int, gazetteer: Gazetteer, lookup: MemoLookup
) -> int | None:
    """The best tier under which a capitalised run names a place worth a mention, or None."""
    if _FUNCTION_WORDS.fullmatch(name) or len(name) < 3 or name == "U.S":
        return None
    if name in FOREIGN and not lookup.abroad(latin_key(name)):
        return None
    hits = lookup(latin_key(_DISTRICT.sub("", name)))
    designated = False
    if not hits and (bare := _DESIGNATION.sub("", name)) != name:
        # "the Taishan City of the People's Republic of China": the word says it is a place.
        hits, designated = lookup(latin_key(bare)), True
    # "Futian district of Shenzhen", "Yiwu city": a designation in lower case after the name.
    designated = (
        designated
        or bool(_DESIGNATION_AFTER.match(text, end))
        or _city_word_end(name, text, end, gazetteer, lookup) > end
    )
    introduced = (
        designated
        or bool(_PREPOSITION.search(text[max(0, start - 12) : start]))
        or bool(STATE_AFTER.match(text, end))
    )
    floor = _LISTED_POPULATION if introduced else NOTABLE_POPULATION
    of_place = OF_PLACE.match(text, end, end + 40)
    # "Sunnyvale of California", "Vitoria-Gasteiz, Spain": the larger place it lies in.
    larger = of_place or LARGER_AFTER.match(text, end, end + 40)
    within = {
        place_id
        for name in (larger.groups() if larger else ())
        if name
        for place_id, _ in lookup(latin_key(name))
    }
    listed = introduced or bool(_AND_AFTER_PLACE.search(text[max(0, start - 5) : start]))
    tiers = [
        tier
        for place_id, tier in hits
        # A variant spelling counts where the text names the state it lies in.
        if tier == NAME_TIER
        or "." in name
        or not within.isdisjoint(gazetteer.places[place_id].parents)
        if (place := gazetteer.places[place_id]).level in ("country", "state", "province")
        or (place.level == "county" and place.country == "CN" and (listed or " " in name))
        # "San Bernardino County Board of Supervisors": a county named with its word.
        or (place.level == "county" and _COUNTY_WORD.search(name) is not None)
        or (place.level == "city" and place.country == "CN")
        or (place.level == "city" and place.population >= floor)
        or (place.level == "city" and place.country not in COUNTRIES and introduced)
        or (place.level in ("city", "county") and not within.isdisjoint(place.parents))
    ]
    return min(tiers) if tiers else None


def _city_word_end(name: str, text: str, end: int, gazetteer: Gazetteer, lookup: MemoLookup) -> int:
    """Where a Chinese town's name ends with the word "city" written in lower case after it
    ("Yiwu city"), so the geocoder reads it as "Yiwu City": the county-level city, not the
    county of the same sound (伊吾县). A country's or division's name ("the central China
    city") ends where it did."""
    after = _CITY_AFTER.match(text, end)
    if after is None:
        return end
    places = [gazetteer.places[place_id] for place_id, _ in lookup(latin_key(name))]
    towns = [p for p in places if p.level in ("city", "county")]
    if towns and len(towns) == len(places) and any(p.country == "CN" for p in towns):
        return after.end()
    return end


def _chinese_spans(
    text: str, tokens: list[tuple[str, int, int, str]], gazetteer: Gazetteer, lookup: MemoLookup
) -> Iterator[tuple[int, int, int]]:
    keys: dict[str, str] = {}

    def key(name: str) -> str:
        if name not in keys:
            keys[name] = han_key(name, gazetteer.to_simplified)
        return keys[name]

    i = 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + _MAX_HAN_TOKENS), i, -1):
            start, end = tokens[i][1], tokens[j - 1][2]
            name = text[start:end]
            if not (len(key(name)) == len(name) >= 2):
                continue
            if name in _STOP_HAN or (name in FOREIGN and not lookup.abroad(key(name))):
                continue
            hits = lookup(key(name))
            stem = name
            if not hits and len(name) >= 3 and name[-1] in _ADMIN_SUFFIXES:
                # "圣迭戈市", "康提市": the index may know a foreign city only without the suffix.
                stem = name[:-1]
                hits = lookup(key(stem))
            if not hits:
                continue
            short = len(stem) == 2 and not _short_han_name(hits, tokens[i:j], gazetteer)
            introduced = ZH_PREPOSITION.search(text, max(0, start - 2), start) and any(
                tier == NAME_TIER for _, tier in hits
            )
            before = tokens[i - 1][0] if i else ""
            if short and not introduced and not _after_its_country(hits, before, key, lookup):
                continue
            yield start, end, min(tier for _, tier in hits)
            i = j
            break
        else:
            i += 1


def _short_han_name(
    hits: tuple[tuple[str, int], ...],
    tokens: list[tuple[str, int, int, str]],
    gazetteer: Gazetteer,
) -> bool:
    """Whether a two-character word is a place name: an official name (not a variant), and
    either a province, state or country, or a word jieba tags as a place or person name."""
    single_place_word = len(tokens) == 1 and tokens[0][3] == "ns"
    if all(tier != NAME_TIER for _, tier in hits):
        # A variant name jieba knows as a place (费城, Philadelphia) of a large city.
        big = any(gazetteer.places[p].population >= NOTABLE_POPULATION for p, _ in hits)
        return single_place_word and big
    broad = any(gazetteer.places[p].level in ("country", "province", "state") for p, _ in hits)
    return broad or (len(tokens) == 1 and tokens[0][3] in ("ns", "nr", "nrt"))


def _after_its_country(
    hits: tuple[tuple[str, int], ...], before: str, key, lookup: MemoLookup
) -> bool:
    """Whether a short name follows the name of a country it has a place in ("老挝巴色市")."""
    if len(before) < 2:
        return False
    countries = {place_id for place_id, tier in lookup(key(before)) if "." not in place_id}
    places = lookup._gazetteer.places
    return any(places[place_id].country in countries for place_id, _ in hits)


def _without_overlaps(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    kept: list[tuple[int, int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept
