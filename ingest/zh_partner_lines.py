"""Chinese lists of partners told one per line: "日本 长野市(1981年4月19日缔结)".

A Chinese city's or province's page often sets out its partners each on a line of its own as
country, place and a bracket with the date and the act ("签备忘录", "草签协议", "正式商定建立友好
关系"), grouped under headings that name the kind of partner ("正式国际友好城市(共9个)",
"友好关系城市(共11个)"), with the subject (whose partners they are) named only by the list's
introduction ("石家庄市国际友城工作始于…"). A sentence of the list may pair several places under
the subject with partners of their own, respectively ("所辖新乐市、辛集市也分别与日本香川县绫南町
(1995年5月23日)、意大利索劳伏拉市(1997年8月19日)正式缔结为友好城市").

Each item is one record between the subject and the item's place (its country only locates
it; a place the gazetteer lacks is told by its country, as ``holds_unknown``), dated by the date
its bracket opens with and typed by the bracket's act, else by the heading above it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import islice, pairwise

from partnermap.data.vocabulary import TYPES
from partnermap.ingest.dates import DateChoice, DateMention
from partnermap.ingest.kinds import Cue
from partnermap.ingest.place_mention import HAN
from partnermap.ingest.places import PlaceMention
from partnermap.ingest.proposal import Proposal, between, local_names, sister_type

#: An item's bracket: one that opens with a year ("(1981年4月19日缔结)", "(2002年8月签定协议)")
#: or one cut at the line's end; not a gloss or a caption's credit ("(Nagano)", "(记者 摄)").
_BRACKET = re.compile(
    r"[ \t]*[(（]((?:\s*(?:19|20)\d{2}(?:\s*年|[./-]\d)[^)）\n]*)?)(?:[)）]|$)", re.M
)
#: A place the gazetteer lacks, written right after its country: "帕尔玛市", "绫南町".
_UNKNOWN = re.compile(
    r"[ \t]*([\u4e00-\u9fff]{1,12}(?:市|镇|町|村|县|郡|区|州|省|道))(?=[ \t]*[(（])"
)
#: What may stand between an item's country, the places that locate it and the item.
_GAP = re.compile(r"[ \t]*")
#: The most places an item names: its country, a division that locates it, the item.
_CHAIN_MAX = 3
#: The act a bracket or a heading names, in the order they are tried: an MOU, friendly
#: relations, a founding.
_MOU = re.compile(r"备忘录|意向书")
_FRIENDSHIP = re.compile(r"友好关系|友好交流|友好合作")
_FOUNDING = re.compile(r"缔结|结好|结为|友好城市|友城|姐妹|友好省|友好州")
#: The words after a bracket's date that make it the item's date (an act, or nothing):
#: "(1980年开始与我市交往)" dates exchanges, not a partnership.
_ACT_AFTER_DATE = re.compile(r"\s*(?:正式)?(?:缔结|结好|签|草签|商定|建立|批准|确认)|\s*$")
#: "新乐市、辛集市也分别与", right before a run of items: the places of the series before it
#: are each the subject of one item, in order.
_RESPECTIVELY = re.compile(r"分别(?:与|同|和)[ \t]*$")
_SERIES_GAP = re.compile(r"\s*(?:、|，|,|和|及|与)\s*")
_SENTENCE_ENDS = "。！？\n"


@dataclass(frozen=True)
class _Item:
    """One partner with its bracket: where the item starts (its country), the partner and
    the bracket's span and words."""

    start: int
    partner: PlaceMention
    bracket: re.Match[str]


def partner_lines(
    text: str, places: Sequence[PlaceMention], mentions: Sequence[DateMention]
) -> list[Proposal]:
    """One proposal per partner of a Chinese list told one per line ("日本 长野市(1981年4月19日
    缔结)"), when the text holds at least two such lines, and per partner of a sentence of it
    that pairs places with partners respectively ("新乐市、辛集市也分别与A(…)、B(…)缔结").

    Parameters
    ----------
    text
        The document's (simplified) text.
    places
        Its place mentions, in text order.
    mentions
        Its date mentions.

    Returns
    -------
    list of Proposal
        For each item, a partnership between its subject (the place the nearest line above
        the item that is no item names, or the respective place of its sentence) and the
        item's place, dated by the date its bracket opens with and typed by the bracket's
        act, else by the nearest heading that names one, else a sister partnership.
    """
    items = _items(text, places)
    lines = _lines(text)
    alone = [item for item in items if _alone(text, lines, item)]
    if len(alone) < 2:
        return []
    taken = {_line_of(lines, item.start) for item in items}
    found = []
    for item in alone:
        subject = _subject(lines, taken, item, places)
        if subject is not None:
            found.append(_proposal(text, lines, taken, subject, item, mentions))
    for subjects, run in _respective(text, items, places):
        # Quoted from the series of subjects: the quote shows which place is whose partner.
        found += [
            _proposal(text, lines, taken, subject, item, mentions, subjects[0].start)
            for subject, item in zip(subjects, run, strict=True)
        ]
    return found


def apart_from(items: Sequence[Proposal], lines: Sequence[Proposal]) -> list[Proposal]:
    """``items`` without those whose quote overlaps the quote of one of ``lines``: a line this
    module reads is read by it alone."""
    spans = [line.quotes[0] for line in lines]
    return [
        item
        for item in items
        if not any(s < item.quotes[0][1] and item.quotes[0][0] < e for s, e in spans)
    ]


def _items(text: str, places: Sequence[PlaceMention]) -> list[_Item]:
    """Every country, the places that locate its item and the item, with the bracket right
    after it ("日本 长野市(", "日本香川县绫南町(", "意大利 帕尔玛市(")."""
    found = []
    for index, country in enumerate(places):
        if country.place.level != "country":
            continue
        chain = [country]
        for mention in islice(places, index + 1, None):
            end = max(chain[-1].end, chain[-1].outer_end)
            if (
                chain[-1].holds_unknown
                or mention.place.level == "country"
                or not _GAP.fullmatch(text, end, mention.start)
            ):
                break
            chain.append(mention)
        partner = chain[-1]
        end = max(partner.end, partner.outer_end)
        if partner.holds_unknown:
            if not text.startswith(partner.holds_unknown, end):
                continue
            end += len(partner.holds_unknown)
        elif partner.place.level == "country" or partner.strength != "name":
            unknown = _UNKNOWN.match(text, end)
            if unknown is None:
                continue
            partner = replace(partner, strength="qualifier", holds_unknown=unknown.group(1))
            end = unknown.end()
        bracket = _BRACKET.match(text, end)
        if bracket is not None and len(chain) <= _CHAIN_MAX:
            found.append(_Item(country.start, partner, bracket))
    return found


def _lines(text: str) -> list[tuple[int, int]]:
    lines, position = [], 0
    for line in text.splitlines(keepends=True):
        lines.append((position, position + len(line.rstrip("\r\n"))))
        position += len(line)
    return lines


def _line_of(lines: list[tuple[int, int]], position: int) -> int:
    return bisect_right(lines, position, key=lambda line: line[0]) - 1


def _alone(text: str, lines: list[tuple[int, int]], item: _Item) -> bool:
    """Whether the item is its line's only Chinese text (a scraped page's noise around it is
    not)."""
    a, b = lines[_line_of(lines, item.start)]
    rest = text[a : item.start] + text[item.bracket.end() : b]
    return HAN.search(rest) is None


def _subject(
    lines: list[tuple[int, int]],
    taken: set[int],
    item: _Item,
    places: Sequence[PlaceMention],
) -> PlaceMention | None:
    """The place the nearest line above the item that holds no item names first, in a
    country other than the item's: the list's introduction ("石家庄市国际友城工作始于…") or the
    page's title."""
    for index in range(_line_of(lines, item.start) - 1, -1, -1):
        if index in taken:
            continue
        named = [
            m
            for m in local_names(between(places, *lines[index]))
            if m.place.country != item.partner.place.country
        ]
        if named:
            return named[0]
    return None


def _respective(
    text: str, items: list[_Item], places: Sequence[PlaceMention]
) -> list[tuple[list[PlaceMention], list[_Item]]]:
    """The runs of items of one sentence after "分别与", each with as many places before it,
    told in a series, as its subjects."""
    runs: list[list[_Item]] = []
    for item in items:
        last = runs[-1][-1] if runs else None
        if last is not None and _SERIES_GAP.fullmatch(text, last.bracket.end(), item.start):
            runs[-1].append(item)
        else:
            runs.append([item])
    found = []
    for run in runs:
        start = run[0].start
        opening = max(text.rfind(end, 0, start) for end in _SENTENCE_ENDS) + 1
        joined = _RESPECTIVELY.search(text, opening, start)
        if joined is None:
            continue
        before = local_names(between(places, opening, joined.start()))
        subjects = before[-len(run) :]
        series = len(run) >= 2 and len(subjects) == len(run)
        if series and all(
            _SERIES_GAP.fullmatch(text, max(a.end, a.outer_end), b.start)
            for a, b in pairwise(subjects)
        ):
            found.append((subjects, run))
    return found


def _proposal(
    text: str,
    lines: list[tuple[int, int]],
    taken: set[int],
    subject: PlaceMention,
    item: _Item,
    mentions: Sequence[DateMention],
    quoted: int | None = None,
) -> Proposal:
    """The record of one item between ``subject`` and its partner, quoted from ``quoted``
    (else from the item's start) to its bracket's end."""
    words = item.bracket.group(1)
    date = next(
        (
            m
            for m in mentions
            if m.start == item.bracket.start(1) + len(words) - len(words.lstrip())
            and m.kind == "text"
            and m.value
        ),
        None,
    )
    if date is not None and _ACT_AFTER_DATE.match(text, date.end, item.bracket.end(1)):
        chosen = DateChoice(date.value, date, 0.8, "the date told with its item")
    else:
        chosen = DateChoice(None, None, 0.5, "listed without a date of its own")
    pair = [subject, item.partner]
    slug = _act(words) or _heading_act(text, lines, taken, item) or "sister_city"
    if slug == "sister_city":
        slug = sister_type(pair)
    cue = Cue(slug, item.start, item.start, "")
    quote = (item.start if quoted is None else quoted, item.bracket.end())
    return Proposal(cue, chosen, pair, [], [quote], TYPES[slug].en)


def _act(words: str) -> str | None:
    """The type the words of a bracket or heading name: an MOU, friendly relations (an
    agreement under them), a founding."""
    if _MOU.search(words):
        return "mou"
    if _FRIENDSHIP.search(words):
        return "friendship"
    if _FOUNDING.search(words):
        return "sister_city"
    return None


def _heading_act(
    text: str, lines: list[tuple[int, int]], taken: set[int], item: _Item
) -> str | None:
    """The type the nearest line above the item that holds no item names, when it names one
    only ("第二类 友好关系城市(共11个):"; not "共有正式国际友好城市和友好关系城市20个")."""
    for index in range(_line_of(lines, item.start) - 1, -1, -1):
        if index in taken:
            continue
        body = text[lines[index][0] : lines[index][1]]
        named = {act for act in (_MOU, _FRIENDSHIP, _FOUNDING) if act.search(body)}
        if len(named) == 1:
            return _act(body)
    return None
