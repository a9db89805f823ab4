"""The date of a block's record the text does not date: from what it is part of."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from partnermap.data.vocabulary import TYPES
from partnermap.ingest.anchors import DocumentDates, date_by_reference
from partnermap.ingest.blocks import Block
from partnermap.ingest.dates import DateChoice
from partnermap.ingest.gatherings import gathering_named
from partnermap.ingest.proposal import Proposal, with_places

#: Words that tell of the same event as the paragraph before: "also", "同日".
_CONTINUED = re.compile(
    r"\balso\b|\bsame (?:ceremony|event|day|meeting|occasion)\b|\bat the ceremony\b|"
    r"\bmeanwhile\b|同日|当天|仪式上|同时|会上|现场",
    re.I,
)
#: How many paragraphs after an event a text may go on telling it ("会上", "the same day").
_CONTINUED_BLOCKS = 3
#: Words that place an event within a span of time, not on the day of the one it follows.
_WITHIN = re.compile(r"期间|同时|\bduring\b|\bmeanwhile\b|\bon the sidelines\b", re.I)


def inherit_date(
    text: str,
    block: Block,
    proposal: Proposal,
    proposals: Sequence[Proposal],
    head: Proposal | None,
    dates: DocumentDates,
) -> None:
    """Date an undated proposal from what it is part of (see :mod:`partnermap.ingest.propose`)."""
    before = text[block.start : proposal.type.start]
    within = bool(_WITHIN.search(before))
    by_reference = date_by_reference(block.start, block.end, dates)
    gathering, around = gathering_named(before, proposals)
    previous = next((p for p in reversed(proposals) if p.date.value), None)
    if by_reference is not None:
        proposal.date = by_reference
    elif gathering is not None and around:
        proposal.date = _around(gathering, around)
    elif gathering is not None:
        proposal.date = _from_event(gathering, within, "the gathering it took place at")
        proposal.places = with_places(
            proposal.places,
            [m for m in gathering.places if m.site and m.place.level != "country"],
        )
    elif (
        previous is not None
        and block.index - previous.block <= _CONTINUED_BLOCKS
        and _CONTINUED.search(text[block.start : block.end])
    ):
        proposal.date = _from_event(previous, within, "the event told just before")
    elif head is not None and head.date.value and block.item:
        proposal.date = DateChoice(
            head.date.value,
            head.date.mention,
            round(head.date.confidence * 0.6, 2),
            f"the date of the document's {TYPES[head.type.slug].en.lower()}; "
            "the text gives none of its own",
        )
    elif dates.context is not None and block.item:
        event = dates.context[1]
        proposal.date = DateChoice(
            event.value,
            event,
            0.5,
            f"reported among the outcomes of the event the document reports on: {event.basis}",
        )
    else:
        return
    proposal.date_inherited = True


def _around(event: Proposal, word: str) -> DateChoice:
    """The year of ``event`` for an event told as before or after it: the month may differ."""
    value = (event.date.value or "")[:4] or None
    mention = replace(event.date.mention, month=None, day=None) if event.date.mention else None
    reason = f"{word!r} the {TYPES[event.type.slug].en.lower()} told before: its year only"
    return DateChoice(value, mention, 0.4, reason)


def _from_event(event: Proposal, within: bool, what: str) -> DateChoice:
    """The date of ``event`` for an event told as part of it; only its month when the text
    says "during" or "meanwhile", not on which day."""
    mention = event.date.mention
    value = event.date.value
    if within and value and len(value) > 7:
        value = value[:7]
        mention = replace(mention, day=None) if mention else None
    reason = f"the date of {what} ({TYPES[event.type.slug].en.lower()})"
    if within:
        reason += "; the text places it during that event, not on a day"
    return DateChoice(value, mention, 0.5, reason)
