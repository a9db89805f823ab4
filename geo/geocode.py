"""Offline bilingual geocoding: a place name as agreements write it -> a gazetteer place.

>>> geocode("Zhenjiang Municipal People's Government").match.id  # doctest: +SKIP
'geonames:1784642'

A query is read in three steps. The text is cleaned and split into the name itself and its
qualifiers ("Des Moines, Iowa", "Putuo District (Shanghai)"). The name is looked up whole,
else as the longest gazetteer name inside it ("State Government of California"), noting the
level its words imply (County, 省, State of ...). The candidates are then narrowed by the
context (country hint, qualifiers, implied level, the other places of the record) and ranked
by name tier, level and population; close runners-up make the result ``ambiguous``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from partnermap.geo.gazetteer import TIER_NAME, Gazetteer, Place, han_key, load_gazetteer
from partnermap.geo.names import (
    MAX_QUERY_LENGTH,
    clean,
    division_stem,
    has_han,
    has_latin,
    latin_tokens,
    zh_stem,
)
from partnermap.geo.sounds import MIN_KEY, chinese_sound

#: English words that state a level, and whether they insist on it (strong) or only lean.
_LEVEL_WORDS: dict[str, tuple[str, bool]] = {
    "city": ("city", False),
    "municipal": ("city", False),
    "prefecture": ("city", False),
    "shi": ("city", False),
    # A municipality (直辖市) is province-level; other cities fall back to their own level.
    "municipality": ("province", False),
    "province": ("province", True),
    "oblast": ("province", True),
    "region": ("province", False),
    "provincial": ("province", True),
    "sheng": ("province", True),
    "state": ("state", True),
    "commonwealth": ("state", True),
    "county": ("county", True),
    "district": ("county", True),
    "borough": ("county", True),
    "country": ("country", True),
}
#: Words between a level word and the name it governs: "State Government of California".
_LINK_WORDS = frozenset({"of", "the", "government", "peoples", "people"})
#: Chinese name endings and the level they imply, longest first.
_ZH_LEVELS: tuple[tuple[str, str, bool], ...] = (
    ("特别行政区", "province", True),
    ("自治区", "province", True),
    ("自治州", "city", False),
    # A prefecture (喀什地区, 阿里地区), not a district.
    ("地区", "city", False),
    ("省", "province", True),
    ("县", "county", True),
    ("区", "county", True),
    ("旗", "county", True),
    ("市", "city", False),
)
_ZH_COUNTRIES = ("中华人民共和国", "美利坚合众国", "中国", "美国")
_LEVEL_RANK = {"country": 4, "province": 3, "state": 3, "city": 2, "county": 1}
#: A runner-up at least 1/8 of the best one's population makes a same-level name ambiguous
#: (Des Moines, Iowa is 6.9 times Des Moines, Washington; Boston, Georgia is 1/500 of Boston).
_CLOSE_POPULATION = 8
#: A city this large competes with a state or province of the same name (Washington, D.C.).
_MAJOR_CITY = 500_000
_MAX_SPAN = 6
_MAX_ZH_KEY = 12
_MAX_LISTED = 5
#: A variant name counts as a name when its place is this many times the largest so named.
_DWARFS = 100
#: A dash with space around it between two names: "Suzhou – Wujiang", "Wuxi - Binhu".
_ZH_BRACKETS = re.compile(r"[（(【\[]([^）)】\]]*)[）)】\]]")
_CITY_DASH_DISTRICT = re.compile(r"\s+[-–—]\s+")


@dataclass(frozen=True)
class Context:
    """What is known around a name, used to decide between places of the same name.

    Attributes
    ----------
    country
        An ISO 3166-1 alpha-2 code ("CN", "IE"): only places in that country match.
    level
        The level the caller expects ("city", "county", "province", "state", "country").
    within
        Names or ids of units the place lies in ("Iowa", "cn:320000").
    nearby
        Names or ids of the other places of the same record: a candidate inside one of
        their provinces, states or cities is preferred.
    """

    country: str | None = None
    level: str | None = None
    within: tuple[str, ...] = ()
    nearby: tuple[str, ...] = ()


@dataclass(frozen=True)
class GeocodeResult:
    """The answer for one name: the place, whether it was a close call, and what else fits."""

    query: str
    match: Place | None
    ambiguous: bool = False
    alternatives: tuple[Place, ...] = ()
    suggestions: tuple[Place, ...] = ()
    note: str | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form printed by ``partnermap geocode --json``."""
        return {
            "query": self.query,
            "match": place_dict(self.match) if self.match else None,
            "ambiguous": self.ambiguous,
            "alternatives": [place_dict(place) for place in self.alternatives],
            "suggestions": [place_dict(place) for place in self.suggestions],
            "note": self.note,
            "error": self.error,
        }


def place_dict(place: Place) -> dict[str, Any]:
    """Return the public fields of a place, as in the localities table, and its population."""
    return {
        "id": place.id,
        "name_en": place.name_en,
        "name_zh": place.name_zh,
        "level": place.level,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "population": place.population,
    }


@dataclass
class _Reading:
    """One way to read a query: the key to look up and what its words add."""

    key: str
    level: str | None = None
    strong: bool = False
    within: list[str] = field(default_factory=list)
    #: A bare Chinese name: a country's capital outranks a division of the same name (华盛顿 is
    #: Washington, D.C.; the state is 华盛顿州).
    capital_first: bool = False


def geocode(
    name: str, context: Context | None = None, gazetteer: Gazetteer | None = None
) -> GeocodeResult:
    """Find the place a name means.

    Parameters
    ----------
    name
        A place name in English or Chinese (simplified or traditional), bare or as a party
        to an agreement: "镇江", "Zhenjiang Municipal People's Government", "Des Moines, Iowa".
    context
        Hints for ambiguous names (see :class:`Context`).
    gazetteer
        The index to search (default: the cached one from :func:`load_gazetteer`).

    Returns
    -------
    GeocodeResult
        ``match`` is None when nothing fits (then ``suggestions`` holds close names) or the
        input is not a name (then ``error`` says why). Never raises on any string.
    """
    context = context or Context()
    gazetteer = gazetteer or load_gazetteer()
    if not isinstance(name, str):
        return GeocodeResult(query=repr(name), match=None, error="the query is not text")
    if len(name) > MAX_QUERY_LENGTH:
        return GeocodeResult(
            query=name[:80] + "…",
            match=None,
            error=f"the query is {len(name)} characters long; a place name has at most {MAX_QUERY_LENGTH}",
        )
    text = clean(name)
    if not (has_han(text) or has_latin(text)):
        return GeocodeResult(
            query=name, match=None, error="the query holds no letters or Chinese characters"
        )
    return _geocode(name, text, context, gazetteer)


def geocode_many(
    names: Iterable[str],
    context: Context | None = None,
    *,
    same_record: bool = False,
    gazetteer: Gazetteer | None = None,
) -> list[GeocodeResult]:
    """Geocode several names, in order.

    Parameters
    ----------
    names
        The names to look up.
    context
        Hints applied to every name.
    same_record
        The names are the places of one record: each is decided with the others as
        ``nearby`` context ("Taizhou" next to "Jiangsu" is Taizhou, Jiangsu).
    gazetteer
        The index to search (default: the cached one).

    Returns
    -------
    list[GeocodeResult]
        One result per name, in the order given.
    """
    names = list(names)
    context = context or Context()
    gazetteer = gazetteer or load_gazetteer()
    results = []
    for index, name in enumerate(names):
        own = context
        if same_record:
            others = tuple(n for i, n in enumerate(names) if i != index and isinstance(n, str))
            own = Context(context.country, context.level, context.within, context.nearby + others)
        results.append(geocode(name, own, gazetteer))
    return results


def _geocode(query: str, text: str, context: Context, gazetteer: Gazetteer) -> GeocodeResult:
    readings = _readings(text, gazetteer)
    found: dict[str, tuple[Place, int, int]] = {}  # id -> (place, tier, readings agreeing)
    level, strong, within = context.level, context.level is not None, list(context.within)
    for reading in readings:
        for place_id, tier in gazetteer.lookup(reading.key):
            place = gazetteer.places[place_id]
            best = found.get(place_id)
            agree = (best[2] + 1) if best else 1
            found[place_id] = (place, min(tier, best[1]) if best else tier, agree)
        if reading.level and not strong:
            level, strong = reading.level, reading.strong
        within += reading.within
    notes: list[str] = []
    candidates = _promote_large_variants(list(found.values()))
    capital_first = any(r.capital_first for r in readings) and not any(
        c[0].level == "country" for c in candidates
    )
    if not candidates:
        return _not_found(query, text, context, gazetteer, notes)

    if context.country:
        candidates = [c for c in candidates if c[0].country == context.country]
        if not candidates:
            notes.append(f"no place of this name in {context.country}")
            return _not_found(query, text, context, gazetteer, notes, list(found.values()))
    for qualifier in within:
        inside = _qualifier_ids(qualifier, gazetteer)
        if not inside:
            notes.append(f"ignored the qualifier {qualifier!r}: it names no place")
            continue
        kept = [c for c in candidates if (inside - {qualifier}) & {c[0].id, *c[0].parents}]
        if not kept:  # "CA" is California before it is Canada
            kept = [c for c in candidates if inside & {c[0].id, *c[0].parents}]
        if not kept:
            # A named country or state is never dropped: a place elsewhere is not the answer.
            notes.append(f"no place of this name lies in {qualifier!r}")
            return _not_found(query, text, context, gazetteer, notes, candidates)
        candidates = kept
    if level and strong:
        kept = [c for c in candidates if _fits(c[0], level)]
        if not kept:
            notes.append(f"no {level} of this name in the gazetteer")
            return _not_found(query, text, context, gazetteer, notes, candidates)
        candidates = kept
    if level not in ("province", "state"):
        candidates = _without_capital_divisions(candidates)
    named, beside = _nearby_ids(context.nearby, gazetteer)

    def rank(entry: tuple[Place, int, int]) -> tuple:
        place, tier, agree = entry
        inside = bool(named & {place.id, *place.parents}) or place.id in beside
        region = place.level in ("country", "province", "state")
        return (
            -agree,
            -inside,
            tier,
            -_fits(place, level),
            -(capital_first and place.id in gazetteer.capitals),
            -bool(beside & set(place.parents)),
            -region,
            -place.population,
            -_LEVEL_RANK[place.level],
        )

    candidates.sort(key=rank)
    best = candidates[0][0]
    chosen_level_by_text = level is not None
    if best.twin and level != "province":
        twin = gazetteer.places[best.twin]
        if best.level == "province":
            best = twin
    if best.twin:
        other = gazetteer.places[best.twin]
        how = "as the text says" if chosen_level_by_text and level == best.level else "by default"
        notes.append(
            f"{best.name_en} is a municipality: read as the {best.level} {how}; "
            f"the {other.level}-level entry is {other.id}"
        )
    ambiguous = _is_close_call(best, candidates, rank, gazetteer) or _borrowed(
        best, candidates, readings, gazetteer
    )
    others = tuple(c[0] for c in candidates if c[0].id != best.id)[:_MAX_LISTED]
    return GeocodeResult(
        query=query,
        match=best,
        ambiguous=ambiguous,
        alternatives=others,
        note="; ".join(notes) or None,
    )


def _promote_large_variants(candidates: list) -> list:
    """Rank a large place's variant name as a name when every place so named is tiny.

    "Bombay" is a variant of Mumbai and the name of a hamlet in New Zealand; "Henan" is the
    name of a province and an old variant of Hengyang, which stays a variant.
    """
    named = max((c[0].population for c in candidates if c[1] == TIER_NAME), default=0)
    return [
        (place, TIER_NAME, agree)
        if tier != TIER_NAME
        and place.population >= _MAJOR_CITY
        and place.population >= _DWARFS * named
        else (place, tier, agree)
        for place, tier, agree in candidates
    ]


def _fits(place: Place, level: str | None) -> bool:
    """Whether a place is of the level a name's words state: a state or province abroad is a
    division either way, also when written as a county (和歌山县, a Japanese prefecture), and
    a county-level city (台山市, "Taishan City") is a city."""
    if level is None:
        return False
    if place.level == level or {place.level, level} <= {"province", "state"}:
        return True
    if level == "county" and place.id.startswith("adm1:"):
        return True
    return level == "city" and place.level == "county" and (place.name_zh or "").endswith("市")


def _without_capital_divisions(candidates: list) -> list:
    """Drop a first-level division abroad (``adm1:``) named like a city that outweighs it.

    Tokyo, Seoul, Kyiv and Lima name a city and a division around or beside it; a table that
    means the division says so ("Tokyo Metropolis", level province). The city wins when it
    lies inside the division or has at least half its population. Chinese and US units keep
    their own rules (municipalities, states).
    """
    cities = [c[0] for c in candidates if c[0].level == "city"]

    def outweighed(division: Place) -> bool:
        return any(
            division.id in city.parents
            or (city.country == division.country and 2 * city.population >= division.population)
            for city in cities
        )

    kept = [c for c in candidates if not (c[0].id.startswith("adm1:") and outweighed(c[0]))]
    return kept or candidates


def _is_close_call(best: Place, ranked: list, rank, gazetteer: Gazetteer) -> bool:
    """Whether a runner-up is as good a reading of the name as ``best``."""
    top = next(entry for entry in ranked if entry[0].id == best.id)
    for entry in ranked:
        place, tier = entry[0], entry[1]
        if place.id in (best.id, best.twin):
            continue
        if rank(entry)[:2] != rank(top)[:2] or tier > top[1] or rank(entry)[3:6] > rank(top)[3:6]:
            return False
        if place.level == best.level:
            return place.population * _CLOSE_POPULATION >= best.population
        city = place if place.level == "city" else best if best.level == "city" else None
        region = {place.level, best.level} & {"province", "state"}
        return bool(city and region and city.population >= _MAJOR_CITY)
    return False


def _borrowed(best: Place, ranked: list, readings: list[_Reading], gazetteer: Gazetteer) -> bool:
    """Whether ``best`` was found by its historical name while another place bears that name as
    its own: "Canton" is Guangzhou's old name and Canton, Ohio's name."""
    for reading in readings:
        old = gazetteer.historical.get(reading.key, frozenset())
        if {best.id, best.twin} & old:
            return any(tier == TIER_NAME and place.id not in old for place, tier, _ in ranked)
    return False


def _not_found(
    query: str,
    text: str,
    context: Context,
    gazetteer: Gazetteer,
    notes: list[str],
    near_misses: Sequence[tuple[Place, int, int]] = (),
) -> GeocodeResult:
    if near_misses:
        spelled = tuple(entry[0] for entry in near_misses)
    else:
        spelled = _suggest(text, context, gazetteer)
    # A transcription's sound-alikes first: a name only spelled like it is more often chance.
    places = {p.id: p for p in (*sounding_like(text, context, gazetteer), *spelled)}
    suggestions = tuple(places.values())[:_MAX_LISTED]
    return GeocodeResult(
        query=query,
        match=None,
        suggestions=suggestions,
        note="; ".join(notes) or None,
    )


def _suggest(text: str, context: Context, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Places whose official names are spelled close to the query ("did you mean")."""
    keys = [r.key for r in _readings(text, gazetteer, exact_only=True) if r.key]
    places: dict[str, Place] = {}
    for key in keys:
        for found, _score, _index in process.extract(
            key, _suggestion_pool(gazetteer, key[0]), scorer=fuzz.ratio, limit=20, score_cutoff=75
        ):
            entries = [
                gazetteer.places[i] for i, tier in gazetteer.lookup(found) if tier == TIER_NAME
            ]
            for place in sorted(entries, key=lambda p: (-_LEVEL_RANK[p.level], -p.population)):
                if not context.country or place.country == context.country:
                    places.setdefault(place.id, place)
    return tuple(places.values())[:_MAX_LISTED]


def sounding_like(name: str, context: Context, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Places of the context's country whose English name a Chinese name may transcribe.

    "帕索丰杜" in Brazil sounds like Passo Fundo (``partnermap.geo.sounds``). Only for a
    country outside China, and a name of ``sounds.MIN_KEY`` consonant sounds or more.

    Parameters
    ----------
    name
        A Chinese name, with or without its administrative suffix.
    context
        ``country`` is required; places inside ``within`` come first.
    gazetteer
        The index to search (default: the cached one).

    Returns
    -------
    list of Place
        Those inside ``within`` first, then the most populous first.
    """
    gazetteer = gazetteer or load_gazetteer()
    text = clean(name)
    if not context.country or not has_han(text) or has_latin(text):
        return []
    key = chinese_sound(zh_stem(text)[0])
    if len(key) < MIN_KEY:
        return []
    found = [gazetteer.places[i] for i in gazetteer.sounds.get(f"{context.country}:{key}", ())]
    within = {i for unit in context.within for i in _qualifier_ids(unit, gazetteer)}
    return sorted(found, key=lambda place: (not within & set(place.parents), -place.population))


_POOLS: dict[int, tuple[Gazetteer, dict[str, tuple[str, ...]]]] = {}


def _suggestion_pool(gazetteer: Gazetteer, first: str) -> tuple[str, ...]:
    """The suggestion keys that start like the query: a fuzzy scan of all 200,000 keys of the
    world index takes 40 ms a name; a misspelt first letter is the rarer typo."""
    held = _POOLS.get(id(gazetteer))
    if held is None or held[0] is not gazetteer:
        grouped: dict[str, list[str]] = {}
        for key in gazetteer.suggestion_keys:
            grouped.setdefault(key[0], []).append(key)
        held = _POOLS[id(gazetteer)] = (gazetteer, {k: tuple(v) for k, v in grouped.items()})
    return held[1].get(first, ())


def _qualifier_ids(qualifier: str, gazetteer: Gazetteer) -> set[str]:
    """Ids of every place a qualifier can name ("Taizhou" names both Taizhous)."""
    if qualifier in gazetteer.places and len(qualifier) > 2:
        return {qualifier}
    # A two-letter qualifier is a country code and often a state's too ("MD", "CA").
    ids: set[str] = {qualifier} if qualifier in gazetteer.places else set()
    for reading in _readings(clean(qualifier), gazetteer):
        for place_id, _tier in gazetteer.lookup(reading.key):
            place = gazetteer.places[place_id]
            if not (reading.strong and reading.level and place.level != reading.level):
                ids.add(place_id)
                ids.update(filter(None, [place.twin]))
    return ids


def _nearby_ids(nearby: Sequence[str], gazetteer: Gazetteer) -> tuple[set[str], set[str]]:
    """The places named nearby, and the units containing them, countries left out.

    A place inside one named nearby ("得梅因" beside "艾奥瓦州"), or holding one ("华盛顿"
    beside "西雅图"), outranks its namesakes before anything else; one that only shares a unit
    with a place named nearby (Des Moines, Washington beside Seattle) only among namesakes of
    the same tier: a list of cities across many states says little about any one of them.
    """
    named: set[str] = set()
    beside: set[str] = set()
    for name in nearby:
        place = gazetteer.places.get(name) if len(name) > 2 else None
        if place is None:
            result = geocode(name, Context(), gazetteer)
            place = result.match if not result.ambiguous else None
        if place is not None:
            named.update(i for i in (place.id, place.twin) if i and place.level != "country")
            beside.update(
                i
                for i in (*place.parents, place.twin)
                if i and i in gazetteer.places and gazetteer.places[i].level != "country"
            )
    return named, beside


def _readings(text: str, gazetteer: Gazetteer, *, exact_only: bool = False) -> list[_Reading]:
    """All readings of a cleaned query: one per script it is written in."""
    readings = []
    if has_han(text):
        # "长宁区（上海）": the name outside the brackets, the unit it lies in inside them.
        inner = [part for part in _ZH_BRACKETS.findall(text) if has_han(part)]
        outside = (
            _ZH_BRACKETS.sub(" ", text) if inner and has_han(_ZH_BRACKETS.sub(" ", text)) else text
        )
        found = _zh_readings(han_key(outside, gazetteer.to_simplified), gazetteer, exact_only)
        for reading in found:
            reading.within += inner if outside is not text else []
        readings += found
    if has_latin(text):
        readings += _en_readings(text, gazetteer, exact_only)
    return readings


def _zh_level(name: str) -> tuple[str | None, bool]:
    for suffix, level, strong in _ZH_LEVELS:
        if name.endswith(suffix):
            return level, strong
    return None, False


def _zh_readings(key: str, gazetteer: Gazetteer, exact_only: bool) -> list[_Reading]:
    within: list[str] = []
    for country in _ZH_COUNTRIES:
        if key.startswith(country) and len(key) > len(country):
            within.append(country)
            key = key[len(country) :]
            break
    if gazetteer.lookup(key) or exact_only:
        level, strong = _zh_level(key)
        return [_Reading(key, level, strong, within=within, capital_first=level is None)]
    # A name the index knows only bare: "维捷布斯克州" and "马莱塔省" are divisions, "康提市" a city.
    stem, suffix = division_stem(key)
    if not suffix and key.endswith("市") and len(key) >= 3:
        stem, suffix = key[:-1], "市"
    if suffix and gazetteer.lookup(stem):
        return [_Reading(stem, "city" if suffix == "市" else "province", within=within)]
    segments = _first_run(key, gazetteer)
    if not segments:
        return []
    target = segments[-1]
    return [_Reading(target, *_zh_level(target), within=within + segments[:-1])]


def _first_run(key: str, gazetteer: Gazetteer) -> list[str]:
    """The first run of back-to-back gazetteer names in a Chinese text ("江苏省镇江市人民政府")."""
    run: list[str] = []
    start = 0
    while start < len(key) - 1:
        for end in range(min(len(key), start + _MAX_ZH_KEY), start + 1, -1):
            if gazetteer.lookup(key[start:end]):
                run.append(key[start:end])
                start = end
                break
        else:
            if run:
                break
            start += 1
    return run


def _en_readings(text: str, gazetteer: Gazetteer, exact_only: bool) -> list[_Reading]:
    latin = "".join(char if not has_han(char) else " " for char in text)
    whole_text = "".join(latin_tokens(latin))
    if whole_text and gazetteer.lookup(whole_text):
        return [_Reading(whole_text)]  # a name with its own brackets: "Frankfurt (Oder)"
    main, qualifiers = _split_qualifiers(latin)
    tokens = latin_tokens(main)
    if not tokens:
        return []
    whole = "".join(tokens)
    level, strong, qualifiers = _level_from_qualifiers(qualifiers)
    if gazetteer.lookup(whole) or exact_only:
        return [_Reading(whole, level, strong, qualifiers)]
    span = _best_span(tokens, gazetteer)
    if span is None:
        return []
    start, end = span
    reading = _Reading("".join(tokens[start:end]), level, strong, qualifiers)
    if reading.level is None:
        reading.level, reading.strong = _level_around(tokens, start, end)
    return [reading]


def _split_qualifiers(text: str) -> tuple[str, list[str]]:
    """Split "Putuo District (Shanghai)" / "Des Moines, Iowa" into the name and qualifiers."""
    inner: list[str] = []
    depth_text = ""
    depth = 0
    for char in text:
        if char in "([（【":
            depth += 1
            inner.append("")
        elif char in ")]）】" and depth:
            depth -= 1
            if "," in depth_text and inner[-1].strip().lower() in _LEVEL_WORDS:
                # "Tbilisi, Georgia (country)": the word qualifies the qualifier before it.
                depth_text += " " + inner.pop().strip()
        elif depth:
            inner[-1] += char
        else:
            depth_text += char
    parts = [part.strip() for part in depth_text.split(",")]
    if parts and _CITY_DASH_DISTRICT.search(parts[0]):
        # "Chongqing – Nanchuan": the district is named last, inside the city named first.
        *outer, last = _CITY_DASH_DISTRICT.split(parts[0])
        parts = [last, *reversed(outer), *parts[1:]]
    for group in inner:
        parts += [part.strip() for part in group.split(",")]
    parts = [part for part in parts if part]
    return (parts[0] if parts else ""), parts[1:]


def _level_from_qualifiers(qualifiers: list[str]) -> tuple[str | None, bool, list[str]]:
    """Take level words out of qualifiers: "(county, Taizhou)", "(borough of New York City)"."""
    level, strong, kept = None, False, []
    for qualifier in qualifiers:
        words = latin_tokens(qualifier)
        if words and words[0] in _LEVEL_WORDS:
            level, strong = _LEVEL_WORDS[words[0]]
            rest = words[2:] if words[1:2] == ["of"] else words[1:]
            if rest:
                kept.append(" ".join(rest))
        else:
            kept.append(qualifier)
    return level, strong, kept


def _best_span(tokens: list[str], gazetteer: Gazetteer) -> tuple[int, int] | None:
    """The longest run of words that is a gazetteer name; the earliest of equals."""
    best: tuple[int, int] | None = None
    for start in range(len(tokens)):
        for end in range(min(len(tokens), start + _MAX_SPAN), start, -1):
            words = tokens[start:end]
            key = "".join(words)
            if best and end - start <= best[1] - best[0]:
                break
            # A name of three letters is too short to read alone, but not beside its level
            # ("the County of Hua", "Hua County").
            short = len(key) < 4 and (len(key) < 3 or _level_around(tokens, start, end)[0] is None)
            if short or all(w in _LEVEL_WORDS or w in _LINK_WORDS for w in words):
                continue
            if gazetteer.lookup(key):
                best = (start, end)
                break
    return best


def _level_around(tokens: list[str], start: int, end: int) -> tuple[str | None, bool]:
    """The level stated by the words next to a name: "X City", "State of X"."""
    if end < len(tokens) and tokens[end] in _LEVEL_WORDS:
        return _LEVEL_WORDS[tokens[end]]
    index = start - 1
    while index >= 0 and tokens[index] in _LINK_WORDS:
        index -= 1
    if index >= 0 and index < start - 1 and tokens[index] in _LEVEL_WORDS:
        return _LEVEL_WORDS[tokens[index]]
    return None, False
