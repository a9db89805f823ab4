"""Agreements between parties: bare, recalled, cited, counted, renewed or founding a partnership."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from partnermap.data.vocabulary import AGREEMENT_TYPES
from partnermap.ingest.dates import DateMention, chinese_number
from partnermap.ingest.kinds import UNNAMED_PARTNERSHIP, Cue, type_cues
from partnermap.ingest.places import PlaceMention
from partnermap.ingest.proposal import (
    FOUNDINGS,
    Proposal,
    between,
    local_names,
    sentence_around,
    with_places,
)
from partnermap.ingest.sentence_cues import GENERIC, QUOTED_TITLE, RECALLED_BEFORE, SIGNS

#: Agreements named by their kind ("memorandum of understanding", "框架"), not by a bare word.
NAMED_AGREEMENTS = AGREEMENT_TYPES - {"other"}
#: How far after a bare agreement word the text may name its kind (see named_after).
_RECALL_CHARS = 600
#: What tells a date as a founding: "first signed in", "established in", "since", "自…".
_FOUNDED_BEFORE = re.compile(
    r"(?:\b(?:first|originally)\s+\w+|\b(?:established|founded|formed|forged|began)|\bsince|"
    r"\bdating\s+back\s+to)\s+(?:in\s+|on\s+)?$|自$|始于$",
    re.I,
)
_FOUNDED_AFTER = re.compile(r"\s*(?:年)?(?:建立|缔结|结好|结为|以来|起)")
CELEBRATED = re.compile(r"庆祝|纪念|周年|\bcelebrat\w*|\banniversar", re.I)
_RENEWAL = re.compile(
    r"续签|重申|重新签署|延长|\brenew(?:ed|s|ing|al)?\b|\breaffirm(?:ed|s|ing|ation)?\b|"
    r"\bextend(?:ed|s|ing)?\b|\bextension\b",
    re.I,
)
#: How far before a partnership's word its renewal may be told ("will sign a renewal of the
#: two states' friendship agreement").
_RENEWAL_CHARS = 32
#: A renewal told as an act of its own, done or to come: "renewed", "extended", "signed a
#: reaffirmation", "will sign a renewal", "to renew", "续签"; not "重申" (a pledge restated).
_RENEWAL_ACT = re.compile(
    r"续签|重新签署|延长|\b(?:renew(?:ed|s|al)|reaffirm(?:ed|s|ation)|extend(?:ed|s)|extension)\b"
    r"|\b(?:will|to)\s+(?:renew|reaffirm|extend)\b",
    re.I,
)
#: A determiner before a bare agreement word, with at most three words between.
DETERMINED = re.compile(r"\b(?:the|this|that)\s+(?:[\w'’-]+\s+){0,3}$|(?:该|此|这份|上述)$", re.I)
#: The count right before the agreements a sentence lists ("…等4项交流合作备忘录").
_COUNTED_BEFORE = re.compile(
    r"等?(?P<count>\d{1,2}|[一二两三四五六七八九十]{1,3})(?:项|項|份|个|個)[\u4e00-\u9fff]{0,4}$"
)


def named_after(text: str, proposal: Proposal) -> None:
    """Give an agreement told by a bare word ("signed the first agreement") the kind the text
    names when it recalls it next ("The memorandum of understanding, which …", "该备忘录"),
    even in a sentence that tells no event."""
    if not bare_agreement(proposal):
        return
    end = proposal.type.end
    window = text[end : end + _RECALL_CHARS]
    for cue in type_cues(window):
        before = window[max(0, cue.start - 12) : cue.start]
        if cue.slug in NAMED_AGREEMENTS and RECALLED_BEFORE.search(before):
            proposal.type = Cue(cue.slug, proposal.type.start, proposal.type.end, cue.text)
            return
        if cue.slug in AGREEMENT_TYPES:
            return


def parties_recalled(text: str, proposal: Proposal, places: Sequence[PlaceMention]) -> None:
    """Give an agreement told with no local party ("signed a memorandum of understanding with
    a province in the Chinese interior") the local places of the sentence that recalls it
    next ("The agreement … with the province of Shaanxi"), within ``_RECALL_CHARS``."""
    if proposal.type.slug not in AGREEMENT_TYPES or local_names(proposal.places):
        return
    end = sentence_around(text, proposal.type.start, proposal.type.end)[1]
    window = text[end : end + _RECALL_CHARS]
    for cue in type_cues(window):
        if cue.slug not in AGREEMENT_TYPES:
            continue
        if not RECALLED_BEFORE.search(window[max(0, cue.start - 12) : cue.start]):
            return  # another agreement is told first
        start, stop = sentence_around(text, end + cue.start, end + cue.end)
        proposal.places = with_places(proposal.places, local_names(between(places, start, stop)))
        return


def counted_agreements(
    text: str, span: tuple[int, int], proposal: Proposal, places: Sequence[PlaceMention]
) -> list[Proposal]:
    """One agreement per item of a sentence that lists the agreements it counts ("签署A、B、
    C、D等4项交流合作备忘录"), each between the places its item names, else the places the
    sentence names outside the list; the proposal as it is otherwise."""
    cue = proposal.type
    if cue.slug not in AGREEMENT_TYPES:
        return [proposal]
    counted = _COUNTED_BEFORE.search(text, span[0], cue.start)
    signed = counted and list(SIGNS.finditer(text, span[0], counted.start()))
    if not counted or not signed:
        return [proposal]
    start, end = signed[-1].end(), counted.start()
    cuts = [start] + [start + m.end() for m in re.finditer("、", text[start:end])] + [end]
    items = list(pairwise(cuts))
    if len(items) < 2 or len(items) != chinese_number(counted.group("count")):
        return [proposal]
    outside = [m for m in places if not start <= m.start < end]
    found = []
    for number, (first, last) in enumerate(items, start=1):
        own = [m for m in places if first <= m.start < last]
        named = any(m.strength == "name" for m in own)
        found.append(
            replace(
                proposal,
                places=own if named else outside,
                item=number,
                phrase=text[first:last].strip("、") + cue.text,
            )
        )
    return found


def founding_date(text: str, mention: DateMention) -> bool:
    """Whether a date is told as a partnership's founding ("first signed in 1987", "since
    1985", "1987年建立")."""
    before = text[max(0, mention.start - 30) : mention.start]
    after = text[mention.end : mention.end + 8]
    return bool(_FOUNDED_BEFORE.search(before) or _FOUNDED_AFTER.match(after))


def tells_renewal(text: str, span: tuple[int, int], cue: Cue) -> bool:
    """Whether the sentence renews or reaffirms the partnership ``cue`` names ("续签友好城市
    协议", "reaffirm their sister-city relationship", "renewed the sister-state agreement")."""
    before = text[max(span[0], cue.start - _RENEWAL_CHARS) : cue.start]
    return bool(_RENEWAL.search(before))


def renewal_act(text: str, span: tuple[int, int], cue: Cue) -> re.Match[str] | None:
    """The word by which the sentence renews the partnership ``cue`` names as an act of its
    own ("renewed the Sister-State Agreement", "extended the Friendship Agreement", "signed a
    reaffirmation of a Sister City agreement", "续签友好城市协议"), or None."""
    found = list(_RENEWAL_ACT.finditer(text, max(span[0], cue.start - _RENEWAL_CHARS), cue.start))
    return found[-1] if found else None


def anniversary_of(
    span: tuple[int, int], cues: Sequence[Cue], mentions: Sequence[DateMention]
) -> bool:
    """Whether a sentence tells a partnership's anniversary ("celebrated the 35th anniversary
    of their sister relationship"): it dates the partnership's founding."""
    if not any(c.slug in FOUNDINGS for c in cues):
        return False
    first = bisect_left(mentions, span[0], key=lambda m: m.start)
    last = bisect_left(mentions, span[1], lo=first, key=lambda m: m.start)
    return any(m.founding for m in mentions[first:last])


def cites(text: str, span: tuple[int, int], cues: Sequence[Cue]) -> bool:
    """Whether the sentence cites an agreement by its title ("根据“…谅解备忘录”附件一")."""
    for match in QUOTED_TITLE.finditer(text, span[0], span[1]):
        if any(c.slug in AGREEMENT_TYPES and c.end == match.end() - 1 for c in cues):
            return True
    return False


def bare_agreement(proposal: Proposal) -> bool:
    """Whether a proposal is told by a word every agreement is ("accord", "协议")."""
    return proposal.type.slug == "other" and bool(GENERIC.fullmatch(proposal.type.text))


def written_foundings(proposals: Sequence[Proposal]) -> list[Proposal]:
    """``proposals`` without the foundings only an anniversary dates when the text writes the
    same partnership's founding, in the anniversary's year or a year from it ("结好40周年"
    told in 2021, "于1980年缔结为友好城市"): a partnership is often celebrated in the year after
    its round anniversary, and the written date is the founding's (with its month when the
    text gives one: "1986年4月…签署建立友好城市关系协议书" beside "结好35周年" told in 2021)."""
    written = {
        (frozenset(p.locality_ids()), p.date.mention.year)
        for p in proposals
        if p.type.slug in FOUNDINGS
        and p.date.mention is not None
        and p.date.mention.year is not None
        and not p.date.mention.founding
    }

    def counted(p: Proposal) -> bool:
        mention = p.date.mention
        if p.type.slug not in FOUNDINGS or mention is None or not mention.founding:
            return False
        if mention.year is None:
            return False
        pair = frozenset(p.locality_ids())
        return any((pair, mention.year + shift) in written for shift in (-1, 0, 1))

    return _signed_foundings([p for p in proposals if not counted(p)])


def _signed_foundings(proposals: Sequence[Proposal]) -> list[Proposal]:
    """``proposals`` with each bare agreement signed in the year a founding of the same parties
    is dated by alone folded into that founding, which takes its month or day: the agreement
    is the founding's ("Washington-Sichuan Friendship State/Province … (Established: 1982)",
    then "The agreement of the friendship relations between the State of Washington and the
    Province of Sichuan was signed in Chengdu in October 1982")."""
    foundings = [
        p
        for p in proposals
        if p.type.slug in FOUNDINGS
        and p.date.mention is not None
        and p.date.mention.precision == 1
        and len(p.locality_ids()) >= 2
    ]
    folded = set()
    for agreement in proposals:
        mention = agreement.date.mention
        if not bare_agreement(agreement) or mention is None or mention.precision < 2:
            continue
        parties = set(agreement.locality_ids())
        for founding in foundings:
            if founding.date.mention.year == mention.year and parties >= set(
                founding.locality_ids()
            ):
                founding.date = agreement.date
                founding.quotes = list(dict.fromkeys(founding.quotes + agreement.quotes))[:3]
                folded.add(id(agreement))
    return [p for p in proposals if id(p) not in folded]


_TO_THAT_EFFECT = re.compile(r"\s+to\s+(?:that|this)\s+effect\b", re.I)


def agreements_to_that_effect(text: str, proposals: Sequence[Proposal]) -> list[Proposal]:
    """``proposals`` with each bare agreement signed "to that effect" folded into the founding
    of the same places it makes ("have established a sister-city relationship … signed an
    agreement to that effect on Sept. 15"): one record, dated by the signing when it has a
    date."""
    kept: list[Proposal] = []
    for proposal in proposals:
        cue = proposal.type
        if bare_agreement(proposal) and _TO_THAT_EFFECT.match(text, cue.end):
            places = set(proposal.locality_ids())
            founding = next(
                (
                    p
                    for p in kept
                    if p.type.slug in FOUNDINGS and places and set(p.locality_ids()) == places
                ),
                None,
            )
            if founding is not None:
                if proposal.date.value:
                    founding.date = proposal.date
                founding.quotes = list(dict.fromkeys(founding.quotes + proposal.quotes))[:3]
                continue
        kept.append(proposal)
    return kept


def named_partnerships(proposals: Sequence[Proposal]) -> list[Proposal]:
    """``proposals`` without a partnership told without its kind ("结好") when the text names
    the same pair's partnership of that date by its kind ("缔结友好合作城市30周年"): it is that
    friendship, not a sister partnership of its own."""
    named = {
        (frozenset(p.locality_ids()), p.date.value)
        for p in proposals
        if p.type.slug == "friendship"
    }
    return [
        p
        for p in proposals
        if not (
            p.type.slug in FOUNDINGS - {"friendship"}
            and UNNAMED_PARTNERSHIP.fullmatch(p.type.text)
            and (frozenset(p.locality_ids()), p.date.value) in named
        )
    ]
