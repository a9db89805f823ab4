"""What a place does in its sentence: a qualifier that only locates another, or a site where
something happened (a state named as one is its large city)."""

from __future__ import annotations

import re
from dataclasses import replace

from partnermap.geo.gazetteer import Gazetteer, han_key
from partnermap.geo.names import latin_key
from partnermap.ingest.place_mention import HAN, NOTABLE_POPULATION, PlaceMention
from partnermap.ingest.place_parts import NO_UNKNOWN_PLACE, UNKNOWN_PLACE_AFTER

_SITE_BEFORE = re.compile(r"(?:\b(?:in|at)\s+(?:the\s+)?|在|于)$", re.I)
#: What may stand between a place and the larger one it is qualified by ("China's Jiangsu
#: province"): "、" lists places.
_QUALIFIER_GAP = re.compile(
    r"^(?:['’]s\s+|[\s,，]*(?:of\s+)?(?:the\s+)?(?:People['’]s\s+Republic\s+of\s+)?)$"
)
#: A place said to be in a larger one: "the County of Hua in China's Henan Province",
#: "Xiangyang city in Central China's Hubei province", "Shaanxi province in northwest China",
#: "Pontiac in Illinois".
_IN_GAP = re.compile(
    r"^(?:\s+(?:city|province|state|county|prefecture))?,?\s+in\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central)\w*\s+)?(?:[\w -]{0,30}?['’]s\s+)?(?:the\s+)?"
    r"(?:state\s+of\s+)?$",
    re.I,
)


#: Where a place is said to lie ("弗莱辛位于德国经济发达的巴伐利亚州", "located in the state
#: of"): the places of that clause only locate another.
_LOCATED_BEFORE = re.compile(
    r"(?:位于|地处|坐落于|\b(?:located|situated|lies|lying)\s+(?:in|near|on)\b)[^，。,；;\n]{0,40}$",
    re.I,
)


def mark_qualifiers(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Mark the larger of two adjacent places, one inside the other, as a qualifier, and so the
    larger place another is said to be in ("Suzhou, in East China's Jiangsu province"), a
    place in a clause that says where another lies ("位于…巴伐利亚州", "located in"), and a
    place right before a name with an administrative suffix the gazetteer does not know."""
    marked = list(mentions)
    for i in range(len(marked) - 1):
        a, b = marked[i], marked[i + 1]
        if not _QUALIFIER_GAP.match(text[max(a.end, a.outer_end) : b.start]):
            continue
        if a.place.id in b.place.parents and a.strength == "name":
            marked[i] = replace(a, strength="qualifier")
        elif b.place.id in a.place.parents and b.strength == "name":
            marked[i + 1] = replace(b, strength="qualifier")
        elif _metro_before(text, a, b):
            marked[i] = replace(a, strength="qualifier")
    for i, mention in enumerate(marked):
        if mention.strength != "name":
            continue
        for j in range(i + 1, len(marked)):
            larger = marked[j]
            if larger.start - mention.end > 60:
                break
            if (
                larger.strength == "name"
                and larger.place.id in mention.place.parents
                and _IN_GAP.match(text[max(mention.end, mention.outer_end) : larger.start])
            ):
                marked[j] = replace(larger, strength="qualifier")
    for i, mention in enumerate(marked):
        if mention.strength == "name" and _LOCATED_BEFORE.search(
            text, max(0, mention.start - 60), mention.start
        ):
            marked[i] = replace(mention, strength="qualifier")
            continue
        unknown = UNKNOWN_PLACE_AFTER.match(text, mention.end, mention.end + 12)
        following = marked[i + 1].start if i + 1 < len(marked) else len(text)
        if (
            mention.strength == "name"
            and unknown
            and unknown.end() <= following
            and not unknown.group().endswith(NO_UNKNOWN_PLACE)
        ):
            marked[i] = replace(mention, strength="qualifier", holds_unknown=unknown.group())
    return marked


def _metro_before(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    """Whether Chinese writes city ``a`` right before a city of its area as where that one is
    ("洛杉矶西柯汶纳市", West Covina in the Los Angeles area): the gazetteer holds no such
    parent, and Chinese writes no two cities side by side otherwise."""
    return (
        a.strength == "name"
        and a.end == b.start
        and HAN.search(a.text) is not None
        and HAN.search(b.text) is not None
        and a.place.level == b.place.level == "city"
        and a.place.country == b.place.country
        and a.place.id != b.place.id
    )


def mark_sites(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Mark the places introduced by "in", "at", "在", "于", over any qualifiers before them."""
    marked = []
    for i, mention in enumerate(mentions):
        position, j = mention.start, i - 1
        while (
            j >= 0
            and mentions[j].strength == "qualifier"
            and _QUALIFIER_GAP.match(text[mentions[j].end : position])
        ):
            position, j = mentions[j].start, j - 1
        site = bool(_SITE_BEFORE.search(text[max(0, position - 8) : position]))
        marked.append(replace(mention, site=site))
    return marked


def sites_as_cities(mentions: list[PlaceMention], gazetteer: Gazetteer) -> list[PlaceMention]:
    """Read a state named as where something happened ("在华盛顿签署", "在纽约签署", "met in
    Washington") as the large city of its name: one signs or meets in a city. A state named
    with its word ("华盛顿州", "Washington State") is the state."""
    read = []
    for mention in mentions:
        if mention.site and mention.place.level == "state" and not mention.party:
            key = (
                han_key(mention.text, gazetteer.to_simplified)
                if HAN.search(mention.text)
                else latin_key(mention.text)
            )
            cities = [
                gazetteer.places[place_id]
                for place_id, _ in gazetteer.lookup(key)
                if gazetteer.places[place_id].level == "city"
                and gazetteer.places[place_id].country == mention.place.country
                and (gazetteer.places[place_id].population or 0) >= NOTABLE_POPULATION
            ]
            if cities:
                mention = replace(mention, place=max(cities, key=lambda p: p.population or 0))
        read.append(mention)
    return read
