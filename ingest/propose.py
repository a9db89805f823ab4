"""Turn a document's text into proposed records: one per agreement or event it tells.

The text is cut into blocks (paragraphs and numbered items) and sentences. The document's
title block names its main agreement; every sentence that pairs a type cue ("MOU", "签署")
with an event cue ("signed", "举行") names another, and so does each numbered item. Each
proposal takes the date, places and sectors nearest its cue, falls back to its block and then
to the main agreement, and keeps the verbatim sentence that supports it. Proposals of the same
type and date are merged (a bilingual document tells everything twice).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from partnermap.data.schema import Record
from partnermap.data.vocabulary import TYPES
from partnermap.ingest.dates import (
    EVENT_CUES,
    DateChoice,
    DateMention,
    choose_event_date,
    document_dates,
)
from partnermap.ingest.kinds import Cue, find_sectors, type_cues
from partnermap.ingest.places import PlaceMention, find_places
from partnermap.ingest.text import Document

_ITEM = re.compile(
    r"^\s*(?:\d{1,3}\s*[.、．)]\s*(?!\d)|[IVX]{1,5}\.\s+|[一二三四五六七八九十]{1,3}\s*[、.．]|"
    r"[（(][一二三四五六七八九十\d]{1,3}[）)])"
)
_SENTENCE_END = re.compile(r"(?<=[。！？；])|(?<=[.!?;])(?=\s+[A-Z\d“\"(])|\n\s*\n")
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|"
    r"Inc|Co|Ltd|Gov|Sen|Rep|Gen)\.)$"
)
_AGREEMENTS = frozenset(
    {
        "sister_city",
        "sister_state_province",
        "friendship",
        "mou",
        "action_plan",
        "framework",
        "other",
    }
)
#: "agreement", "协议": a word every agreement's text uses, naming no type of its own.
_GENERIC = re.compile(r"agreements?|accords?|协议|协定", re.I)
#: Words that tell of the same event as the paragraph before: "also", "会上".
_CONTINUED = re.compile(
    r"\balso\b|\bsame (?:ceremony|event|day|meeting|occasion)\b|\bat the ceremony\b|"
    r"\bon the sidelines\b|会上|期间|同日|当天|仪式上|同时",
    re.I,
)
_COUNTRIES = frozenset({"CN", "US"})
_VENUES = frozenset({"summit", "forum", "conference"})
_SITE_BEFORE = re.compile(r"(?:\b(?:in|at)\s+(?:the\s+)?|在|于)$", re.I)
_HEAD_MAX_CHARS = 200
_HEAD_MAX_BLOCKS = 5
_QUOTE_MAX = 1200


@dataclass(frozen=True)
class Block:
    """A paragraph or numbered item: ``text[start:end]``."""

    start: int
    end: int
    item: bool
    index: int = 0


@dataclass
class Proposal:
    """One proposed record, with what supports each field."""

    type: Cue
    date: DateChoice
    places: list[PlaceMention]
    sectors: list[Cue]
    quotes: list[tuple[int, int]]
    title: str
    head: bool = False
    date_inherited: bool = False
    block: int = 0
    extra_places: list[PlaceMention] = field(default_factory=list)

    def locality_ids(self) -> list[str]:
        """The ids of the localities the record will name, in order of first mention."""
        return list(dict.fromkeys(mention.place.id for mention in self.chosen_places()))

    def chosen_places(self) -> list[PlaceMention]:
        """The place mentions that become localities: names, and country adjectives ("中美",
        "Chinese") only when no smaller place is named."""
        names = [m for m in self.places if m.strength == "name"]
        if not any(m.place.level != "country" for m in names):
            weak = [m for m in self.places if m.strength == "weak"]
            names = sorted(names + weak, key=lambda m: m.start)
        return names


def split_blocks(text: str) -> list[Block]:
    """Cut ``text`` into paragraphs, starting a new one at each numbered item or heading."""
    blocks: list[Block] = []
    start = None
    item = False
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        new_item = bool(_ITEM.match(line))
        if not stripped or new_item or stripped.startswith("#"):
            if start is not None:
                blocks.append(Block(start, position, item))
            start, item = (position, new_item) if stripped else (None, False)
        elif start is None:
            start, item = position, False
        position += len(line)
    if start is not None:
        blocks.append(Block(start, position, item))
    kept = [b for b in blocks if text[b.start : b.end].strip()]
    return [Block(b.start, b.end, b.item, i) for i, b in enumerate(kept)]


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences (spans), in English and Chinese."""
    spans = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATION.search(text, max(start, match.start() - 8), match.start()):
            continue
        if match.start() > cursor:
            spans.append(_trim(text, cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        spans.append(_trim(text, cursor, end))
    return [span for span in spans if span[1] > span[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
    text = document.text
    blocks = split_blocks(text)
    dates = document_dates(text)
    places = find_places(text)
    head = _head_proposal(text, blocks, dates, places)
    proposals = [head] if head else []
    head_end = head.quotes[0][1] if head else 0
    countries = [m for m in places if m.place.level == "country" and m.strength != "qualifier"]
    for block in blocks:
        if block.end <= head_end:
            continue
        signed_here = (
            head is not None
            and head.date.mention is not None
            and (block.start <= head.date.mention.start < block.end)
        )
        for proposal in _block_proposals(text, block, dates, places):
            if signed_here and proposal.type.slug == head.type.slug:
                continue
            if not proposal.date.value and head is not None and head.date.value:
                proposal.date = DateChoice(
                    head.date.value,
                    head.date.mention,
                    round(head.date.confidence * 0.6, 2),
                    f"the date of the document's {TYPES[head.type.slug].en.lower()}; "
                    "the text gives none of its own",
                )
                proposal.date_inherited = True
            previous = next((p for p in reversed(proposals) if p.date.value), None)
            if (
                not proposal.date.value
                and previous
                and block.index - previous.block <= 1
                and _CONTINUED.search(text[block.start : block.end])
            ):
                proposal.date = DateChoice(
                    previous.date.value,
                    previous.date.mention,
                    0.5,
                    f"the date of the {TYPES[previous.type.slug].en.lower()} told just before",
                )
                proposal.date_inherited = True
            if not proposal.chosen_places():
                proposal.places = list(head.places) if head is not None else countries
            proposals.append(proposal)
    return _merge(proposals)


def _head_proposal(
    text: str,
    blocks: Sequence[Block],
    dates: Sequence[DateMention],
    places: Sequence[PlaceMention],
) -> Proposal | None:
    head_blocks = []
    for block in blocks[:_HEAD_MAX_BLOCKS]:
        body = text[block.start : block.end].strip()
        if len(body) > _HEAD_MAX_CHARS or block.item or re.search(r"[.。!?！？;；]$", body):
            break
        head_blocks.append(block)
    if not head_blocks and blocks:
        head_blocks = _title_lines(text, blocks[0])
    if not head_blocks:
        return None
    start, end = head_blocks[0].start, head_blocks[-1].end
    cues = [
        c
        for c in type_cues(text[start:end])
        if c.slug != "project" and not _GENERIC.fullmatch(c.text)
    ]
    if not cues:
        return None
    cue = _shift(_head_noun(cues, text[start:end]), start)
    inside = [m for m in places if start <= m.start < end]
    if not any(m.strength == "name" for m in inside):
        following = next((b for b in blocks if b.start >= end), None)
        if following:
            inside += [m for m in places if following.start <= m.start < following.end]
    signed = _signature_date(text, dates) if cue.slug in _AGREEMENTS else None
    date = signed or choose_event_date(text, start, end, dates)
    sectors = find_sectors(text, limit=10)
    quotes = [(start, end)]
    if date.mention and not start <= date.mention.start < end:
        quotes.append(_sentence_around(text, date.mention.start, date.mention.end))
    signature_places = [
        m
        for m in places
        if m.start >= quotes[-1][0] and m.end <= quotes[-1][1] and is_site(text, m)
    ]
    return Proposal(
        cue,
        date,
        _with_sites(inside, signature_places),
        sectors,
        quotes,
        _title(text, head_blocks),
        head=True,
    )


def _title_lines(text: str, block: Block) -> list[Block]:
    """The leading title lines of a block that runs on into its text (a PDF page)."""
    end = block.start
    for line in text[block.start : block.end].splitlines(keepends=True):
        body = line.strip()
        if len(body) > _HEAD_MAX_CHARS // 2 or re.search(r"[.。!?！？;；]$", body):
            break
        end += len(line)
    return [Block(block.start, end, False, block.index)] if end > block.start else []


def _signature_date(text: str, dates: Sequence[DateMention]) -> DateChoice | None:
    """The date an agreement was signed, from its last lines: "于…在北京签订", a date line."""
    lines = [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    zone = min(len(text) * 0.8, lines[-6][0] if len(lines) >= 6 else 0)
    for start, end in reversed([span for span in lines if span[0] >= zone]):
        inside = [m for m in dates if start <= m.start < end and m.value]
        if not inside or inside[0].kind != "text":
            continue
        body = text[start:end]
        bare = not re.sub(
            r"[\s\d年月日,.]|" + "|".join(re.escape(m.text) for m in inside), "", body
        )
        if bare or EVENT_CUES.search(body):
            best = max(inside, key=lambda m: m.precision)
            return DateChoice(best.value, best, 0.9, "the date the document was signed")
    return None


def _block_proposals(
    text: str, block: Block, dates: Sequence[DateMention], places: Sequence[PlaceMention]
) -> list[Proposal]:
    found: list[Proposal] = []
    spans = sentences(text, block.start, block.end)
    eventful = [s for s in spans if EVENT_CUES.search(text[s[0] : s[1]]) and _cues(text, s)]
    if not eventful and block.item:
        eventful = [s for s in spans if _cues(text, s)][:1]
    for span in eventful:
        cues = _cues(text, span)
        for cue in cues:
            own = _own_span(span, cue, cues)
            date = choose_event_date(text, own[0], own[1], dates)
            if not date.value and len(cues) == 1:
                whole = choose_event_date(text, block.start, block.end, dates)
                date = whole if whole.value else date
            in_sentence = [m for m in places if span[0] <= m.start < span[1]]
            mine = [
                m
                for m in in_sentence
                if m.party or own[0] <= m.start < own[1] or not is_site(text, m)
            ]
            if not [m for m in mine if m.strength != "qualifier"]:
                mine = [m for m in places if block.start <= m.start < block.end]
            sectors = find_sectors(text[block.start : block.end]) or find_sectors(
                text[span[0] : span[1]]
            )
            quote = _quote_span(span, cue)
            found.append(
                Proposal(
                    cue, date, mine, sectors, [quote], _cue_title(text, cue), block=block.index
                )
            )
    return found


def _cues(text: str, span: tuple[int, int]) -> list[Cue]:
    """The type cues of a sentence that name what happened, not where: "在…峰会上签订" is an
    MOU signed at a summit, and "Sister Cities Conference" is a conference."""
    body = text[span[0] : span[1]]
    cues = [c for c in type_cues(body) if c.slug != "project" or not EVENT_CUES.search(body)]
    kept = []
    for i, cue in enumerate(cues):
        nxt = cues[i + 1] if i + 1 < len(cues) else None
        if nxt and _same_phrase(body[cue.end : nxt.start]) and not _GENERIC.fullmatch(nxt.text):
            continue
        if (
            cue.slug in _VENUES
            and len(cues) > 1
            and re.match(r"[上期]", body[cue.end : cue.end + 1])
        ):
            continue
        if (
            cue.slug in _VENUES
            and len(cues) > 1
            and re.search(r"\bat the\b[^,;]*$", body[: cue.start])
        ):
            continue
        kept.append(_shift(cue, span[0]))
    specific = {c.slug for c in kept} - {"other", "program", "project"}
    kept = [c for c in kept if c.slug not in ("other", "program", "project") or not specific]
    return list({c.slug: c for c in reversed(kept)}.values())[::-1]


def _same_phrase(between: str) -> bool:
    return bool(re.fullmatch(r"(?:\s*[A-Z][\w'’.\-]*)*\s*|[\u4e00-\u9fff]{0,6}", between)) and not (
        re.search(r"[的与和及、]", between)
    )


def _head_noun(cues: list[Cue], body: str) -> Cue:
    for i, cue in enumerate(cues):
        nxt = cues[i + 1] if i + 1 < len(cues) else None
        if not (nxt and _same_phrase(body[cue.end : nxt.start])) or _GENERIC.fullmatch(nxt.text):
            return cue
    return cues[-1]


def _shift(cue: Cue, offset: int) -> Cue:
    return Cue(cue.slug, cue.start + offset, cue.end + offset, cue.text)


def _own_span(span: tuple[int, int], cue: Cue, cues: Sequence[Cue]) -> tuple[int, int]:
    """The part of a sentence nearer to ``cue`` than to any other cue."""
    start, end = span
    for other in cues:
        if other.start < cue.start:
            start = max(start, (other.end + cue.start) // 2)
        elif other.start > cue.start:
            end = min(end, (cue.end + other.start) // 2)
    return start, end


def is_site(text: str, mention: PlaceMention) -> bool:
    """Whether the text says the event happened at the place ("in Los Angeles", "在北京")."""
    return bool(_SITE_BEFORE.search(text[max(0, mention.start - 8) : mention.start]))


def _with_sites(places: list[PlaceMention], sites: Iterable[PlaceMention]) -> list[PlaceMention]:
    seen = {(m.start, m.end) for m in places}
    return places + [m for m in sites if (m.start, m.end) not in seen]


def _quote_span(span: tuple[int, int], cue: Cue) -> tuple[int, int]:
    start, end = span
    if end - start <= _QUOTE_MAX:
        return span
    start = max(start, cue.start - _QUOTE_MAX // 2)
    return start, min(end, start + _QUOTE_MAX)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    for span in sentences(text, line_start, line_end):
        if span[0] <= start < span[1]:
            return _quote_span(span, Cue("", start, end, ""))
    return start, end


def _title(text: str, blocks: Sequence[Block]) -> str:
    lines = [text[b.start : b.end].strip().lstrip("#").strip() for b in blocks]
    english = [line for line in lines if re.search(r"[A-Za-z]{4}", line)]
    title = (english or lines)[0]
    return re.sub(r"\s+", " ", title)[:300]


def _cue_title(text: str, cue: Cue) -> str:
    bracket = re.search(r"《([^》]{2,120})》", text[max(0, cue.start - 120) : cue.end + 2])
    if bracket and bracket.group(1).endswith(text[cue.start : cue.end]):
        return bracket.group(1)
    before = re.search(r"(?:[A-Z][\w'’.\-]*\s+){1,6}$", text[max(0, cue.start - 80) : cue.start])
    if before and cue.text[:1].isupper():
        return re.sub(r"\s+", " ", before.group() + cue.text).strip()
    return TYPES[cue.slug].en


def _merge(proposals: list[Proposal]) -> list[Proposal]:
    """Merge proposals of one type whose dates agree (or that inherit the main date)."""
    merged: list[Proposal] = []
    for proposal in proposals:
        twin = next((p for p in merged if _same_event(p, proposal)), None)
        if twin is None:
            merged.append(proposal)
            continue
        twin.places = twin.places + [
            m for m in proposal.places if m.place.id not in twin.locality_ids()
        ]
        twin.quotes = list(dict.fromkeys(twin.quotes + proposal.quotes))[:3]
        twin.sectors = list({c.slug: c for c in twin.sectors + proposal.sectors}.values())
        if (
            proposal.date.confidence > twin.date.confidence
            and proposal.date.value == twin.date.value
        ):
            twin.date = proposal.date
        if twin.title == TYPES[twin.type.slug].en:
            twin.title = proposal.title
    return merged


def _same_event(a: Proposal, b: Proposal) -> bool:
    if a.type.slug != b.type.slug:
        return False
    if a.head and (b.date_inherited or a.date.value is None):
        if a.date.value is None:
            a.date = b.date
        return True
    if a.date.value is None and b.date.value is None:
        return abs(a.block - b.block) <= 2
    if a.date.value != b.date.value:
        return False
    return bool(set(a.locality_ids()) & set(b.locality_ids()))


def matching_records(proposal: Proposal, records: Iterable[Record]) -> list[str]:
    """The ids of existing records that ``proposal`` repeats: same type and date, and sharing
    at least half the places below country level of the one that names more (or, when
    either names none, half the places of the one that names fewer)."""
    ids = set(proposal.locality_ids())
    found = []
    for record in records:
        if record.type != proposal.type.slug or record.date != proposal.date.value:
            continue
        theirs = {ref.id for ref in record.localities}
        ours_below, theirs_below = ids - _COUNTRIES, theirs - _COUNTRIES
        if ours_below and theirs_below:
            shared = len(ours_below & theirs_below)
            same = shared * 2 >= max(len(ours_below), len(theirs_below))
        else:
            same = bool(ids) and len(ids & theirs) * 2 >= min(len(ids), len(theirs))
        if same:
            found.append(record.id)
    return found
