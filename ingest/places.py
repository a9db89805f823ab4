"""Find the places a document names, with their spans, and geocode them.

Finding a *mention* (which words of running text are a place name) is done here: English
names are runs of capitalised words, Chinese text is segmented with jieba; either is kept when
the gazetteer's name index knows it. Deciding *which* place a mention means is the geocoder's
job (:func:`partnermap.geo.geocode.geocode`), given the document's other names as context.

A country named only to qualify another place ("中国镇江市", "State of California, the United
States of America") is marked as a qualifier, and so is a state or province written next to
one of its cities ("美国加利福尼亚州洛杉矶", "Des Moines, Iowa"): the record is about the
city, not about both. A place the text says something happened at ("in Los Angeles",
"在美国加利福尼亚州洛杉矶") is marked as a site.

Places are Chinese and American unless the text names another country ("新西兰首都惠灵顿",
"Victoria of Australia", "白俄罗斯维捷布斯克州"): then that country's places count too, and a
name both countries share is read in the named one ("Wellington" is in New Zealand there, a
Florida town elsewhere).
"""

from __future__ import annotations

import re
from dataclasses import replace

from partnermap.geo.gazetteer import Gazetteer, Place, han_key, load_gazetteer
from partnermap.geo.geocode import Context, GeocodeResult, geocode
from partnermap.geo.names import latin_key
from partnermap.ingest.abroad_readings import as_divisions, in_named_country
from partnermap.ingest.countries_named import (
    cities_abroad_in_head,
    countries_abbreviated,
    countries_named,
    countries_of_demonyms,
    country_of_site,
    divisions_abroad,
    officials_abroad,
    towns_abroad,
)
from partnermap.ingest.han_words import han_tokens, split_joined
from partnermap.ingest.known_pairs import known_partners, with_known_partners
from partnermap.ingest.name_spans import (
    LARGER_AFTER,
    OF_PLACE,
    STATE_AFTER,
    MemoLookup,
    place_spans,
)
from partnermap.ingest.non_parties import (
    CLOCK_AFTER,
    ORGANISATION_AFTER,
    PUBLICATION_AFTER,
    VENUE_AFTER,
    common_word,
    former_official,
    names_edition,
    person_named,
    region_word,
)
from partnermap.ingest.place_mention import COUNTRIES, HAN, NAME_TIER, PlaceMention
from partnermap.ingest.place_parts import parts_named_after
from partnermap.ingest.place_roles import mark_qualifiers, mark_sites, sites_as_cities
from partnermap.ingest.transcriptions import transcribed_towns

_EN_PARTY_AFTER = re.compile(
    r"^(?:\s+(?:Municipal|Provincial|City|County|State|Metropolitan|Prefectural))?"
    r"(?:\s+People['’]s)?\s+Government\b"
)
_EN_PARTY_BEFORE = re.compile(
    r"\b(?:(?:State\s+|Provincial\s+|Municipal\s+)?Government\s+of|State\s+of|City\s+of|"
    r"Province\s+of|County\s+of)\s+(?:the\s+)?$"
)
#: "Washington State", "New Jersey State": the state, whatever town nearby shares its name.
_EN_STATE_AFTER = re.compile(r"^\s+State\b")
_ZH_PARTY_AFTER = re.compile(r"^(?:省|市|县|州|区)?(?:人民)?政府")
#: An English place name: capitalised words.
_EN_NAME = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*")
#: Names of both countries at once, and adjectives: they name the countries only when the
#: record names no smaller place.
_WEAK_COUNTRIES = re.compile(
    r"中美|美中|\bChina[-–]U\.?S\.?(?![\w])|\bU\.?S\.?[-–]China\b|\bSino[-–](?:US|U\.S\.|American)\b|"
    r"\bChinese\b|\bAmerican\b|\bU\.S\.(?=\s|$)|\bUS\b"
)
#: A country named as a national body's ("中国人民对外友好协会", "美国全国州长协会", "China's
#: Ministry of Science and Technology", "Ministry of Foreign Affairs, China"): that body is a
#: party, so the country stands for it beside any local party.
_ZH_NATIONAL_BODY_AFTER = re.compile(
    r"(?:全国|国家|人民|中央)[\u4e00-\u9fff]{0,10}?(?:协会|委员会|部|局|署)(?![长])"
)
_EN_NATIONAL_BODY_AFTER = re.compile(
    r"['’]s\s+(?:National|State|Ministry|Department)(?:\s+(?:of|and|for|[A-Z][\w'’-]*)){1,6}"
)
_EN_NATIONAL_BODY_BEFORE = re.compile(
    r"\b(?:Ministry|Department)\s+of(?:\s+(?:and\s+)?[A-Z][\w'’-]*){1,4},\s*$"
)


def find_places(text: str, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Find and geocode every place mention in ``text``.

    Parameters
    ----------
    text
        The document text, English, Chinese or both.
    gazetteer
        The name index (default: the cached one).

    Returns
    -------
    list of PlaceMention
        In text order, without overlaps.
    """
    gazetteer = gazetteer or load_gazetteer()
    tokens = split_joined(han_tokens(text), gazetteer)
    spans = place_spans(text, tokens, gazetteer, MemoLookup(gazetteer, COUNTRIES))
    abroad = (
        countries_named(text, spans, gazetteer)
        | divisions_abroad(text, gazetteer)
        | cities_abroad_in_head(text, gazetteer)
        | officials_abroad(text, gazetteer)
        | countries_abbreviated(text)
        | countries_of_demonyms(text)
        | towns_abroad(text, gazetteer)
        | country_of_site(text)
    ) - COUNTRIES
    countries = COUNTRIES | abroad
    if abroad:
        spans = place_spans(text, tokens, gazetteer, MemoLookup(gazetteer, countries))
    nearby = tuple(dict.fromkeys(text[start:end] for start, end, _ in spans))[:20]
    mentions = []
    # A long text names the same places again and again: each name is geocoded once.
    memo: dict[tuple[str, tuple[str, ...]], GeocodeResult] = {}
    for start, end, tier in spans:
        mention = _resolve(text, start, end, tier, nearby, countries, gazetteer, memo)
        if mention is not None:
            mentions.append(mention)
    mentions = with_known_partners(text, _named_again(text, mentions), known_partners(), gazetteer)
    mentions = as_divisions(text, in_named_country(text, mentions, gazetteer), gazetteer)
    mentions = [
        m
        for i, m in enumerate(mentions)
        if not common_word(text, m, mentions[i - 1] if i else None)
        and not PUBLICATION_AFTER.match(text, m.end)
        and not CLOCK_AFTER.match(text, m.end)
        and not VENUE_AFTER.match(text, m.end)
        and not person_named(text, m)
        and not region_word(text, m)
    ]
    mentions = [
        replace(m, strength="qualifier")
        if ORGANISATION_AFTER.match(text, m.end)
        or former_official(text, m)
        or names_edition(text, m)
        else m
        for m in mentions
    ]
    mentions = [_as_national_body(text, m) for m in mentions]
    mentions.extend(_weak_countries(text, mentions, gazetteer))
    mentions.sort(key=lambda m: m.start)
    mentions = parts_named_after(text, mentions, gazetteer)
    mentions = sorted(
        mentions + transcribed_towns(text, tokens, mentions, abroad, gazetteer),
        key=lambda m: m.start,
    )
    return sites_as_cities(mark_sites(text, mark_qualifiers(text, mentions)), gazetteer)


def _resolve(
    text: str,
    start: int,
    end: int,
    tier: int,
    nearby: tuple[str, ...],
    countries: frozenset[str],
    gazetteer: Gazetteer,
    memo: dict[tuple[str, tuple[str, ...]], GeocodeResult],
) -> PlaceMention | None:
    party_start, party_end = start, end
    before = text[max(0, start - 40) : start]
    if found := _EN_PARTY_BEFORE.search(before):
        party_start = start - (len(before) - found.start())
    after = text[end : end + 60]
    if found := (
        _EN_PARTY_AFTER.match(after) or _EN_STATE_AFTER.match(after) or _ZH_PARTY_AFTER.match(after)
    ):
        party_end = end + found.end()
    is_party = (party_start, party_end) != (start, end)
    query = text[party_start:party_end]
    others = tuple(name for name in nearby if name != text[start:end])
    # "Wucheng of Shandong", "Toledo, Spain": the place of that name in the state, province or
    # country after "of" or a comma.
    of_place = None if is_party else OF_PLACE.match(text, end, end + 40)
    larger = of_place or (None if is_party else LARGER_AFTER.match(text, end, end + 40))
    queries = (
        [f"{query}, {name}" for name in dict.fromkeys(larger.groups()) if name] if larger else []
    )
    for asked in [*queries, query]:
        key = (asked, others)
        if key not in memo:
            memo[key] = _geocode_in_scope(asked, others, countries, gazetteer)
        result = memo[key]
        if result.match is not None:
            break
    if result.match is None:
        return None
    match = result.match
    pinned = is_party or of_place is not None or bool(STATE_AFTER.match(text, end))
    if match.country not in COUNTRIES or not pinned:
        match = _larger_namesake(text[start:end], match, countries, gazetteer) or match
    confidence = 0.9 if tier == NAME_TIER else 0.75
    if result.ambiguous:
        confidence -= 0.3
    return PlaceMention(
        start,
        end,
        text[start:end],
        match,
        party=query if is_party else None,
        confidence=round(confidence, 2),
        ambiguous=result.ambiguous,
        outer_end=party_end,
    )


def _named_again(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """``mentions`` and every other place in ``text`` where a town or county found once is
    named again by the same English name ("After all, Bingen maintains active partnerships …",
    then "the town of Bingen"; "Kokomo, Indiana", then "Kokomo forges sister ties"): a name too
    small to count alone is the place the text introduced."""
    taken = [(m.start, max(m.end, m.outer_end)) for m in mentions]
    names = {
        m.text: m
        for m in mentions
        if m.strength == "name"
        and m.place.level in ("city", "county")
        and _EN_NAME.fullmatch(m.text)
    }
    again = []
    for name, mention in names.items():
        for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(s < found.end() and found.start() < e for s, e in taken):
                start, end = found.span()
                again.append(replace(mention, start=start, end=end, outer_end=end, party=None))
    return sorted(mentions + again, key=lambda m: m.start)


_NAMESAKE_RATIO = 5


def _larger_namesake(
    name: str, match: Place, countries: frozenset[str], gazetteer: Gazetteer
) -> Place | None:
    """The place of ``name`` in a country abroad the text names that is larger than ``match``,
    a town at home of that name: "Dublin" in a story of Ireland's sister cities is Dublin,
    Ireland, whatever Californian names stand near it. For a town abroad, the town at least
    ``_NAMESAKE_RATIO`` times larger in its country whose full name starts with ``name``:
    "Bingen" is Bingen am Rhein."""
    if match.level != "city":
        return None
    key = han_key(name, gazetteer.to_simplified) if HAN.search(name) else latin_key(name)
    readings = [gazetteer.places[place_id] for place_id, _ in gazetteer.lookup(key)]
    if match.country in COUNTRIES:
        scope, ratio = countries - COUNTRIES, 1
    else:
        # A partnership is a town's; a village that shares its short name rarely has one.
        scope, ratio = {match.country}, _NAMESAKE_RATIO
        start = re.compile(rf"{re.escape(name)}[\s(-]", re.I)
        readings = [p for p in readings if start.match(p.name_en)]
    abroad = [
        place
        for place in readings
        if place.level == "city"
        and place.country in scope
        and (place.population or 0) > ratio * (match.population or 0)
    ]
    return max(abroad, key=lambda place: place.population or 0) if abroad else None


def _geocode_in_scope(
    query: str, nearby: tuple[str, ...], countries: frozenset[str], gazetteer: Gazetteer
) -> GeocodeResult:
    """Geocode a name to a place in one of ``countries``: when the gazetteer's best reading lies
    elsewhere ("Victoria", Australia, in a text that names no Australia), the best reading in
    China or the United States, then in the other countries the text names. A country's name
    is the country, whatever places near it share the name ("Guiyang, China" beside Fort
    Worth is no China, Texas)."""
    if _names_country(query, gazetteer):
        nearby = ()
    result = geocode(query, Context(nearby=nearby), gazetteer)
    if result.match is None or result.match.country in countries:
        return result
    for country in [*sorted(COUNTRIES), *sorted(countries - COUNTRIES)]:
        scoped = geocode(query, Context(country=country, nearby=nearby), gazetteer)
        if scoped.match is not None:
            return scoped
    return replace(result, match=None)


def _names_country(name: str, gazetteer: Gazetteer) -> bool:
    """Whether ``name`` is a country's own name ("China", "新西兰")."""
    key = han_key(name, gazetteer.to_simplified) if HAN.search(name) else latin_key(name)
    return any(
        tier == NAME_TIER and gazetteer.places[place_id].level == "country"
        for place_id, tier in gazetteer.lookup(key)
    )


def _as_national_body(text: str, mention: PlaceMention) -> PlaceMention:
    """A country named as a national body's ("美国全国州长协会", "Ministry of Foreign Affairs,
    China") with that body as its party."""
    if mention.place.level != "country" or mention.strength != "name":
        return mention
    after = _ZH_NATIONAL_BODY_AFTER.match(text, mention.end) or _EN_NATIONAL_BODY_AFTER.match(
        text, mention.end
    )
    if after is not None:
        return replace(mention, party=text[mention.start : after.end()], outer_end=after.end())
    before = _EN_NATIONAL_BODY_BEFORE.search(text, max(0, mention.start - 60), mention.start)
    if before is not None:
        return replace(mention, party=text[before.start() : mention.end])
    return mention


def _weak_countries(
    text: str, found: list[PlaceMention], gazetteer: Gazetteer
) -> list[PlaceMention]:
    taken = [(m.start, m.end) for m in found]
    weak = []
    for match in _WEAK_COUNTRIES.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        word = match.group()
        if word in ("中美", "美中") or re.search(r"China.|.China|Sino", word):
            codes = ["CN", "US"]
        else:
            codes = ["CN"] if word == "Chinese" else ["US"]
        for code in codes:
            weak.append(
                PlaceMention(
                    match.start(),
                    match.end(),
                    word,
                    gazetteer.places[code],
                    "weak",
                    confidence=0.6,
                    outer_end=match.end(),
                )
            )
    return weak
