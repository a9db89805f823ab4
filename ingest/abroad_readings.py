"""A place abroad read as its text places it: in the country named before it, or as the
first-level division its suffix or word names."""

from __future__ import annotations

import re
from dataclasses import replace

from partnermap.geo.gazetteer import Gazetteer, Place
from partnermap.geo.geocode import Context, geocode
from partnermap.geo.names import latin_key
from partnermap.ingest.countries_named import DIVISION_SUFFIX
from partnermap.ingest.place_mention import COUNTRIES, PlaceMention

#: What may stand between a country's name and a place in it in a Chinese phrase: the names of
#: the units between ("老挝万象省万荣县"), no punctuation.
_ZH_PHRASE_GAP = re.compile(r"[^\W\d_a-zA-Z与和及同、]{0,8}")
#: A division's word written with a name abroad ("Ishikawa Prefecture", "Fukuoka Prefectural
#: Government", "Gyeonggi Provincial Government"): the name is the division, not its capital.
_EN_DIVISION_WORD = re.compile(r"\s+(?:Prefecture|Prefectural|Province|Provincial|Oblast)\b")


def in_named_country(
    text: str, mentions: list[PlaceMention], gazetteer: Gazetteer
) -> list[PlaceMention]:
    """Read each place that follows its country's name in a Chinese phrase ("老挝万象省万荣县",
    "白俄罗斯维捷布斯克州") in that country: a place elsewhere of the same name is dropped. The
    phrase ends at a conjunction or punctuation ("新西兰首都惠灵顿与北京": Beijing is no place
    in New Zealand)."""
    kept: list[PlaceMention] = []
    country: PlaceMention | None = None
    end = 0
    for mention in mentions:
        if mention.place.level == "country":
            country, end = mention, mention.end
        elif country is not None and _ZH_PHRASE_GAP.fullmatch(text, end, mention.start):
            end = mention.end
            if mention.place.country != country.place.country:
                found = geocode(mention.text, Context(country=country.place.country), gazetteer)
                if found.match is None:
                    continue
                mention = replace(mention, place=found.match)
        else:
            country = None
        kept.append(mention)
    return kept


def as_divisions(
    text: str, mentions: list[PlaceMention], gazetteer: Gazetteer
) -> list[PlaceMention]:
    """Read a city abroad written with a division's suffix ("安塔利亚省", "和歌山县") as the
    geocoder reads the name with its suffix: the first-level division, when there is one;
    so is the same city's name told bare in the same text ("Fukuoka Prefectural Government
    … a delegation from Fukuoka")."""
    read = []
    divisions: dict[str, Place] = {}
    for mention in mentions:
        place = mention.place
        suffixed = DIVISION_SUFFIX.match(text, mention.end) or DIVISION_SUFFIX.match(
            mention.text, len(mention.text) - 1
        )
        if place.country not in COUNTRIES and place.level == "city" and suffixed:
            end = max(mention.end, suffixed.end() if suffixed.string is text else 0)
            found = geocode(text[mention.start : end], Context(country=place.country), gazetteer)
            if found.match is not None and found.match.level in ("province", "state"):
                mention = replace(
                    mention,
                    end=end,
                    text=text[mention.start : end],
                    place=found.match,
                    outer_end=max(mention.outer_end, end),
                )
        elif place.country not in COUNTRIES and place.level == "city":
            mention = _as_english_division(text, mention, gazetteer)
        if mention.place is not place:
            divisions[place.id] = mention.place
        read.append(mention)
    return [replace(m, place=divisions[m.place.id]) if m.place.id in divisions else m for m in read]


def _as_english_division(text: str, mention: PlaceMention, gazetteer: Gazetteer) -> PlaceMention:
    """Read a city abroad written with a division's word ("Ishikawa Prefecture", "Fukuoka
    Prefectural Government") as the first-level division of its name in its country, when
    there is one: the geocoder reads such a name as the city that shares it."""
    written = _EN_DIVISION_WORD.search(mention.text)
    if written is None and not _EN_DIVISION_WORD.match(text, mention.end):
        return mention
    stem = mention.text[: written.start()] if written else mention.text
    divisions = [
        gazetteer.places[place_id]
        for place_id, _ in gazetteer.lookup(latin_key(stem))
        if gazetteer.places[place_id].level in ("province", "state")
        and gazetteer.places[place_id].country == mention.place.country
    ]
    if not divisions:
        return mention
    return replace(mention, place=max(divisions, key=lambda p: p.population or 0))
