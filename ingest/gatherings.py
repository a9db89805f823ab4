"""Gatherings: series, sessions told "respectively", attendees, and what was made at them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from partnermap.ingest.blocks import Block, sentences
from partnermap.ingest.dates import DateChoice, DateMention
from partnermap.ingest.kinds import GATHERINGS, Cue
from partnermap.ingest.parties import attendees
from partnermap.ingest.places import PlaceMention
from partnermap.ingest.proposal import Proposal, block_places, with_places
from partnermap.ingest.sentence_cues import GENERIC

_DECLARATION = re.compile(r"declaration|statement|communiqu|宣言|声明|公报", re.I)
#: Where an event told after a gathering took place: at it ("会上", "峰会上", "at the summit")
#: or during it ("峰会期间", "during the forum").
_AT_GATHERING = re.compile(
    r"(?P<zh>峰会|论坛|大会|会议|研讨会)[^，。；,;]{0,6}?(?:期间|上|(?P<zh_around>之?前|之?后|前夕))|"
    r"会上|\b(?:at|during|on\s+the\s+sidelines\s+of|"
    r"(?P<en_around>before|after|ahead\s+of|following))\s+the\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?P<en>summit|forum|conference|meeting|workshop)s?\b",
    re.I,
)
_GATHERING_WORDS = {
    "峰会": "summit",
    "论坛": "forum",
    "大会": "conference",
    "会议": "conference",
    "研讨会": "workshop",
    "summit": "summit",
    "forum": "forum",
    "conference": "conference",
    "meeting": "conference",
    "workshop": "workshop",
}
_RESPECTIVELY = re.compile(r"分别(?:于|在)?|\brespectively\b")
#: A gathering's name that makes it one session: an ordinal or a year before the words of its
#: name ("the seventh China-U.S. Sister Cities Conference", "the 27th Biennial Joint Economic
#: Meeting", "the 2012 China International Friendship Cities Conference", "第二十届中日韩友好
#: 城市交流大会").
_SESSION_BEFORE = re.compile(
    r"\b(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d+(?:st|nd|rd|th)|(?:19|20)\d\d)\s+(?:[A-Z][\w'’.&-]*\s+){1,6}$|"
    r"(?:第[一二三四五六七八九十百\d]+届|首届)[^，。,；;、:：]{0,24}$"
)
#: A gathering named in full as what people attend or take part in ("to attend the Ireland
#: US Sister City Summit", "participate in the …").
_ATTENDED_BEFORE = re.compile(
    r"\b(?i:attend(?:s|ed|ing)?|participat(?:e|es|ed|ing)\s+in|t(?:ake|akes|ook|aking)\s+part\s+in)"
    r"\s+the\s+(?:[A-Z][\w'’.&-]*\s+){1,6}$"
)
#: How far before its word a gathering's name is read.
_NAME_CHARS = 80
#: The words of a gathering's name before its word: capitalised words, or a run of Chinese.
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’.&-]*[\s-]+){1,8}$|[\u4e00-\u9fff]{2,24}$")
#: A country's international gathering: the country then "International" ("China International
#: Friendship Cities Conference", "中国国际友好城市大会").
_INTERNATIONAL_AFTER = re.compile(r"\s*(?:国际|International\b)")
#: A place in the office of a person whose words follow: in Chinese, the office and the name
#: after it ("得克萨斯州圣安东尼奥市市长罗恩·尼伦伯格说"); in English, an apposition after the name
#: ("Alix Nathan, president of the Portland-Suzhou Sister City Association in Oregon, said").
_OFFICE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:市长|州长|省长|县长|主席|会长|董事长|理事长|总裁|主任|书记)"
    r"[\u4e00-\u9fff·]{2,12}(?:说|表示|指出|称)"
)
_SAID_AFTER = re.compile(r"[^.;!?,]{0,60},\s+(?:said|says|told)\b")
_OFFICE_BEFORE = re.compile(
    r"\b[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3},\s+(?:the\s+)?"
    r"(?i:president|chair(?:man|woman)?|director|mayor|governor|head|secretary|CEO)\s+of\s+"
    r"[^.;!?,]{0,60}$"
)
_SPEAKER_CHARS = 80
#: A gathering held again and again: "此后逐年举行", "每年举办", "轮流", "every year".
_SERIES = re.compile(
    r"逐年|每年|每两年|每隔|轮流|一年一度|\b(?:annually|every\s+(?:two\s+)?years?|each\s+year)\b",
    re.I,
)


def add_attendees(
    text: str, block: Block, places: Sequence[PlaceMention], proposals: Sequence[Proposal]
) -> None:
    """Add the places of a block's attendance sentences to the gathering they attended: the
    first one told in this paragraph or the one before (a paragraph's main event comes first),
    else the last one told."""
    near = [p for p in proposals if p.type.slug in GATHERINGS and block.index - p.block <= 1]
    gathering = min(near, key=lambda p: (p.block, p.type.start)) if near else None
    if gathering is None:
        gathering = next((p for p in reversed(proposals) if p.type.slug in GATHERINGS), None)
    if gathering is None:
        return
    spans = sentences(text, block.start, block.end)
    found = attendees(text, spans, block_places(block, places))
    if found:
        gathering.places = with_places(gathering.places, found)


def told_gathering(text: str, span: tuple[int, int], cues: Sequence[Cue]) -> bool:
    """Whether a sentence tells a gathering without a word of an event: one it names as a
    session ("said at the sixth U.S.-China Sister Cities Summit on Friday in Tacoma", "who
    are in Sydney for the 27th Biennial Joint Economic Meeting") or names in full as what
    people attend ("to attend the Ireland US Sister City Summit")."""
    return any(
        cue.slug in GATHERINGS
        and (
            _SESSION_BEFORE.search(text, max(span[0], cue.start - _NAME_CHARS), cue.start)
            or _ATTENDED_BEFORE.search(text, max(span[0], cue.start - _NAME_CHARS), cue.start)
        )
        for cue in cues
    )


def international_gathering(text: str, proposal: Proposal) -> None:
    """Leave no country to a gathering its name makes one country's international gathering
    ("the 2012 China International Friendship Cities Conference in Chengdu", "2018中国国际友好
    城市大会在武汉闭幕"): the country says where it is held, and the countries its paragraph
    names ("U.S. and Chinese communities", "我国") are no side of it."""
    cue = proposal.type
    if cue.slug not in GATHERINGS:
        return
    name = _NAME_BEFORE.search(text, max(0, cue.start - _NAME_CHARS), cue.start)
    if name is None:
        return
    named = [
        m
        for m in proposal.places
        if m.place.level == "country" and name.start() <= m.start and m.end <= cue.start
    ]
    if len({m.place.id for m in named}) != 1 or not any(
        _INTERNATIONAL_AFTER.match(text, m.end) for m in named
    ):
        return
    proposal.places = [m for m in proposal.places if m.place.level != "country"]


def without_speakers(text: str, proposal: Proposal) -> None:
    """Leave to a gathering none of the places that only name a speaker's office ("得克萨斯州
    圣安东尼奥市市长罗恩·尼伦伯格说", "Alix Nathan, president of the Portland-Suzhou Sister City
    Association in Oregon, said at the sixth U.S.-China Sister Cities Summit"): the speaker's
    city is no side of it."""
    if proposal.type.slug not in GATHERINGS:
        return
    proposal.places = [
        m for m in proposal.places if m.place.level == "country" or not _office(text, m)
    ]


def _office(text: str, mention: PlaceMention) -> bool:
    """Whether a place names the office of a person whose words follow."""
    end = mention.end + _SPEAKER_CHARS
    if _OFFICE_AFTER.match(text, mention.end, end):
        return True
    before = max(0, mention.start - _SPEAKER_CHARS)
    return bool(
        _SAID_AFTER.match(text, mention.end, end)
        and _OFFICE_BEFORE.search(text, before, mention.start)
    )


def series(text: str, span: tuple[int, int], cue: Cue, mentions: Sequence[DateMention]) -> bool:
    """Whether a gathering is told as a series held again and again ("双城论坛是由…2010年合力
    促成,此后逐年举行", "held every year since 2010"), in a sentence that dates no day of its
    own: no event. (A numbered clause of an agreement that sets one up, "双方轮流组织一年一度的
    …会议", is one: the caller asks only outside such clauses.)"""
    if cue.slug not in GATHERINGS or not _SERIES.search(text, span[0], span[1]):
        return False
    first = bisect_left(mentions, span[0], key=lambda m: m.start)
    last = bisect_left(mentions, span[1], lo=first, key=lambda m: m.start)
    return not any(m.kind == "text" and m.precision == 3 for m in mentions[first:last])


def respectively(
    text: str,
    span: tuple[int, int],
    proposal: Proposal,
    mentions: Sequence[DateMention],
    places: Sequence[PlaceMention],
) -> list[Proposal]:
    """One gathering per (date, place) of a sentence that lists its sessions "respectively"
    ("举行过三届,分别于2014年在美国华盛顿、2015年在美国芝加哥、2016年在中国南昌举行"), or one
    undated per place when it dates none ("已分别在北京、上海…和武汉成功举办6届"); one
    agreement per date it lists before the agreement ("分别于2007年11月28日和2012年11月28日
    签订加强交流协议"); the proposal as it is otherwise."""
    found = _RESPECTIVELY.search(text, span[0], span[1])
    if found is None:
        return [proposal]
    start = found.end()
    first = bisect_left(mentions, start, key=lambda m: m.start)
    last = bisect_left(mentions, span[1], lo=first, key=lambda m: m.start)
    dated = [m for m in mentions[first:last] if m.kind == "text" and m.year]
    sites = [
        m
        for m in places
        if m.start >= start and m.strength == "name" and m.place.level != "country"
    ]
    if proposal.type.slug not in GATHERINGS:
        if len(dated) < 2 or sites or not (found.start() < proposal.type.start):
            return [proposal]
        # "分别于2007年11月28日和2012年11月28日签订加强交流协议": one agreement per date.
        return [
            replace(
                proposal,
                date=DateChoice(mention.value, mention, 0.7, "one of the dates the text lists"),
                phrase=f"{proposal.phrase} ({mention.text})",
            )
            for mention in dated
            if mention.start < proposal.type.start
        ]
    weak = [m for m in proposal.places if m.strength == "weak"]
    if not dated and len(sites) > 1:
        undated = DateChoice(None, None, 0.5, "one of the sessions the text lists, undated")
        return [
            replace(
                proposal,
                date=undated,
                places=[site, *weak],
                phrase=f"{proposal.phrase} ({site.text})",
                session=True,
            )
            for site in sites
        ]
    if len(dated) < 2 or len(dated) != len(sites):
        return [proposal]
    return [
        replace(
            proposal,
            date=DateChoice(mention.value, mention, 0.7, "one of the sessions the text lists"),
            places=[site, *weak],
            phrase=f"{proposal.phrase} ({mention.text})",
        )
        for mention, site in zip(dated, sites, strict=True)
    ]


def gathering_named(
    before: str, proposals: Sequence[Proposal]
) -> tuple[Proposal | None, str | None]:
    """The dated gathering a block says its events took place at ("在峰会期间", "会上"), and
    the word when they took place before or after it instead ("论坛前", "before the summit")."""
    found = list(_AT_GATHERING.finditer(before))
    if not found:
        return None, None
    last = found[-1]
    word = (last.group("zh") or last.group("en") or "").lower()
    wanted = {_GATHERING_WORDS[word]} if word else GATHERINGS
    gathering = next(
        (p for p in reversed(proposals) if p.type.slug in wanted and p.date.value), None
    )
    return gathering, last.group("zh_around") or last.group("en_around")


def gathering_of_declaration(
    text: str, block: Block, proposal: Proposal, proposals: Sequence[Proposal]
) -> Proposal | None:
    """The gathering a declaration or unnamed agreement was made at: one told in the same
    block, or named in its sentence ("峰会上…签署了一系列行动宣言"), of the same date."""
    if proposal.type.slug != "other" or not (
        _DECLARATION.search(proposal.type.text) or GENERIC.fullmatch(proposal.type.text)
    ):
        return None
    sentence = text[proposal.quotes[0][0] : proposal.type.start]
    here = [p for p in proposals if p.type.slug in GATHERINGS and p.block == block.index]
    gathering = here[-1] if here else gathering_named(sentence, proposals)[0]
    if gathering is None:
        return None
    own = proposal.date.value
    if own and gathering.date.value and not gathering.date.value.startswith(own):
        return None
    return gathering
