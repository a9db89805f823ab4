"""Who a proposal is between: sister pairs at their own level, one pair per record, attendees.

A sentence may tell several partnerships at once: "Tustin, California and Heyuan, Guangdong
province, and Yorba Linda, California, and Tongchuan, Shaanxi province signed sister-city
agreements" (two pairs, in the order named), "the 30th anniversary of Chicago's sister-city
relationships with Shanghai and Shenyang" (one city and two partners). Each pair is a record
of its own. A Chinese list of pairs, its items joined by "、", "，" or "；" ("山西省与蒙古国中戈壁省、
山西省与肯尼亚蒙巴萨郡、湖北省武汉市与泰国曼谷市"), pairs the places of each item (an item naming one side only is left out). A partnership named
without its level ("sister relationship", "结好",
"缔结友好关系") is a sister-state one between provinces and states, a sister-city one between
cities. A partnership told with one party ("Zhenjiang's sister city") pairs it with the place
the text names elsewhere that the curated records already pair with it (Tempe). A gathering's
record names the places whose people attended it ("来自中国北京市、四川省、
海南省…的省、市领导…参加会议", "the Mayor of Nanchang … attended the Summit").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from partnermap.data.vocabulary import AGREEMENT_TYPES
from partnermap.geo.gazetteer import load_gazetteer
from partnermap.geo.geocode import Context, geocode
from partnermap.geo.names import division_stem
from partnermap.ingest.kinds import Cue
from partnermap.ingest.places import PlaceMention

if TYPE_CHECKING:
    from partnermap.ingest.proposal import Proposal

_SISTERS = frozenset({"sister_city", "sister_state_province"})
#: The partnerships whose parties are a pair.
_PARTNERSHIPS = frozenset({*_SISTERS, "friendship"})
_WIDE = frozenset({"state", "province"})
#: The suffixes of a state or province's Chinese name (at home and abroad).
_WIDE_SUFFIX = re.compile(r"(?:省|州|道|郡|大区|自治区)$")
#: What makes a place a delegation's origin: "省人大代表团", "代表团", "delegation".
_DELEGATION_AFTER = re.compile(
    r"(?:省|市|州)?(?:(?:人大|政协|政府|党政|友好|经贸)?代?表团|人大|政协)|\s+delegation\b", re.I
)
#: An English name that says it is a division: "Isabel Province", "State of Washington".
_EN_DIVISION_WORD = re.compile(r"\b(?:Province|State|Prefecture|Oblast|County|Region)\b")
#: A partnership cue that names its level as cities ("sister cities", "友好城市").
_CITY_CUE = re.compile(r"cit(?:y|ies)|城市|[姐姊]妹市|友城", re.I)
#: How large the city a state's name also names must be to be the party.
_LARGE_CITY = 100_000
_LIST_BREAK = re.compile(r"[、，；,;]")
#: What introduces the one party a partnership is told with, the other being the text's own
#: place: "a Sister City relationship with Chengdu", "与成都市".
_WITH_CHARS = 30
_WITH_BEFORE = re.compile(r"(?:\bwith\s+(?:the\s+)?(?:[Cc]ity\s+of\s+)?|[与同])$")
#: What stands between a party and the partnership it is named in: "Zhenjiang's sister city",
#: "镇江的友好城市", "its sister city Batesville", "the sister city of Zhenjiang".
_OWNER_GAP = re.compile(r"\s*(?:['’]s|的)?\s*")
_OWNED_GAP = re.compile(r"\s*(?:,|of|with)?\s*(?:the\s+)?(?:[Cc]ity\s+of\s+)?")
#: What stands between a subject and the list of its partners after it: "哈尔滨已经与A、B和C",
#: "江苏省先后与", "Chicago has sister-city relationships with A, B and C".
_SUBJECT_WITH = re.compile(
    r"(?:市|省)?\s*(?:已经?|先后|还|也|现已|目前已)*\s*[与同]|"
    r"\s+(?:has|have|had|maintains?|enjoys?)\b[^.;:]{0,60}?\bwith\b",
    re.I,
)
#: What makes a place the one every other party of the sentence is partner of: "El Paso's
#: third sister city", "哈尔滨的友好城市".
_OWNER_OF = re.compile(
    r"(?:['’]s|的)\s*(?:[\w-]+\s+){0,2}?(?:sister|twin|partner|friendship|友好|友城|[姐姊]妹)",
    re.I,
)
#: An unclosed bracket: a place after it is said of the item before it ("第一乌拉尔斯克(其伙伴为
#: 哈尔滨道里区)": Daoli District, not Harbin, is Pervouralsk's partner).
_OPEN_BRACKET = re.compile(r"[(（][^)）]*$")
#: A sentence that says who took part in a gathering, or hosted it.
ATTENDING = re.compile(
    r"出席|参加|参会|与会|列席|\battend(?:ed|s|ing|ees)?\b|\bparticipa(?:ted|nts?|ting)\b|"
    r"\bjoined\b|\bdelegates?\s+from\b|\brepresentatives?\s+(?:of|from)\b|"
    # Its hosts took part too: "由中国人民对外友好协会、湖北省政府共同主办", "co-hosted by".
    r"主办|承办|\b(?:co-)?hosted\s+by\b|\borgani[sz]ed\s+by\b",
    re.I,
)


def sister_pairs(proposal: Proposal, text: str) -> list[Proposal]:
    """One proposal per sister pair a sister-city or sister-state proposal names, each of the
    type its parties' level gives, none when it names no pair; any other proposal as it is.

    Parties are the named places below country level that are no site and no qualifier. The
    two sides are the Chinese places and those abroad, in any country (or, when none is
    Chinese, the first party's country and the others). When one side names one place and the
    other several, that place pairs with each of them but a province or state that holds
    another of them; when both name several, places pair in the order named (each with the
    next one of the other side).
    """
    if proposal.type.slug not in _SISTERS:
        return [proposal]
    if _CITY_CUE.search(proposal.type.text):
        proposal = replace(proposal, places=[_as_city(m) for m in proposal.places])
    parties = _parties(proposal, text)
    home = "CN" if any(m.place.country == "CN" for m in parties) else None
    if home is None and parties:
        home = parties[0].place.country
    china = [m for m in parties if m.place.country == home]
    abroad = [m for m in parties if m.place.country != home]
    if not china or not abroad:
        # "Sister cities serve as bridges", "284 pairs of sister provinces and states": no pair.
        return []
    listed = _subject_list(text, _parties(proposal, text), proposal.type)
    if listed:
        return [_at_level(_with_parties(proposal, pair), pair) for pair in listed]
    items = [
        item
        for item in _list_items(text, _parties(proposal, text, once=False))
        if len({m.place.country == home for m in item}) == 2
    ]
    if len(items) > 1:
        pairs = [pair for item in items for pair in _one_side_each(item, home)]
        return [_at_level(_with_parties(proposal, pair), pair) for pair in pairs]
    if len(china) == 1 or len(abroad) == 1:
        one, many = (china, abroad) if len(china) == 1 else (abroad, china)
        # "Xiangyang city in Central China's Hubei province … with Carmel": the province
        # only locates its city.
        many = [m for m in many if not any(m.place.id in o.place.parents for o in many)]
        many = [m for m in many if not m.holds_unknown] or many
        pairs = [sorted((one[0], other), key=lambda m: m.start) for other in many]
    else:
        pairs = _in_order(parties, home)
    return [_at_level(_with_parties(proposal, pair), pair) for pair in pairs]


def sole_partners(text: str, places: Sequence[PlaceMention]) -> dict[bool, PlaceMention | None]:
    """The one place the whole text names as a party on each side: keyed True, the one abroad
    (the partner of a Chinese party); False, the one in China. None where it names none or
    several (a province that holds another of them counts as none)."""
    found: dict[bool, PlaceMention | None] = {}
    for china_side in (True, False):
        others = [
            m
            for m in places
            if m.strength == "name"
            and m.place.level != "country"
            and (m.place.country != "CN") == china_side
            and not _DELEGATION_AFTER.match(text, m.outer_end or m.end)
        ]
        ids = {m.place.id for m in others}
        ids -= {parent for m in others for parent in m.place.parents}
        found[china_side] = next(m for m in others if m.place.id in ids) if len(ids) == 1 else None
    return found


def with_sole_partner(
    proposal: Proposal, text: str, partners: dict[bool, PlaceMention | None]
) -> Proposal:
    """A sister proposal told with one party only ("A resolution approving a Sister City
    relationship with Chengdu, China"), with the one place of the other side the whole text
    names as a party ("the people of Nashville, Tennessee"; see :func:`sole_partners`); as it
    is when the text names none or several there.

    Parameters
    ----------
    proposal
        A proposal of any type; only sister ones change.
    text
        The document text.
    partners
        The text's sole parties on each side (:func:`sole_partners`).
    """
    if proposal.type.slug not in _SISTERS:
        return proposal
    parties = _parties(proposal, text)
    if len(parties) != 1:
        return proposal
    start = parties[0].start
    # "与美国威斯康星州": the country that locates the party stands between.
    located = [m for m in proposal.places if m.strength == "qualifier" and m.end <= start]
    if located and not text[located[-1].end : start].strip():
        start = located[-1].start
    if not _WITH_BEFORE.search(text, max(0, start - _WITH_CHARS), start):
        return proposal
    partner = partners[parties[0].place.country == "CN"]
    if partner is None:
        return proposal
    return replace(proposal, places=[*proposal.places, partner])


#: A party named by its country's adjective and its level ("the mayor of the Chinese district").
_KIND_OF_PARTY = re.compile(
    r"\bthe\s+(?P<side>Chinese|American|U\.S\.)\s+(?P<level>district|county|city|province|state)\b"
)
_LEVELS = {
    "district": "county",
    "county": "county",
    "city": "city",
    "province": "province",
    "state": "state",
}


def with_party_of_its_kind(
    proposal: Proposal, text: str, partners: dict[bool, PlaceMention | None]
) -> Proposal:
    """A partnership whose sentence names a party only by its country and level ("the mayor
    of the Chinese district signed a friendship agreement"), with the one place of that side
    and level the whole text names as a party (see :func:`sole_partners`)."""
    if proposal.type.slug not in _PARTNERSHIPS:
        return proposal
    added = list(proposal.places)
    for start, end in proposal.quotes:
        for found in _KIND_OF_PARTY.finditer(text, start, end):
            partner = partners[found.group("side") != "Chinese"]
            if (
                partner is not None
                and partner.place.level == _LEVELS[found.group("level")]
                and partner.place.id not in {m.place.id for m in added}
            ):
                added.append(partner)
    return replace(proposal, places=added) if len(added) > len(proposal.places) else proposal


def with_known_partner(
    proposal: Proposal,
    text: str,
    places: Sequence[PlaceMention],
    known: Mapping[str, frozenset[str]],
) -> Proposal:
    """A sister proposal told with one party, named in the partnership's own words
    ("Zhenjiang's sister city", "its sister city Batesville"), with the place the text names
    elsewhere that ``known`` pairs with that party ("Tempe's delegation"); as it is otherwise
    ("中美姐妹城合作" names no partnership of its own).

    Parameters
    ----------
    proposal
        A proposal of any type; only sister ones change.
    text
        The document text.
    places
        Every place mention of the text.
    known
        Each place and its partners in the curated records
        (:func:`partnermap.ingest.known_pairs.known_partners`).
    """
    if proposal.type.slug not in _SISTERS:
        return proposal
    parties = _parties(proposal, text)
    cue = proposal.type
    if len(parties) != 1 or not (
        _OWNER_GAP.fullmatch(text, parties[0].outer_end or parties[0].end, cue.start)
        or _OWNED_GAP.fullmatch(text, cue.end, parties[0].start)
    ):
        return proposal
    partners = known.get(parties[0].place.id, frozenset())
    found = next(
        (
            m
            for m in places
            if m.place.id in partners
            and m.strength != "weak"
            and not _DELEGATION_AFTER.match(text, m.outer_end or m.end)
        ),
        None,
    )
    if found is None:
        return proposal
    return replace(proposal, places=[*proposal.places, replace(found, strength="name", site=False)])


def with_headline_party(
    proposal: Proposal, text: str, headline: Sequence[PlaceMention]
) -> Proposal:
    """An agreement or partnership told with one party ("between PPA S.A. and Guangzhou
    Port"), with the one other local place the page's headline names ("Piraeus – China
    relationships are strengthened"); as it is when the headline names none or several.

    Parameters
    ----------
    proposal
        A proposal of any type; only named agreements (not "other") and partnerships change.
    text
        The document text.
    headline
        The place mentions of the page's head.
    """
    if proposal.type.slug not in (AGREEMENT_TYPES - {"other"}) | _PARTNERSHIPS:
        return proposal
    parties = _parties(proposal, text)
    if len(parties) != 1:
        return proposal
    others = {
        m.place.id: m
        for m in headline
        if m.strength == "name"
        and m.place.level != "country"
        and not m.site
        and m.place.id != parties[0].place.id
    }
    if len(others) != 1:
        return proposal
    [other] = others.values()
    return replace(proposal, places=[*proposal.places, other])


def _as_city(mention: PlaceMention) -> PlaceMention:
    """A party of a sister-city partnership named like a state or province is the city of
    that name ("Beijing and Washington became sister cities"), when a large one exists; not
    when its name says it is the division ("肯尼亚蒙巴萨郡", "Isabel Province")."""
    place = mention.place
    if mention.strength != "name" or place.level not in _WIDE:
        return mention
    if division_stem(mention.text)[1] or _EN_DIVISION_WORD.search(mention.text):
        return mention
    gazetteer = load_gazetteer()
    if place.twin is not None:
        return replace(mention, place=gazetteer.places[place.twin])
    found = geocode(mention.text, Context(country=place.country, level="city"), gazetteer).match
    if found is None or found.level != "city" or found.population < _LARGE_CITY:
        return mention
    return replace(mention, place=found)


def _parties(proposal: Proposal, text: str, once: bool = True) -> list[PlaceMention]:
    """The proposal's parties in text order; each place ``once``, or each time it is named.
    A place that only says where a delegation came from ("浙江省人大代表团…拜访布法罗市",
    "a Hebei delegation") is none. A place that holds a party the gazetteer does not know
    ("加拿大魁北克省沙威尼根市") stands for that party's side; :func:`_with_parties` drops it."""
    seen: set[str] = set()
    found = []
    unknown = [m for m in proposal.places if m.holds_unknown]
    for mention in sorted(proposal.chosen_places() + unknown, key=lambda m: m.start):
        local = mention.place.level != "country" and mention.strength == "name"
        local = local or mention.holds_unknown
        local = local and not _DELEGATION_AFTER.match(text, mention.outer_end or mention.end)
        if local and not mention.site and not (once and mention.place.id in seen):
            seen.add(mention.place.id)
            found.append(mention)
    return found


def _list_items(text: str, parties: list[PlaceMention]) -> list[list[PlaceMention]]:
    """The parties grouped by the items of a Chinese list they are named in: a new item starts
    where "、", a comma or a semicolon, and no Latin word, stands between two parties."""
    items: list[list[PlaceMention]] = []
    for i, mention in enumerate(parties):
        gap = text[parties[i - 1].end : mention.start] if i else ""
        if i == 0 or (_LIST_BREAK.search(gap) and not re.search(r"[A-Za-z]", gap)):
            items.append([])
        items[-1].append(mention)
    return items


def _subject_list(text: str, parties: list[PlaceMention], cue: Cue) -> list[list[PlaceMention]]:
    """The pairs of a subject and the list of its partners ("哈尔滨已经与A、B……和D结为友好关系",
    "X has sister-city relationships with A, B and C", "Joining A, Mexico and B, Israel, C is
    X's third sister city"): one pair per item, each with the subject (or with the place in
    brackets after the item that is its partner instead); none when the text is no such list:
    fewer than two items, or an item in the subject's country outside brackets (a list of
    pairs, "A与B、C与D"). The list is the subject's other parties before the partnership's word
    ``cue``, else those after it.
    """
    subject = next((m for m in parties if _SUBJECT_WITH.match(text, m.outer_end or m.end)), None)
    if subject is not None:
        items = [m for m in parties if m.start > subject.start]
    else:
        subject = next((m for m in parties if _OWNER_OF.match(text, m.outer_end or m.end)), None)
        items = [m for m in parties if m is not subject]
    if subject is None:
        return []
    items = [m for m in items if m.start < cue.start] or [m for m in items if m.start >= cue.end]
    partners: list[tuple[PlaceMention, PlaceMention]] = []  # (item, its partner)
    for i, item in enumerate(items):
        if partners and _OPEN_BRACKET.search(text, items[i - 1].end, item.start):
            partners[-1] = (partners[-1][0], item)
        elif item.place.country == subject.place.country:
            return []
        else:
            partners.append((item, subject))
    if len(partners) < 2:
        return []
    return [sorted(pair, key=lambda m: m.start) for pair in partners]


def _one_side_each(item: list[PlaceMention], home: str) -> list[list[PlaceMention]]:
    """The pairs of one list item: its first place of each side ("贵州省贵阳市与老挝巴色市"),
    a party before a place that only stands for one (see :func:`_parties`)."""
    ranked = sorted(item, key=lambda m: m.holds_unknown)
    ours = next(m for m in ranked if m.place.country == home)
    theirs = next(m for m in ranked if m.place.country != home)
    return [sorted((ours, theirs), key=lambda m: m.start)]


def _in_order(parties: list[PlaceMention], home: str) -> list[list[PlaceMention]]:
    pairs = []
    i = 0
    while i + 1 < len(parties):
        if (parties[i].place.country == home) != (parties[i + 1].place.country == home):
            pairs.append([parties[i], parties[i + 1]])
            i += 2
        else:
            i += 1
    return pairs


def _with_parties(proposal: Proposal, pair: list[PlaceMention]) -> Proposal:
    """The proposal between the places of ``pair`` only: a sister record names its pair (a
    place that stands for a party the gazetteer does not know stays, as a qualifier)."""
    ids = {m.place.id for m in pair}
    kept = [m for m in proposal.places if m.place.id in ids and (m.strength == "name" or m in pair)]
    first = {m.place.id: m for m in reversed(kept)}
    return replace(proposal, places=sorted(first.values(), key=lambda m: m.start))


def _at_level(proposal: Proposal, parties: list[PlaceMention]) -> Proposal:
    """The sister type the parties' level gives: states and provinces are sister states (a
    party the gazetteer does not know by its suffix: "伊梅列季州", "中戈壁省")."""
    if len(parties) < 2:
        return proposal
    wide = all(
        _WIDE_SUFFIX.search(m.holds_unknown) if m.holds_unknown else m.place.level in _WIDE
        for m in parties
    )
    slug = "sister_state_province" if wide else "sister_city"
    if slug == proposal.type.slug:
        return proposal
    cue = proposal.type
    return replace(proposal, type=Cue(slug, cue.start, cue.end, cue.text))


def attendees(
    text: str, spans: list[tuple[int, int]], places: list[PlaceMention]
) -> list[PlaceMention]:
    """The places named in the sentences (``spans``, in order) that tell who attended, below
    country level and not as a qualifier."""
    found = []
    for start, end in spans:
        if not ATTENDING.search(text, start, end):
            continue
        found += [
            m
            for m in places
            if start <= m.start < end and m.strength == "name" and m.place.level != "country"
        ]
    return found
