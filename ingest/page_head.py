"""A page's head and the main agreement its title names; where its story begins and ends."""

from __future__ import annotations

import re
from collections.abc import Sequence

from partnermap.data.vocabulary import AGREEMENT_TYPES
from partnermap.ingest.anchors import DocumentDates
from partnermap.ingest.blocks import Block
from partnermap.ingest.council_pages import asks_council
from partnermap.ingest.dates import DateChoice, DateMention, choose_event_date
from partnermap.ingest.kinds import find_sectors, type_cues
from partnermap.ingest.places import PlaceMention
from partnermap.ingest.proposal import FOUNDINGS, Proposal, sentence_around, with_places
from partnermap.ingest.sentence_cues import GENERIC, head_noun, shift, summary, venue

#: A saved page's provenance lines ("Source: https://…", "Seen: 2026-11-30", a bare address):
#: no title, no agreement.
_METADATA_LINE = re.compile(
    r"\s*(?:(?:source|url|address|seen|retrieved|accessed|saved)\s*[:：].*|"
    r"(?:https?://|www\.)\S+|"
    # Where a page sits on its site: "当前位置: 首页>> 今日中国", "Home / News / Sister Cities".
    r"(?:当前位置|您的位置|您当前的位置)\s*[:：].*|(?:[^\n/>]*(?:\s/\s|>>?|>)){2,}[^\n]*|"
    # What a site lists beside every page: "推广 热搜: App 青田 …", "Tags: …".
    r"(?:推广\s*)?(?:热搜|热门搜索|热门标签|热门关键词|标签|tags|keywords)\s*[:：].*)\s*",
    re.I,
)
#: A line that says where and when the document was signed ("Signed in Seattle on …").
_SIGNED = re.compile(r"\bsign(?:ed|ing)?\b|\bdone\s+(?:at|in)\b|签署|签订|签字|签约|缔结", re.I)
_BARE_DATELINE = re.compile(
    # "FAIRFIELD -", or the dash opening the next line ("FAIRFIELD\n- The Solano County…").
    r"^[ \t]*[A-Z][A-Z .'’-]{2,30}(?:,[ \t]+[A-Z][\w .]{1,30})?(?:[ \t]+|[ \t]*\n[ \t]*)"
    r"[–—-]{1,2}[ \t]",
    re.M,
)
#: Where a saved page's story ends and its navigation begins: links to other stories.
_STORY_END = re.compile(
    r"^[ \t]*(?:相关(?:文章|推荐|阅读|新闻|链接)|上一篇|下一篇|延伸阅读|"
    r"(?i:related\s+(?:articles|posts|stories|news|content)|read\s+more|more\s+stories|"
    r"you\s+may\s+also\s+like))[ \t]*(?:[:：].*)?$",
    re.M,
)
_HEAD_MAX_CHARS = 200
_HEAD_MAX_BLOCKS = 5


def end_of_story(text: str) -> int:
    """Where the story of a saved page ends: at its first list of links to other stories
    ("相关推荐", "上一篇", "Related articles"), else at the end of the text."""
    found = _STORY_END.search(text)
    return found.start() if found else len(text)


def outside_datelines(
    text: str, places: list[PlaceMention], mentions: Sequence[DateMention]
) -> list[PlaceMention]:
    """Drop the places of a dateline ("DES MOINES, Iowa, Sept. 16 --"): where the story was
    filed, not where anything happened."""
    spans = [(text.rfind("\n", 0, m.start) + 1, m.end) for m in mentions if m.kind == "dateline"]
    # "CHENGDU, China – …", "BEIJING – …": a dateline without its date.
    spans += [found.span() for found in _BARE_DATELINE.finditer(text)]
    return [m for m in places if not any(start <= m.start < end for start, end in spans)]


def local_parties(head: Proposal | None) -> list[PlaceMention]:
    """The local governments that are parties to the document's main agreement, if any."""
    if head is None or head.type.slug not in AGREEMENT_TYPES:
        return []
    return [
        m
        for m in head.chosen_places()
        if m.place.level != "country" and not m.site and m.strength == "name"
    ]


def head_proposal(
    text: str,
    blocks: Sequence[Block],
    head_blocks: Sequence[Block],
    dates: DocumentDates,
    places: Sequence[PlaceMention],
) -> Proposal | None:
    """The main agreement or event the page's head names (``head_blocks``), dated by its
    signature or its text, with the places of its head (or of the block after it), if any;
    none when the page is a council's agenda statement or staff report, whose subject is only
    asked for (:func:`~partnermap.ingest.council_pages.asks_council`)."""
    if not head_blocks or asks_council(text, head_blocks[0].start):
        return None
    start, end = head_blocks[0].start, head_blocks[-1].end
    found = [shift(c, start) for c in type_cues(text[start:end])]
    cues = [
        c
        for c in found
        if c.slug != "project"
        and not GENERIC.fullmatch(c.text)
        and not venue(text, c, found)
        and not summary(text, c)
    ]
    if not cues:
        return None
    cue = head_noun(cues, text)
    inside = [m for m in places if start <= m.start < end]
    if not any(m.strength == "name" for m in inside):
        following = next((b for b in blocks if b.start >= end), None)
        if following:
            inside += [m for m in places if following.start <= m.start < following.end]
    signed = _signature_date(text, dates.mentions) if cue.slug in AGREEMENT_TYPES else None
    founding = cue.slug in FOUNDINGS
    told = choose_event_date(text, start, end, dates.mentions, founding)
    anniversary = told.mention is not None and told.mention.founding
    date = told if anniversary else signed or told
    sectors = find_sectors(text, limit=10)
    quotes = [(start, end)]
    if date.mention and not start <= date.mention.start < end:
        quotes.append(sentence_around(text, date.mention.start, date.mention.end))
    signature_places = [
        m for m in places if m.start >= quotes[-1][0] and m.end <= quotes[-1][1] and m.site
    ]
    return Proposal(
        cue,
        date,
        with_places(inside, signature_places),
        sectors,
        quotes,
        _title(text, head_blocks),
        head=True,
        phrase=text[start:end],
    )


def heading_blocks(text: str, blocks: Sequence[Block]) -> list[Block]:
    """The page's head: its short blocks before the first sentence, after its provenance
    lines (or the title lines of a first block that runs on into its text)."""
    head_blocks: list[Block] = []
    first = next((i for i, b in enumerate(blocks) if not metadata(text, b)), len(blocks))
    for block in blocks[first : first + _HEAD_MAX_BLOCKS]:
        body = text[block.start : block.end].strip()
        if len(body) > _HEAD_MAX_CHARS or block.item or re.search(r"[.。!?！？;；]$", body):
            break
        head_blocks.append(block)
    if not head_blocks and first < len(blocks):
        head_blocks = _title_lines(text, blocks[first])
    return head_blocks


def metadata(text: str, block: Block) -> bool:
    """Whether every line of ``block`` is a provenance line (see ``_METADATA_LINE``)."""
    lines = [line for line in text[block.start : block.end].splitlines() if line.strip()]
    return all(_METADATA_LINE.fullmatch(line) for line in lines)


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
        inside = [m for m in dates if start <= m.start < end and m.value and not m.inferred]
        if not inside or inside[0].kind != "text":
            continue
        body = text[start:end]
        bare = not re.sub(
            r"[\s\d年月日,.]|" + "|".join(re.escape(m.text) for m in inside), "", body
        )
        if bare or _SIGNED.search(body):
            best = max(inside, key=lambda m: m.precision)
            return DateChoice(best.value, best, 0.9, "the date the document was signed")
    return None


def repeats_head(text: str, proposal: Proposal, head: Proposal, block: Block) -> bool:
    """Whether a proposal tells the main agreement again: in the block of its signature
    date, or under a name its title gives ("绿色合作伙伴计划" under "…绿色合作伙伴计划框架")."""
    signed_here = (
        head.date.mention is not None and block.start <= head.date.mention.start < block.end
    )
    same_date = proposal.date.value in (None, head.date.value)
    if signed_here and proposal.type.slug == head.type.slug and same_date:
        return True
    named = len(proposal.phrase) > len(proposal.type.text) + 1
    return named and re.sub(r"\s+", "", proposal.phrase) in re.sub(r"\s+", "", head.phrase)


def _title(text: str, blocks: Sequence[Block]) -> str:
    lines = [text[b.start : b.end].strip().lstrip("#").strip() for b in blocks]
    english = [line for line in lines if re.search(r"[A-Za-z]{4}", line)]
    title = (english or lines)[0]
    return re.sub(r"\s+", " ", title)[:300]
