"""Places a text names that are no party of its story: a word of the language, a part of a
person's, venue's, organisation's or publication's name, a clock, a gathering's edition, a
former official's title."""

from __future__ import annotations

import re

from partnermap.ingest.name_spans import ZH_PREPOSITION
from partnermap.ingest.place_mention import HAN, PlaceMention

#: A foreign person's name in Chinese, its parts joined by a dot ("安德森•法里亚斯", "罗恩·尼伦伯格"):
#: no place, whatever town a part spells.
_PERSON_DOT = "•·・‧"
#: A former official's title before a place: "Former Mayor of".
_FORMER_BEFORE = re.compile(
    r"\b[Ff]ormer\s+(?:Vice\s+|Deputy\s+|Lieutenant\s+)?(?:Mayor|Governor)\s+of\s+"
    r"(?:the\s+)?(?:City\s+of\s+|State\s+of\s+)?$"
)
#: A place's name inside a venue's ("东方滨江酒店", "Peninsula Hotel"): no place at all.
VENUE_AFTER = re.compile(
    r"[^\W\d_a-zA-Z与和及同在的、为是将等对向从到共]{0,4}?(?:酒店|宾馆|賓館|饭店|飯店|大厦|大廈)"
    r"|(?:\s+[A-Z][\w'’&-]*){0,3}?\s+(?:Hotel|Hotels|Resort|Inn)\b"
)
#: A place's name inside an organisation's ("青岛港集团", "Port of Piraeus Authority",
#: "Zhejiang University", "纽约中心"): it only locates the organisation, which is no local
#: government ("Nagpur Municipal Corporation" is one; "市中心" is a city's centre, "会议中心" a
#: venue).
ORGANISATION_AFTER = re.compile(
    r"[^\W\d_a-zA-Z与和及同在的、为是将等对向从到共]{0,4}?"
    r"(?:有限公司|公司|集团|集團|大学|大學|学院|學院|银行|銀行|港务局|港務局|(?<!市)(?<!会议)(?<!会展)(?<!展览)(?<!体育)中心)"
    r"|(?!\s+(?:Municipal|Metropolitan|City|Town|County|Regional)\b)(?:\s+[A-Z][\w'’&-]*){0,3}?\s+(?:Company|Corporation|Corp\.|Group|University|College|"
    r"Bank|Port\s+Authority|Authority|Inc\.|Ltd\.?|S\.A\.)(?![\w])"
)
#: A place's name in a publication's ("北京周报", "Hubei Daily"): no place the story tells of.
PUBLICATION_AFTER = re.compile(
    r"(?:日报|日報|晚报|晚報|周报|週報|时报|時報|商报|商報|新闻网|新聞網|电视台|電視台)"
    r"|\s+(?:Daily|Times|Post|Tribune|Herald|Review|Gazette|Chronicle)\b"
)
#: A country or province that names a gathering's edition ("2018中国国际友好城市大会",
#: "第十一届中国—中亚合作论坛", "2024贵州省国际友好城市交流合作会议", "the 2012 China International
#: Friendship Cities Conference"): the series' host, not a party; the gathering's place is the
#: city it is held in. Not two countries at once ("中美", "U.S.-China"), which are weak names.
_EDITION_BEFORE = re.compile(
    r"(?:\d{4}\s*年?|第[一二三四五六七八九十百零〇\d]+届|\b\d{4}\s+|"
    r"\b\d+(?:st|nd|rd|th)\s+|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth)\s+)$",
    re.I,
)
_GATHERING_NAME_AFTER = re.compile(
    r"[—–-]?[^\W\d_a-zA-Z与和及同在的、为是将等对向从到共于]{0,12}?"
    r"(?:大会|论坛|会议|峰会|博览会|交流会|对话会)"
    r"|(?:\s+[A-Z][\w'’&-]*){0,4}?\s+(?:Conference|Forum|Summit|Expo|Fair)\b"
)
#: A place's clock ("美国太平洋时间周一", "中国广州时间", "Beijing time"): no place of the story.
CLOCK_AFTER = re.compile(r"[\u4e00-\u9fff]{0,5}?时间|\s+(?:standard\s+)?time\b")
#: Towns abroad smaller than this are named in Chinese with their suffix (see common_word).
_SMALL_TOWN = 10_000
_TOWN_SUFFIX = re.compile(r"[市州县縣镇鎮城村郡]")


def common_word(text: str, mention: PlaceMention, before: PlaceMention | None) -> bool:
    """Whether a Chinese word read as a small town abroad is a word of the language
    ("知名", "金伯利农场", "美国新英格兰地区"): a town that small is named with its suffix
    ("卡梅尔市"), after a word that introduces a place ("在", "赴") or right after its state."""
    place = mention.place
    if not HAN.search(mention.text) or place.country == "CN" or place.level != "city":
        return False
    if place.population >= _SMALL_TOWN or _TOWN_SUFFIX.match(text, mention.end):
        return False
    if _TOWN_SUFFIX.match(mention.text, len(mention.text) - 1):
        return False
    if ZH_PREPOSITION.search(text, max(0, mention.start - 2), mention.start):
        return False
    return not (
        before is not None
        and before.end == mention.start
        and before.place.level != "country"
        and before.place.id in place.parents
    )


def person_named(text: str, mention: PlaceMention) -> bool:
    """Whether a Chinese name is part of a foreign person's, joined to the next or the last
    part by a dot ("安德森•法里亚斯")."""
    before = text[mention.start - 2 : mention.start] if mention.start >= 2 else ""
    after = text[mention.end : mention.end + 2]
    return bool(HAN.search(mention.text)) and (
        (len(after) == 2 and after[0] in _PERSON_DOT and bool(HAN.match(after[1])))
        or (len(before) == 2 and before[1] in _PERSON_DOT and bool(HAN.match(before[0])))
    )


#: A compass word that begins a region's name ("Central China", "Northeast Ohio").
_COMPASS = re.compile(
    r"(?:Central|Middle|Upstate|Downstate|Midwest|(?:North|South)(?:-?(?:east|west))?(?:ern)?|"
    r"(?:North|South)-?(?:East|West)(?:ern)?|(?:East|West)(?:ern)?)"
)
_NAME_NEXT = re.compile(r"\s+[A-Z]")


def region_word(text: str, mention: PlaceMention) -> bool:
    """Whether an English compass word read as a town (Central, Louisiana) begins the name of a
    region instead: "Xiangyang city in Central China's Hubei province"."""
    return bool(_COMPASS.fullmatch(mention.text) and _NAME_NEXT.match(text, mention.end))


def names_edition(text: str, mention: PlaceMention) -> bool:
    """Whether a country or province names a gathering's edition ("2018中国国际友好城市大会",
    "the 2012 China International Friendship Cities Conference"): its host, no party."""
    return (
        mention.place.level in ("country", "province", "state")
        and bool(_EDITION_BEFORE.search(text, max(0, mention.start - 12), mention.start))
        and bool(_GATHERING_NAME_AFTER.match(text, mention.end))
    )


def former_official(text: str, mention: PlaceMention) -> bool:
    """Whether the place is named in a former official's title ("Former Mayor of Santa
    Barbara"): it only tells who the person is, no party of the story."""
    return bool(_FORMER_BEFORE.search(text, max(0, mention.start - 60), mention.start))
