"""The records a block's sentences tell, each with the date, places and sectors nearest its cue."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from partnermap.data.vocabulary import AGREEMENT_TYPES, TYPES
from partnermap.ingest.agreements import (
    CELEBRATED,
    DETERMINED,
    NAMED_AGREEMENTS,
    anniversary_of,
    cites,
    counted_agreements,
    founding_date,
    renewal_act,
    tells_renewal,
)
from partnermap.ingest.anchors import DocumentDates
from partnermap.ingest.blocks import Block, sentences
from partnermap.ingest.council_pages import meeting_date
from partnermap.ingest.dates import EVENT_CUES, DateChoice, choose_event_date
from partnermap.ingest.gatherings import respectively, series, told_gathering
from partnermap.ingest.kinds import Cue, find_sectors, type_cues
from partnermap.ingest.partner_lists import (
    clause_of,
    outside_standing,
    perfect,
    shared_subject,
    tells_standing,
    told_with_parties,
)
from partnermap.ingest.places import PlaceMention
from partnermap.ingest.proposal import (
    FOUNDINGS,
    Proposal,
    between,
    block_places,
    quote_span,
    with_places,
)
from partnermap.ingest.sentence_cues import (
    own_span,
    phrase,
    sentence_cues,
    shift,
    signed_at_anniversary,
)

#: What makes an event's word tell no event of the sentence's own: an aim it is part of ("is
#: part of a plan to establish", "seeks to"), or a clause about a party ("Kuantan, which
#: signed an MOU"): the record is only recalled.
_UNTOLD_BEFORE = re.compile(
    r"\b(?:plans?|aims?|seeks?|sought|efforts?|order|hopes?|intends?|intention|goals?|bid|"
    r"wants?|wish(?:es)?|ambitions?|vision|initiatives?|strategy)\s+to\s+$|"
    r",\s*(?:which|who)\s+(?:(?:has|have|had)\s+)?(?:also\s+)?$",
    re.I,
)
#: What makes an event's word tell only what could happen ("partnerships can be established")
#: or what someone is asked to weigh ("requested that the City of Dublin consider establishing
#: a Sister City relationship").
_POSSIBLE_BEFORE = re.compile(
    r"\b(?:can|could|may|might|would|should)\s+be\s+$|\bconsider(?:s|ed|ing)?\s+$|"
    # "希望与福州缔结为友好城市", "探讨两座城市建立友好城市关系的可能性": a wish or a prospect.
    r"(?:希望|盼望|期待|期望|愿意|有意|拟|探讨|商讨|争取|有望)[^，。,；;!?！？]{0,12}$",
    re.I,
)
#: Words about a gathering's series, not one of its sessions: the next session ("下届大会将于
#: 2020年在云南昆明举办", "next year's summit"), when the series began ("中日韩友好城市交流大会
#: 发起于1999年", "launched in 1999") or how many sessions it has had ("已成功举办19届").
_SERIES = re.compile(
    r"下一?届|(?:发起|创办|创立|始创|首创)于|已(?:经)?(?:成功|连续)?举办了?[\d一二三四五六七八九十百]+届|"
    r"\bhas\s+been\s+held\s+\w+\s+times\b|\bnext\s+(?:year['’]s\s+)?"
    r"(?:session|edition|summit|conference|forum|meeting)\b|\b(?:launched|inaugurated)\s+in\b",
    re.I,
)
#: An item heading that names only a field of cooperation ("Renewable Energy Cooperation:").
_COOPERATION = re.compile(r"\bcooperation\b|合作", re.I)


def block_proposals(
    text: str, block: Block, dates: DocumentDates, places: Sequence[PlaceMention]
) -> list[Proposal]:
    """The records the sentences of ``block`` tell: one per cue of each sentence that tells
    an event, cites an agreement, or tells a standing partnership or an anniversary (or the
    one record of a numbered item), in text order."""
    found: list[Proposal] = []
    spans = sentences(text, block.start, block.end)
    told = [(s, sentence_cues(text, s)) for s in spans]
    eventful = [
        (s, c)
        for s, c in told
        if c
        and not _about_series(text, s)
        and (
            _tells_possible_event(text, s)
            or cites(text, s, c)
            or told_gathering(text, s, c)
            or tells_standing(text, s, c)
            or anniversary_of(s, c, dates.mentions)
        )
    ]
    if not eventful and block.item:
        eventful = _item_cue(text, block, told)
    block_countries = [
        replace(m, strength="weak")
        for m in block_places(block, places)
        if m.place.level == "country" and m.strength != "qualifier"
    ]
    block_sectors = find_sectors(text[block.start : block.end]) if eventful else []
    for span, cues in eventful:
        marking = signed_at_anniversary(text, span, cues)
        for cue in cues:
            if not block.item and series(text, span, cue, dates.mentions):
                continue
            own = own_span(text, span, cue, cues)
            founding = cue.slug in FOUNDINGS
            standing = tells_standing(text, span, [cue]) and (
                not EVENT_CUES.search(text, span[0], span[1]) or perfect(text, span, cue)
            )
            if standing and not cue.text.isascii():
                # A partnership that stands is between the places of its clause, dated only
                # there ("三藩市與中國上海市有…友好城市關係,…雙方都決定要建立友好城市關係").
                own = clause_of(text, span, cue)
            date = choose_event_date(text, own[0], own[1], dates.mentions, founding)
            renewed = standing
            renewal = tells_renewal(text, span, cue)
            older = renewal or CELEBRATED.search(text, span[0], span[1])
            written = date.mention is not None and not date.mention.inferred
            if renewal and written and not founding_date(text, date.mention):
                written = False  # "renewed their sister-state agreement in 2019": the renewal's
            if founding and older and not written and not (date.mention and date.mention.founding):
                # "签署重申双方姊妹城市关系的备忘录", "celebrated their sister city ties Tuesday":
                # the partnership is older than the renewal or the celebration.
                date = DateChoice(None, None, 0.5, "renewed or celebrated here; founded earlier")
                renewed = True
            if not date.value and not renewed and len(cues) > 1:
                whole = choose_event_date(text, span[0], span[1], dates.mentions, founding)
                date = whole if whole.value else date
            told_here = block.item or _tells_event(text, span)
            alone = len(cues) == 1 or cue in marking  # the anniversary's partnership is older
            if not date.value and not renewed and alone and told_here:
                # The date told before it in its paragraph ("On May 19, … met … During this
                # meeting, they signed …") or numbered item, else one told after it; a record a
                # sentence only recalls takes none ("is part of a plan to establish …").
                told = choose_event_date(text, block.start, span[1], dates.mentions, founding)
                if not told.value:
                    told = choose_event_date(text, block.start, block.end, dates.mentions, founding)
                date = told if told.value else date
            if meeting_date(text, date.mention):
                # "MEETING DATE: September 19, 2006" over what a council is only asked to do.
                date = DateChoice(None, None, 0.5, "the date of the meeting asked to decide it")
            in_sentence = between(places, span[0], span[1])
            mine = [m for m in in_sentence if m.party or own[0] <= m.start < own[1] or not m.site]
            if standing:
                mine = between(places, own[0], own[1])
            if len(cues) > 1 and (founding or cue.slug in AGREEMENT_TYPES):
                # Several partnerships or agreements in one sentence: each is between the
                # places of its part, and the subject they share ("贵州省与A签署…,与B签署…").
                nearer = [m for m in mine if own[0] <= m.start < own[1]]
                if any(
                    (m.strength == "name" and (founding or not m.site)) or m.holds_unknown
                    for m in nearer
                ):
                    mine = shared_subject(text, span, own, mine) + nearer
            if not [m for m in mine if m.strength != "qualifier"]:
                if founding and told_with_parties(eventful, span, cue, places):
                    # "在当日举行的友好城市缔结签字仪式上…此次新缔结的5对友好城市分别为山西省与…":
                    # the sentence that names the pairs tells them.
                    continue
                mine = outside_standing(text, eventful, block_places(block, places))
            sectors = block_sectors or find_sectors(text[span[0] : span[1]])
            proposal = Proposal(
                cue,
                date,
                with_places(mine, block_countries),
                sectors,
                [quote_span(span, cue)],
                _cue_title(text, cue),
                block=block.index,
                item=block.number,
                phrase=phrase(text, cue),
                renewed=renewed,
                recalled=bool(DETERMINED.search(text, max(0, cue.start - 40), cue.start)),
            )
            act = renewal_act(text, span, cue) if founding else None
            if act and not any(c.slug in NAMED_AGREEMENTS - FOUNDINGS for c in cues):
                # The renewal is the record its sentence tells when the text dates it or tells
                # no founding of the partnership it renews, which then needs no record of
                # its own ("will sign a renewal of the two states' friendship agreement" on a
                # coming Monday); an undated renewal of a dated partnership adds nothing.
                renewing = _renewal(text, span, own, act, proposal, dates)
                if not proposal.date.value:
                    found.append(renewing)
                    continue
                if renewing.date.value:
                    found.append(renewing)
            for told in respectively(text, span, proposal, dates.mentions, in_sentence):
                found += counted_agreements(text, span, told, in_sentence)
    return found


def _renewal(
    text: str,
    span: tuple[int, int],
    own: tuple[int, int],
    act: re.Match[str],
    partnership: Proposal,
    dates: DocumentDates,
) -> Proposal:
    """The renewal of ``partnership`` its sentence tells as an act of its own ("… Monday and
    will sign a renewal of the two states' friendship agreement", "extended the Friendship
    Agreement"): an agreement between the same parties (their countries only locate them),
    dated by the sentence's event and never by the founding it recalls ("first signed in")."""
    date = choose_event_date(text, own[0], own[1], dates.mentions, False)
    if date.mention and (date.mention.founding or founding_date(text, date.mention)):
        date = DateChoice(None, None, 0.5, "the date it tells is the partnership's founding")
    cue = Cue("other", act.start(), act.end(), act.group())
    local = [m for m in partnership.places if m.place.level != "country"]
    return replace(
        partnership,
        type=cue,
        places=local or partnership.places,
        date=date,
        quotes=[quote_span(span, cue)],
        title="Renewal",
        phrase=act.group(),
        renewed=False,
        recalled=False,
    )


def _about_series(text: str, span: tuple[int, int]) -> bool:
    """Whether the sentence ``span`` is about a gathering's series before it tells any event:
    "下届大会将于2020年在云南昆明举办" and "中日韩友好城市交流大会发起于1999年,由…联合主办" tell
    no session; "the forum closed on Friday, and the next session …" tells one."""
    series = _SERIES.search(text, span[0], span[1])
    event = EVENT_CUES.search(text, span[0], span[1])
    return series is not None and (event is None or series.start() < event.start())


def _tells_possible_event(text: str, span: tuple[int, int]) -> bool:
    """Whether the sentence ``span`` has a word of an event that is not only possible ("the
    Council is interested in fostering an environment in which community partnerships can be
    established" tells none)."""
    return any(
        not _POSSIBLE_BEFORE.search(text, max(span[0], found.start() - 20), found.start())
        for found in EVENT_CUES.finditer(text, span[0], span[1])
    )


def _tells_event(text: str, span: tuple[int, int]) -> bool:
    """Whether the sentence ``span`` tells an event of its own: a word of one ("signed",
    "举行") that no aim or clause about a party holds ("part of a plan to establish", "which
    signed an MOU")."""
    return any(
        not _UNTOLD_BEFORE.search(text, max(span[0], found.start() - 30), found.start())
        for found in EVENT_CUES.finditer(text, span[0], span[1])
    )


def _item_cue(
    text: str, block: Block, told: list[tuple[tuple[int, int], list[Cue]]]
) -> list[tuple[tuple[int, int], list[Cue]]]:
    """The one record of a numbered item that tells no event: what its text names by a
    proper name ("the China-U.S. Renewable Energy Partnership"), else what its heading names
    ("Eco-City Project:"), else the first cue of its text, else a programme of cooperation
    when its heading names a field of cooperation ("Renewable Energy Cooperation:")."""
    heading = (block.start, block.heading_end)
    body = [(s, c) for s, c in told if c]
    head_cues = type_cues(text[heading[0] : heading[1]])
    named = [
        (s, [c]) for s, cues in body for c in cues if c.text[:1].isupper() and c.start >= heading[1]
    ]
    if named:
        return named[:1]
    if head_cues:
        return [(heading, [shift(head_cues[-1], heading[0])])]
    if body:
        return [(body[0][0], body[0][1][:1])]
    found = _COOPERATION.search(text, heading[0], heading[1])
    if found and heading[1] > heading[0]:
        return [(heading, [Cue("program", found.start(), found.end(), found.group())])]
    return []


def _cue_title(text: str, cue: Cue) -> str:
    bracket = re.search(r"《([^》]{2,120})》", text[max(0, cue.start - 120) : cue.end + 2])
    if bracket and bracket.group(1).endswith(text[cue.start : cue.end]):
        return bracket.group(1)
    before = re.search(r"(?:[A-Z][\w'’.\-]*\s+){1,6}$", text[max(0, cue.start - 80) : cue.start])
    if before and cue.text[:1].isupper():
        return re.sub(r"\s+", " ", before.group() + cue.text).strip()
    return TYPES[cue.slug].en
