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

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from partnermap.geo.gazetteer import Gazetteer, Place, han_key, load_gazetteer
from partnermap.geo.geocode import Context, GeocodeResult, geocode, sounding_like
from partnermap.geo.names import latin_key

#: The countries whose places any document's partners may be; a text that names another
#: country adds that one (see :func:`find_places`).
COUNTRIES = frozenset({"CN", "US"})
#: A gazetteer city named in English must be this large to count without a preposition
#: ("in Oak Ridge"): capitalised words like "Energy" or "Union" are also small US towns.
_NOTABLE_POPULATION = 100_000
#: A page's head: the lines, each at most this long, before its first sentence.
_HEAD_LINE_MAX = 120
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_LISTED_POPULATION = 5_000
_MAX_WORDS = 5
_MAX_HAN_TOKENS = 3
#: Words that name nothing: a run of them is no place, whatever its case ("AND A" in a text
#: written in capitals is not Anda; "THE", "OF").
_FUNCTION_WORDS = re.compile(
    r"(?:\b(?:a|an|and|or|nor|but|the|of|in|on|at|to|for|by|with|from|as|is|are|be|its)\b\s*)+",
    re.I,
)

_EN_RUN = re.compile(r"[A-Z][\w'’.\-]*(?:(?:\s+(?:of|the)\s+|\s+|,\s*(?=D\.C\.))[A-Z][\w'’.\-]*)*")
#: "Washington DC", "Washington, D.C.": the city the District is (the geocoder reads it).
_DISTRICT = re.compile(r",?\s*D\.?C\.?$")
#: "California's", "Chicago’s": the place without the possessive.
_POSSESSIVE = re.compile(r"['’]s$")
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Madam|Mme)\.?\s")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Madam|Mme)\.?\s+$")
_PREPOSITION = re.compile(r"\b(?:in|at|from|to|near|visit(?:ed)?)\s+$", re.I)
_AND_AFTER_PLACE = re.compile(r"\band\s+$")
_STATE_AFTER = re.compile(r"^,\s*[A-Z][a-z]+")
#: "Sunnyvale of California": a city told with the state it lies in (not "Temple of Justice").
_OF_PLACE = re.compile(r"\s+of\s+(([A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)")
#: A place's designation after its name: "Taishan City", "Guangrao County".
_DESIGNATION = re.compile(r"\s+(?:City|County|Province|Prefecture)$")
_COUNTY_WORD = re.compile(r"\s(?:County|COUNTY)$")
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
_SITE_BEFORE = re.compile(r"(?:\b(?:in|at)\s+(?:the\s+)?|在|于)$", re.I)
#: What may stand between a place and the larger one it is qualified by: "、" lists places.
_QUALIFIER_GAP = re.compile(r"^[\s,，]*(?:of\s+)?(?:the\s+)?(?:People['’]s\s+Republic\s+of\s+)?$")
#: A Chinese name with an administrative suffix, right after a place, that the gazetteer does
#: not know ("蒙古国东方省", "魁北克省沙威尼根市", "撒马尔罕州努拉巴德区", a Japanese town "日本金崎町"):
#: the place only locates it.
#: Not a word of an organisation or an office ("国际友好城市", "州长", "市政府"), nor a verb or
#: "the two cities" that follows a party ("叶卡捷琳堡举行两市…签署仪式").
_UNKNOWN_PLACE_AFTER = re.compile(
    r"(?:(?!国际|友好|城市|人民|全国|地区|首府|省会|首都|举行|举办|签署|签订|建立|缔结|两[市省州县区国地])"
    r"[^\W\d_a-zA-Z与和及同在的、为是将等对向从到共]){2,6}?"
    r"(?:特别行政区|自治区|自治州|自治县|大区|省|州|市|县|区|郡|道|盟|町)(?![长委政府级民域内外属际])"
)
#: Parts of a city that are no place of their own ("成都市高新区"), and words that only end
#: like a name ("街道", "渠道").
_NO_UNKNOWN_PLACE = (
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
#: Names of both countries at once, and adjectives: they name the countries only when the
#: record names no smaller place.
_WEAK_COUNTRIES = re.compile(
    r"中美|美中|\bChina[-–]U\.?S\.?(?![\w])|\bU\.?S\.?[-–]China\b|\bSino[-–](?:US|U\.S\.|American)\b|"
    r"\bChinese\b|\bAmerican\b|\bU\.S\.(?=\s|$)|\bUS\b"
)
_STOP_HAN = frozenset(
    {"合作", "和平", "太平", "友谊", "光明", "前进", "东方", "新华", "城关", "长安", "永安", "新城"}
)
#: A foreign person's name in Chinese, its parts joined by a dot ("安德森•法里亚斯", "罗恩·尼伦伯格"):
#: no place, whatever town a part spells.
_PERSON_DOT = "•·・‧"
_NAME_TIER = 0
#: Words that introduce a place in Chinese: "在银川举行", "赴贵阳", "来自武汉".
_ZH_PREPOSITION = re.compile(r"(?:在|于|赴|到|抵达|访问|来自|前往)$")
#: What may stand between a country's name and a place in it in a Chinese phrase: the names of
#: the units between ("老挝万象省万荣县"), no punctuation.
_ZH_PHRASE_GAP = re.compile(r"[^\W\d_a-zA-Z与和及同、]{0,8}")
_ADMIN_SUFFIXES = "市州县"
#: The suffixes of a first-level division abroad in Chinese: a province, a Japanese
#: prefecture, a state, a Kenyan county.
_DIVISION_SUFFIX = re.compile(r"[省县縣州郡]")
_DIVISION_STEM_MAX = 5
#: The same in English: "Isabel Province", "Gyeonggi Province".
_EN_DIVISION = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+(?:Province|Prefecture|Oblast|Governorate)\b"
)
#: A division's word written with a name abroad ("Ishikawa Prefecture", "Fukuoka Prefectural
#: Government", "Gyeonggi Provincial Government"): the name is the division, not its capital.
_EN_DIVISION_WORD = re.compile(r"\s+(?:Prefecture|Prefectural|Province|Provincial|Oblast)\b")
_HAN = re.compile(r"[\u3400-\u9fff]")
#: An official's title right after a place's name ("台北市长", "首尔市副市长", "知事"): the
#: name is a local government's place.
_ZH_OFFICIAL = re.compile(
    r"(?:市|省|州|县|縣|都|府)?副?(?:市长|市長|省长|省長|州长|州長|县长|縣長|知事)(?![宁寧春沙江城安])"
)
_OFFICIAL_STEM_MAX = 5
#: A former official's title before a place: "Former Mayor of".
_FORMER_BEFORE = re.compile(
    r"\b[Ff]ormer\s+(?:Vice\s+|Deputy\s+|Lieutenant\s+)?(?:Mayor|Governor)\s+of\s+"
    r"(?:the\s+)?(?:City\s+of\s+|State\s+of\s+)?$"
)
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
#: A place's name inside a venue's ("东方滨江酒店", "Peninsula Hotel"): no place at all.
_VENUE_AFTER = re.compile(
    r"[^\W\d_a-zA-Z与和及同在的、为是将等对向从到共]{0,4}?(?:酒店|宾馆|賓館|饭店|飯店|大厦|大廈)"
    r"|(?:\s+[A-Z][\w'’&-]*){0,3}?\s+(?:Hotel|Hotels|Resort|Inn)\b"
)
#: A place's name inside an organisation's ("青岛港集团", "Port of Piraeus Authority",
#: "Zhejiang University", "纽约中心"): it only locates the organisation, which is no local
#: government ("Nagpur Municipal Corporation" is one; "市中心" is a city's centre, "会议中心" a
#: venue).
_ORGANISATION_AFTER = re.compile(
    r"[^\W\d_a-zA-Z与和及同在的、为是将等对向从到共]{0,4}?"
    r"(?:有限公司|公司|集团|集團|大学|大學|学院|學院|银行|銀行|港务局|港務局|(?<!市)(?<!会议)(?<!会展)(?<!展览)(?<!体育)中心)"
    r"|(?!\s+(?:Municipal|Metropolitan|City|Town|County|Regional)\b)(?:\s+[A-Z][\w'’&-]*){0,3}?\s+(?:Company|Corporation|Corp\.|Group|University|College|"
    r"Bank|Port\s+Authority|Authority|Inc\.|Ltd\.?|S\.A\.)(?![\w])"
)
#: A place's name in a publication's ("北京周报", "Hubei Daily"): no place the story tells of.
_PUBLICATION_AFTER = re.compile(
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
#: A place's clock ("美国太平洋时间周一", "中国广州时间", "Beijing time"): no place of the story.
_CLOCK_AFTER = re.compile(r"[\u4e00-\u9fff]{0,5}?时间|\s+(?:standard\s+)?time\b")
#: Towns abroad smaller than this are named in Chinese with their suffix (see _common_word).
_SMALL_TOWN = 10_000
_TOWN_SUFFIX = re.compile(r"[市州县縣镇鎮城村郡]")
#: A government or a party committee jieba keeps whole with its place ("四川省人民政府",
#: "哈尔滨市委").
_ZH_GOVERNMENT = re.compile(r"(?:人民政府|政府|(?<=[省市县區区州盟])委)$")
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


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text.

    ``strength`` is "name" (the text names the place), "qualifier" (it only locates another
    place) or "weak" (a country adjective or "中美"). ``party`` is the name of the party when
    the mention is part of one ("Jiangsu Provincial People's Government"), else None.
    """

    start: int
    end: int
    text: str
    place: Place
    strength: str = "name"
    party: str | None = None
    confidence: float = 0.9
    ambiguous: bool = False
    #: Where the party's name ends (the mention's end when it is no party).
    outer_end: int = 0
    #: Whether the text says something happened at the place ("in Los Angeles", "在北京").
    site: bool = False
    #: The name, right after this place, of a place in it the gazetteer does not know
    #: ("沙威尼根市" after "魁北克省"): this place stands for that party's side, and is no
    #: party itself ("" when there is none).
    holds_unknown: str = ""


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
    tokens = _split_joined(_han_tokens(text), gazetteer)
    spans = _spans(text, tokens, gazetteer, _MemoLookup(gazetteer, COUNTRIES))
    abroad = (
        _countries_named(text, spans, gazetteer)
        | _divisions_abroad(text, gazetteer)
        | _cities_abroad_in_head(text, gazetteer)
        | _officials_abroad(text, gazetteer)
    ) - COUNTRIES
    countries = COUNTRIES | abroad
    if abroad:
        spans = _spans(text, tokens, gazetteer, _MemoLookup(gazetteer, countries))
    nearby = tuple(dict.fromkeys(text[start:end] for start, end, _ in spans))[:20]
    mentions = []
    # A long text names the same places again and again: each name is geocoded once.
    memo: dict[tuple[str, tuple[str, ...]], GeocodeResult] = {}
    for start, end, tier in spans:
        mention = _resolve(text, start, end, tier, nearby, countries, gazetteer, memo)
        if mention is not None:
            mentions.append(mention)
    mentions = _as_divisions(text, _in_named_country(text, mentions, gazetteer), gazetteer)
    mentions = [
        m
        for i, m in enumerate(mentions)
        if not _common_word(text, m, mentions[i - 1] if i else None)
        and not _PUBLICATION_AFTER.match(text, m.end)
        and not _CLOCK_AFTER.match(text, m.end)
        and not _VENUE_AFTER.match(text, m.end)
        and not _person_named(text, m)
    ]
    mentions = [
        replace(m, strength="qualifier")
        if _ORGANISATION_AFTER.match(text, m.end)
        or _former_official(text, m)
        or _names_edition(text, m)
        else m
        for m in mentions
    ]
    mentions = [_as_national_body(text, m) for m in mentions]
    mentions.extend(_weak_countries(text, mentions, gazetteer))
    mentions.sort(key=lambda m: m.start)
    mentions = _parts_named_after(text, mentions, gazetteer)
    return _sites_as_cities(_mark_sites(text, _mark_qualifiers(text, mentions)), gazetteer)


def _spans(
    text: str, tokens: list[tuple[str, int, int, str]], gazetteer: Gazetteer, lookup: _MemoLookup
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


def _countries_named(
    text: str, spans: list[tuple[int, int, int]], gazetteer: Gazetteer
) -> set[str]:
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
            if tier == _NAME_TIER and gazetteer.places[place_id].level == "country"
        }
    return named


def _divisions_abroad(text: str, gazetteer: Gazetteer) -> set[str]:
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
    for suffix in _DIVISION_SUFFIX.finditer(text):
        for length in range(_DIVISION_STEM_MAX, 2, -1):
            stem = text[max(0, suffix.start() - length) : suffix.start()]
            if stem not in seen:
                seen[stem] = _countries_of(stem, gazetteer)
            if seen[stem] is not None:
                countries |= seen[stem]
                break
    return countries


def _cities_abroad_in_head(text: str, gazetteer: Gazetteer) -> set[str]:
    """The countries of the large cities abroad a page's head names ("Piraeus – China
    relationships are strengthened"): a headline names the story's parties, so a name whose
    only reading is a city abroad of at least ``_NOTABLE_POPULATION`` counts as named with
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
                and readings[0].population >= _NOTABLE_POPULATION
            ):
                countries.add(readings[0].country)
    return countries


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


def _person_named(text: str, mention: PlaceMention) -> bool:
    """Whether a Chinese name is part of a foreign person's, joined to the next or the last
    part by a dot ("安德森•法里亚斯")."""
    before = text[mention.start - 2 : mention.start] if mention.start >= 2 else ""
    after = text[mention.end : mention.end + 2]
    return bool(_HAN.search(mention.text)) and (
        (len(after) == 2 and after[0] in _PERSON_DOT and bool(_HAN.match(after[1])))
        or (len(before) == 2 and before[1] in _PERSON_DOT and bool(_HAN.match(before[0])))
    )


def _names_edition(text: str, mention: PlaceMention) -> bool:
    """Whether a country or province names a gathering's edition ("2018中国国际友好城市大会",
    "the 2012 China International Friendship Cities Conference"): its host, no party."""
    return (
        mention.place.level in ("country", "province", "state")
        and bool(_EDITION_BEFORE.search(text, max(0, mention.start - 12), mention.start))
        and bool(_GATHERING_NAME_AFTER.match(text, mention.end))
    )


def _former_official(text: str, mention: PlaceMention) -> bool:
    """Whether the place is named in a former official's title ("Former Mayor of Santa
    Barbara"): it only tells who the person is, no party of the story."""
    return bool(_FORMER_BEFORE.search(text, max(0, mention.start - 60), mention.start))


def _officials_abroad(text: str, gazetteer: Gazetteer) -> set[str]:
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
            if seen[stem] is not None and _HAN.fullmatch(stem[0]):
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


def _as_divisions(
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
        suffixed = _DIVISION_SUFFIX.match(text, mention.end) or _DIVISION_SUFFIX.match(
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


class _MemoLookup:
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
    text: str, gazetteer: Gazetteer, lookup: _MemoLookup
) -> Iterator[tuple[int, int, int]]:
    for run in _EN_RUN.finditer(text):
        if _HONORIFIC.match(run.group()) or _HONORIFIC_BEFORE.search(
            text, max(0, run.start() - 6), run.start()
        ):
            continue  # "Mr. Liu Jianyang": a person, whatever places the names spell
        words = list(re.finditer(r"[^\s,]+(?:,?\s*D\.?C\.?(?!\w))?", run.group()))
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + _MAX_WORDS), i, -1):
                start = run.start() + words[i].start()
                end = run.start() + words[j - 1].end()
                name = _POSSESSIVE.sub("", text[start:end].rstrip(".,'’"))
                end = start + len(name)
                tier = _english_tier(name, text, start, end, gazetteer, lookup)
                if tier is not None:
                    yield start, end, tier
                    i = j
                    break
            else:
                i += 1


def _english_tier(
    name: str, text: str, start: int, end: int, gazetteer: Gazetteer, lookup: _MemoLookup
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
    introduced = (
        designated
        or bool(_PREPOSITION.search(text[max(0, start - 12) : start]))
        or bool(_STATE_AFTER.match(text[end : end + 20]))
    )
    floor = _LISTED_POPULATION if introduced else _NOTABLE_POPULATION
    of_place = _OF_PLACE.match(text, end, end + 40)
    within = {
        place_id
        for name in (of_place.groups() if of_place else ())
        for place_id, _ in lookup(latin_key(name))
    }
    listed = introduced or bool(_AND_AFTER_PLACE.search(text[max(0, start - 5) : start]))
    tiers = [
        tier
        for place_id, tier in hits
        # A variant spelling counts where the text names the state it lies in.
        if tier == _NAME_TIER
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


def _chinese_spans(
    text: str, tokens: list[tuple[str, int, int, str]], gazetteer: Gazetteer, lookup: _MemoLookup
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
            introduced = _ZH_PREPOSITION.search(text, max(0, start - 2), start) and any(
                tier == _NAME_TIER for _, tier in hits
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
    if all(tier != _NAME_TIER for _, tier in hits):
        # A variant name jieba knows as a place (费城, Philadelphia) of a large city.
        big = any(gazetteer.places[p].population >= _NOTABLE_POPULATION for p, _ in hits)
        return single_place_word and big
    broad = any(gazetteer.places[p].level in ("country", "province", "state") for p, _ in hits)
    return broad or (len(tokens) == 1 and tokens[0][3] in ("ns", "nr", "nrt"))


def _after_its_country(
    hits: tuple[tuple[str, int], ...], before: str, key, lookup: _MemoLookup
) -> bool:
    """Whether a short name follows the name of a country it has a place in ("老挝巴色市")."""
    if len(before) < 2:
        return False
    countries = {place_id for place_id, tier in lookup(key(before)) if "." not in place_id}
    places = lookup._gazetteer.places
    return any(places[place_id].country in countries for place_id, _ in hits)


def _han_tokens(text: str) -> list[tuple[str, int, int, str]]:
    """Segment the Chinese runs of ``text``: (word, start, end, part-of-speech flag).

    jieba keeps a party's name whole ("四川省人民政府", "哈尔滨市委"): the government or
    committee words are split off, so that the place name is a token of its own.
    """
    segmenter = _segmenter()
    tokens = []
    # A long text repeats its runs (boilerplate, a repeated clause): each is segmented once.
    segmented: dict[str, list[tuple[str, str]]] = {}
    for run in re.finditer(r"[\u3400-\u9fff]+", text):
        position = run.start()
        words = segmented.get(run.group())
        if words is None:
            words = [(pair.word, pair.flag) for pair in segmenter.cut(run.group())]
            segmented[run.group()] = words
        for word, flag in words:
            end = position + len(word)
            party = _ZH_GOVERNMENT.search(word)
            if party and party.start() >= 2:
                tokens.append((word[: party.start()], position, position + party.start(), "ns"))
                tokens.append((party.group(), position + party.start(), end, "n"))
            else:
                tokens.append((word, position, end, flag))
            position = end
    return tokens


def _split_joined(
    tokens: list[tuple[str, int, int, str]], gazetteer: Gazetteer
) -> list[tuple[str, int, int, str]]:
    """Split a place word jieba keeps whole that is a province, state or country written
    before a place inside it, without a suffix between them ("云南昆明", "广东深圳"): two
    names, the first the second's qualifier."""
    split = []
    cuts: dict[str, int] = {}
    for word, start, end, flag in tokens:
        if len(word) >= 4 and word not in cuts:
            cuts[word] = _joined_cut(word, gazetteer)
        cut = cuts.get(word, 0)
        if cut:
            split.append((word[:cut], start, start + cut, "ns"))
            split.append((word[cut:], start + cut, end, "ns"))
        else:
            split.append((word, start, end, flag))
    return split


def _joined_cut(word: str, gazetteer: Gazetteer) -> int:
    """Where a word that names no place splits into a broad place and one inside it (0: it
    does not)."""
    places, to_simplified = gazetteer.places, gazetteer.to_simplified
    if gazetteer.lookup(han_key(word, to_simplified)):
        return 0
    for cut in (2, 3):
        rest = word[cut:]
        if len(rest) < 2:
            break
        outer = {
            place_id
            for place_id, _ in gazetteer.lookup(han_key(word[:cut], to_simplified))
            if places[place_id].level in ("country", "province", "state")
        }
        inner = gazetteer.lookup(han_key(rest, to_simplified))
        if any(outer & set(places[place_id].parents) for place_id, _ in inner):
            return cut
    return 0


@cache
def _segmenter():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def _without_overlaps(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    kept: list[tuple[int, int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


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
    # "Wucheng of Shandong": the place of that name in the state or province after "of".
    of_place = None if is_party else _OF_PLACE.match(text, end, end + 40)
    queries = [f"{query}, {name}" for name in of_place.groups()] if of_place else []
    for asked in [*queries, query]:
        key = (asked, others)
        if key not in memo:
            memo[key] = _geocode_in_scope(asked, others, countries, gazetteer)
        result = memo[key]
        if result.match is not None:
            break
    if result.match is None:
        return None
    confidence = 0.9 if tier == _NAME_TIER else 0.75
    if result.ambiguous:
        confidence -= 0.3
    return PlaceMention(
        start,
        end,
        text[start:end],
        result.match,
        party=query if is_party else None,
        confidence=round(confidence, 2),
        ambiguous=result.ambiguous,
        outer_end=party_end,
    )


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


def _common_word(text: str, mention: PlaceMention, before: PlaceMention | None) -> bool:
    """Whether a Chinese word read as a small town abroad is a word of the language
    ("知名", "金伯利农场", "美国新英格兰地区"): a town that small is named with its suffix
    ("卡梅尔市"), after a word that introduces a place ("在", "赴") or right after its state."""
    place = mention.place
    if not _HAN.search(mention.text) or place.country == "CN" or place.level != "city":
        return False
    if place.population >= _SMALL_TOWN or _TOWN_SUFFIX.match(text, mention.end):
        return False
    if _TOWN_SUFFIX.match(mention.text, len(mention.text) - 1):
        return False
    if _ZH_PREPOSITION.search(text, max(0, mention.start - 2), mention.start):
        return False
    return not (
        before is not None
        and before.end == mention.start
        and before.place.level != "country"
        and before.place.id in place.parents
    )


def _names_country(name: str, gazetteer: Gazetteer) -> bool:
    """Whether ``name`` is a country's own name ("China", "新西兰")."""
    key = han_key(name, gazetteer.to_simplified) if _HAN.search(name) else latin_key(name)
    return any(
        tier == _NAME_TIER and gazetteer.places[place_id].level == "country"
        for place_id, tier in gazetteer.lookup(key)
    )


def _in_named_country(
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


def _sites_as_cities(mentions: list[PlaceMention], gazetteer: Gazetteer) -> list[PlaceMention]:
    """Read a state named as where something happened ("在华盛顿签署", "在纽约签署", "met in
    Washington") as the large city of its name: one signs or meets in a city. A state named
    with its word ("华盛顿州", "Washington State") is the state."""
    read = []
    for mention in mentions:
        if mention.site and mention.place.level == "state" and not mention.party:
            key = (
                han_key(mention.text, gazetteer.to_simplified)
                if _HAN.search(mention.text)
                else latin_key(mention.text)
            )
            cities = [
                gazetteer.places[place_id]
                for place_id, _ in gazetteer.lookup(key)
                if gazetteer.places[place_id].level == "city"
                and gazetteer.places[place_id].country == mention.place.country
                and (gazetteer.places[place_id].population or 0) >= _NOTABLE_POPULATION
            ]
            if cities:
                mention = replace(mention, place=max(cities, key=lambda p: p.population or 0))
        read.append(mention)
    return read


def _parts_named_after(
    text: str, mentions: list[PlaceMention], gazetteer: Gazetteer
) -> list[PlaceMention]:
    """Find a name the segmenter cut apart: one place whose name runs on to a suffix
    ("圣若泽" + "多斯坎波斯市", São José dos Campos), or a part of a place written right after
    it with its suffix ("玉溪市元江县", "台北市内湖区"), a place of the gazetteer in it (or
    beside it in its division) which the place before only locates. Otherwise the name is a
    party the gazetteer lacks (see :func:`_mark_qualifiers`)."""
    found = list(mentions)
    for i, mention in enumerate(mentions):
        unknown = _UNKNOWN_PLACE_AFTER.match(text, mention.end, mention.end + 12)
        following = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        if mention.strength != "name" or not unknown or unknown.end() > following:
            continue
        name = unknown.group()
        if name.endswith(_NO_UNKNOWN_PLACE):
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


def _heard_in(name: str, place: Place, gazetteer: Gazetteer) -> Place | None:
    """The place inside the division or city ``place`` whose English name ``name`` writes by
    its sounds ("帕索丰杜市" in Rio Grande do Sul: Passo Fundo), the most populous; none
    inside a whole country, whose places are too many to tell apart by sound
    (``partnermap.geo.sounds``)."""
    if place.level == "country":
        return None
    heard = sounding_like(name, Context(country=place.country), gazetteer)
    return next((p for p in heard if place.id in p.parents), None)


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


def _mark_qualifiers(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Mark the larger of two adjacent places, one inside the other, as a qualifier, and a
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
    for i, mention in enumerate(marked):
        unknown = _UNKNOWN_PLACE_AFTER.match(text, mention.end, mention.end + 12)
        following = marked[i + 1].start if i + 1 < len(marked) else len(text)
        if (
            mention.strength == "name"
            and unknown
            and unknown.end() <= following
            and not unknown.group().endswith(_NO_UNKNOWN_PLACE)
        ):
            marked[i] = replace(mention, strength="qualifier", holds_unknown=unknown.group())
    return marked


def _mark_sites(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
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
