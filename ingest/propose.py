"""Turn a document's text into proposed records: one per agreement or event it tells.

The text is cut into blocks (paragraphs and numbered items) and sentences. The document's
title block names its main agreement; every sentence that pairs a type cue ("MOU", "签署")
with an event cue ("signed", "举行") names another, and so does each numbered item and each
agreement the text cites by its title ("根据“…谅解备忘录”"). A cue that only places or recalls
an event ("at the forum", "此次会议", "参加会议", "the Paris climate conference") names none.

Each proposal takes the date, places and sectors nearest its cue. Without a date of its own
it takes, in this order, the date of the named event its block refers to ("during the sixth
S&ED"), of the gathering it was part of ("在峰会期间", "会上"), of the event told just before
("also", "同时"), of the document's main agreement (its clauses), or of the event the whole
document reports on. A declaration made at a gathering is folded into the gathering.
Proposals that tell the same event twice (a bilingual document, a title repeated in the text)
are merged.
"""

from __future__ import annotations

import gc

from partnermap.ingest.address import inside_url, url_spans
from partnermap.ingest.agreements import (
    agreements_to_that_effect,
    named_after,
    named_partnerships,
    parties_recalled,
    written_foundings,
)
from partnermap.ingest.anchors import read_dates
from partnermap.ingest.block_dates import inherit_date
from partnermap.ingest.block_proposals import block_proposals
from partnermap.ingest.blocks import split_blocks
from partnermap.ingest.dates import DateChoice, only_stamped
from partnermap.ingest.gatherings import (
    add_attendees,
    gathering_of_declaration,
    international_gathering,
    without_speakers,
)
from partnermap.ingest.known_pairs import known_partners
from partnermap.ingest.list_items import (
    distinct_items,
    inline_items,
    inside_items,
    listed_pairs,
    listed_partners,
    partners_listed,
)
from partnermap.ingest.page_head import (
    end_of_story,
    head_proposal,
    heading_blocks,
    local_parties,
    metadata,
    outside_datelines,
    repeats_head,
)
from partnermap.ingest.parties import (
    sister_pairs,
    sole_partners,
    with_headline_party,
    with_known_partner,
    with_party_of_its_kind,
    with_sole_partner,
)
from partnermap.ingest.partner_lists import date_items, from_founding
from partnermap.ingest.places import find_places
from partnermap.ingest.proposal import FOUNDINGS, Proposal, between, block_places, with_places
from partnermap.ingest.repeats import merge
from partnermap.ingest.simplify import simplified
from partnermap.ingest.text import Document
from partnermap.ingest.zh_partner_lines import apart_from, partner_lines


def propose(document: Document) -> list[Proposal]:
    """Propose the records ``document`` tells.

    Parameters
    ----------
    document
        The text of an agreement, press release, news story or web page.

    Returns
    -------
    list of Proposal
        The main agreement first (when the title names one), then the others in text order.
    """
    # A long document makes hundreds of thousands of small objects and no cycles: the cyclic
    # collector's full passes over them would make the work grow with the square of the text.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _propose(document)
    finally:
        if collecting:
            gc.enable()


def _propose(document: Document) -> list[Proposal]:
    text = simplified(document.text)
    blocks = split_blocks(text)
    dates = read_dates(text)
    urls = url_spans(text)
    places = [
        m
        for m in outside_datelines(text, find_places(text), dates.mentions)
        if not inside_url(urls, m.start)
    ]
    heading = heading_blocks(text, blocks)
    head = head_proposal(text, blocks, heading, dates, places)
    head_end = head.quotes[0][1] if head else 0
    proposals = sister_pairs(head, text) if head else []
    head = proposals[0] if proposals else None
    parties = local_parties(head)
    countries = [m for m in places if m.place.level == "country" and m.strength != "qualifier"]
    story_end = end_of_story(text)
    partners = sole_partners(text, places)
    headline = between(places, heading[0].start, heading[-1].end) if heading else []
    founded: dict[int, DateChoice] = {}
    for block in blocks:
        if block.end <= head_end or block.start >= story_end or metadata(text, block):
            continue
        for proposal in block_proposals(text, block, dates, places):
            if head is not None and repeats_head(text, proposal, head, block):
                if head.date.value is None and proposal.date.value:
                    head.date = proposal.date
                continue
            if parties and block.item:
                proposal.places = with_places(proposal.places, parties)
                proposal.clause = True
            if not proposal.date.value and not proposal.renewed and not proposal.session:
                inherit_date(text, block, proposal, proposals, head, dates)
            gathering = gathering_of_declaration(text, block, proposal, proposals)
            if gathering is not None:
                gathering.places = with_places(gathering.places, block_places(block, places))
                gathering.quotes = list(dict.fromkeys(gathering.quotes + proposal.quotes))[:4]
                continue
            if not proposal.chosen_places():
                proposal.places = list(head.places) if head is not None else countries
            paired = with_known_partner(proposal, text, places, known_partners())
            paired = with_headline_party(
                with_party_of_its_kind(paired, text, partners), text, headline
            )
            pairs = sister_pairs(with_sole_partner(paired, text, partners), text)
            date_items(text, pairs, dates.mentions)
            if not pairs and proposal.type.slug in FOUNDINGS and proposal.date.value:
                # "Sister city ties … began … in 1979. Hubei and Ohio became the first pair":
                # the pairs told next in the paragraph were founded then.
                founded[block.index] = proposal.date
            for pair in pairs:
                undated = not pair.date.value and not pair.renewed
                if undated and pair.type.slug in FOUNDINGS and block.index in founded:
                    pair.date = from_founding(founded[block.index])
            proposals.extend(pairs)
        add_attendees(text, block, places, proposals)
    merged = named_partnerships(merge(proposals))
    merged = agreements_to_that_effect(text, merged)
    for proposal in merged:
        named_after(text, proposal)
        international_gathering(text, proposal)
        without_speakers(text, proposal)
        parties_recalled(text, proposal, places)
        if only_stamped(proposal.date, dates.mentions):
            proposal.date = DateChoice(
                None,
                None,
                0.6,
                f"the only date for it is the page's stamp ({proposal.date.value}), "
                "not the event's date: a stamp may be a re-post's",
            )
    address = next(iter(url_spans(text)), None)
    lines = partner_lines(text, places, dates.mentions)
    items = lines + apart_from(listed_partners(text, places, dates.mentions, address), lines)
    items += listed_pairs(text, blocks, places, dates.mentions)
    items += inline_items(text, places, dates.mentions, address)
    items += partners_listed(text, places)
    items = distinct_items(items)
    kept = written_foundings([p for p in merged if not inside_items(p, items)] + items)
    return [p for p in kept if p.tells_an_agreement()]
