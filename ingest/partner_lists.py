"""A subject's partnerships told as standing or listed, and the date each item of a list takes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from partnermap.ingest.dates import DateChoice, DateMention
from partnermap.ingest.kinds import Cue
from partnermap.ingest.places import PlaceMention
from partnermap.ingest.proposal import FOUNDINGS, Proposal, between, local_names
from partnermap.ingest.sentence_cues import CLAUSE_BREAK

#: "有長達數十年的", "保持着": what says a partnership stands, before its name.
_STANDING_BEFORE = re.compile(
    r"(?:(?<![没沒])有|保持着?|保持了)[^，。,；;有]{0,12}$|"
    r"\b(?:has|have|had|maintains?|enjoys?)\s+(?:[\w-]+\s+){0,2}$|"
    # "El Paso's third sister city": a partnership its party owns stands.
    r"\w['’]s\s+(?:[\w-]+\s+)?$",
    re.I,
)
#: "迄今为止,哈尔滨已经与A、B……结为友好关系", "江苏省先后与…", "so far": partnerships told as
#: standing, not founded where they are told (dated only by a date of their own).
_PERFECT = re.compile(r"迄今|至今|已经?(?:先后)?[与同和]|先后[与同和]|\b(?:so far|to date)\b", re.I)
#: A count of partners ("已与世界12个国家的14个城市缔结", "with 20 cities"): a sum, no list.
_COUNT = re.compile(r"[\d几十百]+\s*(?:个|对|座)|\b\d+\s+(?:cities|countries|states|provinces)\b")
#: What stands between a listed party and the date that is its own: "A（1982年）", "A 1994".
_ITEM_DATE_GAP = re.compile(r"\s*[(（]?\s*")
#: "与…", "和…", "同…": the other party of the sentence's subject.
_WITH_NEXT = re.compile(r"[与和同]")


def date_items(text: str, pairs: Sequence[Proposal], mentions: Sequence[DateMention]) -> None:
    """Date each pair of a list by the date right after its item ("与A（1982年）、B（1995年）
    缔结…", "Jiangsu of China (27th October, 1994)"), that item only: a pair whose item has no
    date of its own loses a date that is another item's."""
    if len(pairs) < 2:
        return
    own = [_item_date(text, pair, mentions) for pair in pairs]
    items = {id(m) for m in own if m is not None}
    if not items:
        return
    for pair, mention in zip(pairs, own, strict=True):
        if mention is not None:
            pair.date = DateChoice(mention.value, mention, 0.8, "the date told with its item")
            pair.renewed = False
        elif pair.date.mention is not None and id(pair.date.mention) in items:
            pair.date = DateChoice(None, None, 0.5, "listed without a date of its own")


def _item_date(text: str, pair: Proposal, mentions: Sequence[DateMention]) -> DateMention | None:
    """The date written right after a party of ``pair`` ("加利福尼亚州（1982年）"), if any."""
    for place in local_names(pair.places):
        end = max(place.end, place.outer_end)
        gap = _ITEM_DATE_GAP.match(text, end).end()
        found = next((m for m in mentions if m.start == gap and m.kind == "text"), None)
        if found is not None and found.value:
            return found
    return None


def from_founding(told: DateChoice) -> DateChoice:
    """The year of the partnerships told just before, for a pair told without a date."""
    value = (told.value or "")[:4] or None
    mention = replace(told.mention, month=None, day=None) if told.mention else None
    return DateChoice(
        value, mention, 0.5, f"the year the partnerships told just before began ({value})"
    )


def outside_standing(
    text: str,
    eventful: Sequence[tuple[tuple[int, int], list[Cue]]],
    places: Sequence[PlaceMention],
) -> list[PlaceMention]:
    """``places`` but those of the paragraph's sentences that tell standing partnerships
    ("哈尔滨已经与A、B……结为友好关系"): their parties are theirs, not another record's."""
    told = [s for s, cues in eventful if tells_standing(text, s, cues)]
    return [m for m in places if not any(start <= m.start < end for start, end in told)]


def shared_subject(
    text: str, span: tuple[int, int], own: tuple[int, int], places: Sequence[PlaceMention]
) -> list[PlaceMention]:
    """The places of a sentence's subject when a later part of it goes on with "与"
    ("贵州省与A签署…,与B签署…": 贵州省 is a party of both), else none."""
    if own[0] <= span[0] or not _WITH_NEXT.match(text, own[0]):
        return []
    named = [m for m in places if span[0] <= m.start < own[0] and m.strength == "name"]
    # The subject's "与" is the first right after a place ("黑龙江省与…"), not one of a heading
    # run into the sentence ("友协和友城工作").
    first = next((m for m in named if _WITH_NEXT.match(text, max(m.end, m.outer_end))), None)
    return [m for m in named if first and m.start <= first.start]


def told_with_parties(
    eventful: Sequence[tuple[tuple[int, int], list[Cue]]],
    span: tuple[int, int],
    cue: Cue,
    places: Sequence[PlaceMention],
) -> bool:
    """Whether another sentence of the paragraph tells a partnership of the type of ``cue``
    between places it names."""
    return any(
        other != span
        and any(c.slug == cue.slug for c in cues)
        and any(
            m.strength == "name" and m.place.level != "country"
            for m in between(places, other[0], other[1])
        )
        for other, cues in eventful
    )


def tells_standing(text: str, span: tuple[int, int], cues: Sequence[Cue]) -> bool:
    """Whether the sentence tells a partnership that stands ("三藩市與中國上海市有長達數十年的
    友好城市關係", "保持着友好省州关系"): a record, dated only if the text dates it."""
    return any(
        cue.slug in FOUNDINGS
        and (
            _STANDING_BEFORE.search(text, max(span[0], cue.start - 16), cue.start)
            or perfect(text, span, cue)
        )
        for cue in cues
    )


def perfect(text: str, span: tuple[int, int], cue: Cue) -> bool:
    """Whether the sentence tells its partnerships as standing by now ("哈尔滨已经与A、B…结为
    友好关系"), naming them, not counting them ("已与12个国家的14个城市缔结")."""
    return bool(
        _PERFECT.search(text, span[0], cue.start) and not _COUNT.search(text, span[0], cue.start)
    )


def clause_of(text: str, span: tuple[int, int], cue: Cue) -> tuple[int, int]:
    """The clause of the sentence ``span`` that holds ``cue``: between the breaks around it."""
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, span[0], cue.start)]
    after = CLAUSE_BREAK.search(text, cue.end, span[1])
    return (breaks[-1] if breaks else span[0], after.start() if after else span[1])
