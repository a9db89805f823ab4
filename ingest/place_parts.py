"""Names the segmenter cuts apart after a place: the place's own name running on to its
suffix, or a part of the place, found by its name or by its sound."""

from __future__ import annotations

import re
from dataclasses import replace

from partnermap.geo.gazetteer import Gazetteer, Place, han_key
from partnermap.geo.geocode import Context, sounding_like
from partnermap.ingest.place_mention import PlaceMention

#: A Chinese name with an administrative suffix, right after a place, that the gazetteer does
#: not know ("蒙古国东方省", "魁北克省沙威尼根市", "撒马尔罕州努拉巴德区", a Japanese town "日本金崎町"):
#: the place only locates it.
#: Not a word of an organisation or an office ("国际友好城市", "州长", "市政府"), nor a verb or
#: "the two cities" that follows a party ("叶卡捷琳堡举行两市…签署仪式").
UNKNOWN_PLACE_AFTER = re.compile(
    r"(?:(?!国际|友好|城市|人民|全国|地区|首府|省会|首都|举行|举办|签署|签订|建立|缔结|两[市省州县区国地])"
    r"[^\W\d_a-zA-Z与和及同在的、为是将等对向从到共]){2,6}?"
    r"(?:特别行政区|自治区|自治州|自治县|大区|省|州|市|县|区|郡|道|盟|町)(?![长委政府级民域内外属际])"
)
#: Parts of a city that are no place of their own ("成都市高新区"), and words that only end
#: like a name ("街道", "渠道").
NO_UNKNOWN_PLACE = (
    "新区",
    "开发区",
    "经开区",
    "自贸区",
    "园区",
    "社区",
    "城区",
    "市区",
    "景区",
    "保税区",
    "示范区",
    "试验区",
    "片区",
    "街道",
    "渠道",
    "通道",
    "大道",
    "频道",
)


def parts_named_after(
    text: str, mentions: list[PlaceMention], gazetteer: Gazetteer
) -> list[PlaceMention]:
    """Find a name the segmenter cut apart: one place whose name runs on to a suffix
    ("圣若泽" + "多斯坎波斯市", São José dos Campos), or a part of a place written right after
    it with its suffix ("玉溪市元江县", "台北市内湖区"), a place of the gazetteer in it (or
    beside it in its division) which the place before only locates. Otherwise the name is a
    party the gazetteer lacks (see :func:`mark_qualifiers`)."""
    found = list(mentions)
    for i, mention in enumerate(mentions):
        unknown = UNKNOWN_PLACE_AFTER.match(text, mention.end, mention.end + 12)
        following = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        if mention.strength != "name" or not unknown or unknown.end() > following:
            continue
        name = unknown.group()
        if name.endswith(NO_UNKNOWN_PLACE):
            continue
        whole = _whole_name(text[mention.start : unknown.end()], mention.place, gazetteer)
        if whole is not None:
            # "圣若泽" + "多斯坎波斯市": one name the segmenter cut in two.
            found[i] = replace(
                mention,
                end=unknown.end(),
                text=text[mention.start : unknown.end()],
                place=whole,
                outer_end=max(mention.outer_end, unknown.end()),
            )
            continue
        part = _part_of(name, mention.place, gazetteer)
        located = part or _heard_in(name, mention.place, gazetteer)
        if located is not None:
            found[i] = replace(mention, strength="qualifier")
            found.append(
                PlaceMention(
                    unknown.start(),
                    unknown.end(),
                    name,
                    located,
                    confidence=0.9 if located is part else 0.6,  # a sound is weaker evidence
                    outer_end=unknown.end(),
                )
            )
    return sorted(found, key=lambda m: m.start)


def _whole_name(name: str, place: Place, gazetteer: Gazetteer) -> Place | None:
    """The place of the gazetteer called ``name`` (with or without its one-character
    suffix) in the country of ``place``, a shorter name at its start; the most populous."""
    whole = [
        gazetteer.places[place_id]
        for key in dict.fromkeys((name, name[:-1]))
        for place_id, _ in gazetteer.lookup(han_key(key, gazetteer.to_simplified))
    ]
    whole = [p for p in whole if p.country == place.country and p.id != place.id]
    return max(whole, key=lambda p: p.population or 0) if whole else None


#: A town a whole country's sounds name: at least this many people, and this many times more
#: than the next town of those sounds.
_HEARD_POPULATION = 50_000
_HEARD_DOMINANCE = 10


def _heard_in(name: str, place: Place, gazetteer: Gazetteer) -> Place | None:
    """The place inside the division or city ``place`` whose English name ``name`` writes by
    its sounds ("帕索丰杜市" in Rio Grande do Sul: Passo Fundo), the most populous. Inside a
    whole country, whose places are too many to tell apart by sound
    (``partnermap.geo.sounds``), only a large town that sounds so and is many times larger
    than any other that does ("巴西福塔莱萨市": Fortaleza)."""
    heard = sounding_like(name, Context(country=place.country), gazetteer)
    if place.level != "country":
        return next((p for p in heard if place.id in p.parents), None)
    first, *others = heard or [None]
    if first is None or first.population < _HEARD_POPULATION:
        return None
    if others and first.population < _HEARD_DOMINANCE * others[0].population:
        return None
    return first


def _part_of(name: str, place: Place, gazetteer: Gazetteer) -> Place | None:
    """The place of the gazetteer called ``name`` (with or without its one-character suffix)
    that lies in ``place``, or beside it in the same first-level division; the most
    populous."""
    country = place.id if place.level == "country" else place.country
    divisions = set(place.parents) - {country}
    parts = [
        gazetteer.places[place_id]
        for key in dict.fromkeys((name, name[:-1]))
        for place_id, _ in gazetteer.lookup(han_key(key, gazetteer.to_simplified))
    ]
    inside = [
        p
        for p in parts
        if p.country == country
        and p.id != place.id
        and (place.id in p.parents or bool(divisions & set(p.parents)))
    ]
    return max(inside, key=lambda p: p.population or 0) if inside else None
