"""Partners set out as a list or table: one record per item, with the list's subject.

A page of a city's or province's partners sets them out as lines, bullets or table rows
("• Kanazawa, Japan (1979)", "| 苏州 | 中国 | 1981 |"), often under a heading that names the
type ("Sister cities", "友好城市") and with the subject (whose partners they are) named only in
a heading, the page's title or its address. Each item is one record between the subject and
the item's place (its country only locates it), dated only by the item's own date: a
standing list never takes the page's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from partnermap.data.vocabulary import TYPES
from partnermap.geo.gazetteer import Place
from partnermap.geo.geocode import geocode
from partnermap.ingest.blocks import Block
from partnermap.ingest.dates import DateChoice, DateMention, founding_label
from partnermap.ingest.kinds import GATHERINGS, Cue, type_cues
from partnermap.ingest.places import PlaceMention, find_places
from partnermap.ingest.proposal import FOUNDINGS, Proposal, between, local_names, sister_type

#: A bullet or a table row's first bar: what marks a line as an item without a date.
_MARKED = re.compile(r"^\s*(?:[•·●▪◆■○◇*–-]\s*|\|)")
#: A table's rule ("|---|---|"): no item.
_RULE = re.compile(r"^[\s:|-]*$")
#: What makes a line a sentence, not an item or a heading: a full stop.
_SENTENCE = re.compile(r"[。！？]|(?<![A-Z])[.!?](?=\s|$)")
_LINE_MAX = 90
_NEAR_BEFORE = re.compile(r"\bnear\s+$")
#: A year written alone in an item ("(1979)", "| 1979 |"): the item's own date.
_BARE_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d{2}(?![\d/-])")
#: The heading words of a list's type (nearest heading first): friendship or exchange
#: partners, else sister cities or provinces.
_FRIENDSHIP = re.compile(r"friendship|friendly|友好交流|友好合作", re.I)
#: "Partnerships" set beside sister cities are friendship partners; a page that calls its
#: partnerships twinning ("Twinning Partnerships") lists sister cities under that word.
_PARTNERSHIPS = re.compile(r"partnerships?\b", re.I)
_TWINNING_PARTNERSHIPS = re.compile(r"(?:sister|twin\w*)\s+partnerships?\b", re.I)
_SISTERS = re.compile(r"sister|twin|姐妹|姊妹|友好城市|友城|友好省|友好州|结好", re.I)
#: How many lines above a list its heading or subject may be.
_ABOVE = 8
#: The first lines of a saved page that are no title.
_NO_TITLE = re.compile(r"^(?:Source|Seen|来源|URL)\s*[:：]", re.I)
#: What joins the two places of a pair ("Sunnyvale of California vs. Anqing of Anhui",
#: "Riverside-Sendai"), once the places that only locate them are left out.
_PAIR_JOIN = re.compile(r"(?:\s*(?:of|,)\s*)*\s*(?:vs\.?|versus)\s*|[-–]", re.I)
#: What ends a run of pairs: the end of a sentence (not "vs.").
_RUN_END = re.compile(r"\n|(?<!\bvs)[.!?](?=\s)")
_RUN_GAP = 80
#: A city abroad that names a site's host has at least these people (see ``_address_place``).
_LARGE_CITY = 100_000
#: An item's year in brackets right after it: "Kyoto, Japan (1959)", "京都（1959年）".
_ITEM_YEAR = re.compile(r"\s*[(（]\s*((?:19|20)\d{2})\s*年?\s*[)）]")
#: What stands between an item and its country or state ("Kyoto, Japan"), and between two
#: items of a sentence: commas, semicolons, list marks, "and".
_QUALIFIER_GAP = re.compile(r"\s*[,，]\s*")
_ITEM_GAP = re.compile(r"[\s;；,，、]*(?:and|及|和|与)?\s*")
#: Where a sentence begins, looking back from its list.
_SENTENCE_START = re.compile(r"[。！？\n]|[.!?](?=\s)")
#: The words of an address that may name the subject: host labels and folders.
_ADDRESS_WORD = re.compile(r"(?<![a-z])[a-z]{4,}(?![a-z])")


def listed_partners(
    text: str,
    places: Sequence[PlaceMention],
    mentions: Sequence[DateMention],
    address: tuple[int, int] | None,
) -> list[Proposal]:
    """One proposal per item of each list of partners in ``text`` (at least two items).

    Parameters
    ----------
    text
        The document's (simplified) text.
    places
        Its place mentions, in text order.
    mentions
        Its date mentions.
    address
        The span of the page's web address, if any: its words may name the subject.

    Returns
    -------
    list of Proposal
        For each item, a partnership between the list's subject and the item's place, typed
        by the nearest heading that names a type (else sister cities or provinces, by the
        parties' level) and dated only by the item's own date.
    """
    lines = _lines(text)
    found: list[Proposal] = []
    run: list[tuple[int, list[PlaceMention]]] = []
    for index in range(len(lines) + 1):
        item = _item(text, lines[index], places, mentions) if index < len(lines) else None
        if item is not None:
            run.append((index, item))
            continue
        if index < len(lines) and run and _heading(text, lines[index]):
            continue  # a sub-heading within the list ("Partnerships : 4 cities in 2 countries")
        if len(run) >= 2:
            found += _proposals(text, lines, run, places, mentions, address)
        run = []
    return found


def listed_pairs(
    text: str,
    blocks: Sequence[Block],
    places: Sequence[PlaceMention],
    mentions: Sequence[DateMention],
) -> list[Proposal]:
    """One proposal per pair of a run of at least two pairs of places abroad from each other
    ("They are: Sunnyvale of California vs. Anqing of Anhui, Mount Sereno of California vs.
    …"), typed by the agreement its paragraph names (a gathering's word names none) and
    dated by the date told before that agreement, else undated."""
    found = []
    for block in blocks:
        named = [
            m for m in local_names(between(places, block.start, block.end)) if m.strength == "name"
        ]
        for run in _pair_runs(text, named, places):
            cues = [c for c in type_cues(text[block.start : block.end]) if c.slug not in GATHERINGS]
            start = run[0][0].start
            before = [c for c in cues if block.start + c.end <= start]
            # The paragraph's agreement: the first it names ("signed business cooperation
            # agreement …. They are: …").
            cue = next(iter(before or cues), None)
            if cue is None:
                continue
            dated = [
                m
                for m in mentions
                if block.start <= m.start < block.start + cue.start and m.kind == "text" and m.value
            ]
            founded = [
                m for m in mentions if block.start <= m.start < start and m.founding and m.value
            ]
            if before and dated:
                date = DateChoice(
                    dated[-1].value, dated[-1], 0.7, "the date of the agreement the pairs signed"
                )
            elif founded and cue.slug in FOUNDINGS:
                # "Honoring Three 60th Anniversaries: … Riverside-Sendai, San Diego-Yokohama"
                date = DateChoice(
                    founded[-1].value, founded[-1], 0.7, "the founding the pairs' anniversary tells"
                )
            else:
                date = DateChoice(None, None, 0.5, "listed without a date of its own")
            slug = cue.slug
            at = Cue(slug, block.start + cue.start, block.start + cue.end, cue.text)
            found += [
                Proposal(
                    at,
                    _labelled(text, b, mentions, slug) or date,
                    [a, b],
                    [],
                    [(a.start, max(b.end, b.outer_end))],
                    TYPES[slug].en,
                )
                for a, b in run
            ]
    return found


def _labelled(
    text: str, last: PlaceMention, mentions: Sequence[DateMention], slug: str
) -> DateChoice | None:
    """The founding a label after a pair on its line dates ("Seattle-Chongqing Sister Cities
    (西雅图-重庆友好城市)- (Established: 1983)"): the first such label after the pair's
    ``last`` place, when the pair is a partnership that is founded."""
    if slug not in FOUNDINGS:
        return None
    end = text.find("\n", last.end)
    end = len(text) if end < 0 else end
    label = next(
        (
            m
            for m in mentions
            if last.end <= m.start < end and m.kind == "text" and m.year and founding_label(text, m)
        ),
        None,
    )
    if label is None:
        return None
    return DateChoice(label.value, label, 0.8, "the founding its label beside it gives")


def inline_items(
    text: str,
    places: Sequence[PlaceMention],
    mentions: Sequence[DateMention],
    address: tuple[int, int] | None,
) -> list[Proposal]:
    """One proposal per item of a run of two or more places told each with its year in
    brackets inside a sentence ("Boston has signed similar agreements with other cities,
    including Kyoto, Japan (1959);Strasbourg, France (1960);…"): a partnership between the
    place the sentence names before the run (else the list's subject, as a heading, the title
    or the address names it: "上海市友好城市:\n日本:大阪市(1974年)、横滨市(1973年)") and the
    item, dated by the item's year."""
    named = local_names(places)
    items: list[tuple[PlaceMention, re.Match[str]]] = []
    for mention in named:
        end = max(mention.end, mention.outer_end)
        for qualifier in between(places, end, end + 40):
            if qualifier.strength != "qualifier" or not _QUALIFIER_GAP.fullmatch(
                text, end, qualifier.start
            ):
                break
            end = max(qualifier.end, qualifier.outer_end)
        year = _ITEM_YEAR.match(text, end)
        if year is not None:
            items.append((mention, year))
    found: list[Proposal] = []
    lines: list[tuple[int, int]] = []  # the text's lines, split once when a run needs them
    run: list[tuple[PlaceMention, re.Match[str]]] = []
    for item in [*items, None]:
        if item is not None and (
            not run or _ITEM_GAP.fullmatch(text, run[-1][1].end(), item[0].start)
        ):
            run.append(item)
            continue
        if len(run) >= 2:
            lines = lines or _lines(text)
            found += _inline_proposals(text, lines, run, named, places, address)
        run = [item] if item is not None else []
    return found


def _inline_proposals(
    text: str,
    lines: list[tuple[int, int]],
    run: list[tuple[PlaceMention, re.Match[str]]],
    named: list[PlaceMention],
    places: Sequence[PlaceMention],
    address: tuple[int, int] | None,
) -> list[Proposal]:
    """The proposals of one run of items, between the sentence's subject and each item."""
    start = run[0][0].start
    opening = max(
        (m.end() for m in _SENTENCE_START.finditer(text, max(0, start - 400), start)),
        default=max(0, start - 400),
    )
    before = [m for m in named if opening <= m.start < start]
    if before:
        subject: PlaceMention | None = before[0]
    else:
        index = next(i for i, (a, b) in enumerate(lines) if a <= start <= b)
        # The lines above that are items themselves name no subject.
        above = [
            (a, b)
            for a, b in lines[max(0, index - _ABOVE) : index]
            if _ITEM_YEAR.search(text, a, b) is None
        ]
        subject = _subject(text, lines, above, places, address)
    if subject is None:
        return []
    found = []
    for mention, year in run:
        if subject.place.id in (mention.place.id, *mention.place.parents):
            continue
        value = year.group(1)
        date = DateChoice(
            value,
            DateMention(year.start(1), year.end(1), value, int(value)),
            0.8,
            "the date told with its item",
        )
        pair = [subject, mention]
        slug = sister_type(pair)
        cue = Cue(slug, mention.start, mention.start, "")
        found.append(Proposal(cue, date, pair, [], [(mention.start, year.end())], TYPES[slug].en))
    return found


def _pair_runs(
    text: str, named: list[PlaceMention], places: Sequence[PlaceMention]
) -> list[list[tuple[PlaceMention, PlaceMention]]]:
    """The runs of two or more pairs among ``named`` (in order)."""
    pairs = []
    i = 0
    while i + 1 < len(named):
        a, b = named[i], named[i + 1]
        if a.place.country != b.place.country and _PAIR_JOIN.fullmatch(_gap(text, a, b, places)):
            pairs.append((a, b))
            i += 2
        else:
            i += 1
    runs: list[list[tuple[PlaceMention, PlaceMention]]] = []
    for pair in pairs:
        last = runs[-1][-1][1] if runs else None
        gap = text[max(last.end, last.outer_end) : pair[0].start] if last else ""
        if last and len(gap) <= _RUN_GAP and not _RUN_END.search(gap):
            runs[-1].append(pair)
        else:
            runs.append([pair])
    return [run for run in runs if len(run) >= 2]


def _gap(text: str, a: PlaceMention, b: PlaceMention, places: Sequence[PlaceMention]) -> str:
    """The text between ``a`` and ``b`` without the places that only locate them."""
    start = max(a.end, a.outer_end)
    parts = []
    for m in between(places, start, b.start):
        if m.strength == "name":
            return "\0"  # another place named between them: no pair
        parts.append(text[start : m.start])
        start = max(m.end, m.outer_end)
    return "".join(parts) + text[start : b.start]


def distinct_items(items: Sequence[Proposal]) -> list[Proposal]:
    """``items`` each told once: without an undated one whose pair another item of its type
    dates, nor one that repeats an earlier item's type, pair and date (a page that lists its
    pairs twice: "Riverside-Sendai, San Diego-Yokohama" in its title, then in a sentence of
    their 60th anniversaries)."""

    def key(item: Proposal) -> tuple[str, frozenset[str]]:
        return item.type.slug, frozenset(m.place.id for m in item.places)

    dated = {key(item) for item in items if item.date.value}
    seen: set[tuple] = set()
    kept = []
    for item in items:
        told = (*key(item), item.date.value)
        if (item.date.value or key(item) not in dated) and told not in seen:
            kept.append(item)
            seen.add(told)
    return kept


def inside_items(proposal: Proposal, items: Sequence[Proposal]) -> bool:
    """Whether ``proposal`` tells only what a list's items tell: each of its local parties
    is an item or a list's subject, and one of them an item; or it is an item's pair again,
    of its type, undated or of its date."""
    spans = [item.quotes[0] for item in items]
    subjects = {m.place.id for item in items for m in item.places}
    names = local_names(proposal.places)
    ids = {m.place.id for m in names}
    if any(
        ids == {m.place.id for m in item.places}
        and proposal.type.slug == item.type.slug
        and proposal.date.value in (None, item.date.value)
        for item in items
    ):
        return True  # the pair an item holds, told again ("the Riverside-Sendai Committee")
    listed = [m for m in names if any(s <= m.start < e for s, e in spans)]
    return bool(listed) and all(m in listed or m.place.id in subjects for m in names)


def _lines(text: str) -> list[tuple[int, int]]:
    lines = []
    position = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            lines.append((position + lead, position + len(line.rstrip())))
        position += len(line)
    return lines


def _heading(text: str, line: tuple[int, int]) -> bool:
    body = text[line[0] : line[1]]
    return len(body) <= _LINE_MAX and not _SENTENCE.search(body)


def _item(
    text: str,
    line: tuple[int, int],
    places: Sequence[PlaceMention],
    mentions: Sequence[DateMention],
) -> list[PlaceMention] | None:
    """The partner an item line names ("Kanazawa, Japan (1979)"), or the two partners of a
    table's row of pairs ("| 北京市 | 東京都 | 1979.03.14 |"), else None: a line is an item
    when it is marked (a bullet, a table row) or holds a date of its own."""
    body = text[line[0] : line[1]]
    marked = _MARKED.match(body)
    if marked is not None:
        # "• With the English town of Hitchin since 1958. Hitchin has a population of …": the
        # item is the first sentence after its mark.
        line = (line[0] + marked.end(), line[1])
        end = _SENTENCE.search(text, line[0], line[1])
        line = (line[0], end.start() if end is not None else line[1])
        body = text[line[0] : line[1]]
    if not _heading(text, line) or _RULE.match(body):
        return None
    named = local_names(between(places, line[0], line[1]))
    # "San Jose, California": the state only locates the city; "near Dijon" locates the item.
    inner = [
        m
        for m in named
        if not any(m.place.id in n.place.parents for n in named)
        and not _NEAR_BEFORE.search(text, max(line[0], m.start - 8), m.start)
    ]
    pair = len(inner) == 2 and inner[0].place.country != inner[1].place.country
    if len({m.place.id for m in inner}) != 1 and not pair:
        return None
    if not (marked or "|" in body) and _own_date(text, line, mentions) is None:
        return None
    return inner if pair else inner[:1]


def _own_date(
    text: str, line: tuple[int, int], mentions: Sequence[DateMention]
) -> DateMention | None:
    """The item's own date: a date written in its line, else a year written alone."""
    found = next(
        (m for m in mentions if line[0] <= m.start < line[1] and m.kind == "text" and m.year),
        None,
    )
    if found is not None:
        return found
    year = _BARE_YEAR.search(text, line[0], line[1])
    if year is None:
        return None
    return DateMention(year.start(), year.end(), year.group(), int(year.group()))


def _proposals(
    text: str,
    lines: list[tuple[int, int]],
    run: list[tuple[int, list[PlaceMention]]],
    places: Sequence[PlaceMention],
    mentions: Sequence[DateMention],
    address: tuple[int, int] | None,
) -> list[Proposal]:
    first = run[0][0]
    above = lines[max(0, first - _ABOVE) : first]
    singles = any(len(item) == 1 for _, item in run)
    subject = _subject(text, lines, above, places, address) if singles else None
    found = []
    for index, item in run:
        if len(item) == 1:
            if subject is None or subject.place.id in (item[0].place.id, *item[0].place.parents):
                continue
            item = [subject, item[0]]
        line = lines[index]
        own = _own_date(text, line, mentions)
        date = (
            DateChoice(own.value, own, 0.8, "the date told with its item")
            if own is not None
            else DateChoice(None, None, 0.5, "listed without a date of its own")
        )
        slug = _list_type(text, lines[max(0, first - _ABOVE) : index + 1], item)
        cue = Cue(slug, line[0], line[0], "")
        found.append(Proposal(cue, date, item, [], [line], TYPES[slug].en))
    return found


def _subject(
    text: str,
    lines: list[tuple[int, int]],
    above: list[tuple[int, int]],
    places: Sequence[PlaceMention],
    address: tuple[int, int] | None,
) -> PlaceMention | None:
    """Whose partners a list sets out: the place the nearest heading above it names ("Harbin's
    sister cities"), else the page's title, else a word of its address (".../kanazawa/")."""
    for line in reversed(above):
        named = local_names(between(places, line[0], line[1]))
        if named and (_heading(text, line) or text[line[1] - 1] in ":："):
            return named[0]
    title = next((line for line in lines if not _NO_TITLE.match(text[line[0] : line[1]])), None)
    if title is not None:
        named = local_names(between(places, title[0], title[1]))
        if named:
            return named[0]
    if address is None:
        return None
    for word in _ADDRESS_WORD.finditer(text, address[0], address[1]):
        # A city's site is named by its city ("chiayi.gov.tw": Chiayi City).
        name = word.group().capitalize()
        named = local_names(find_places(name)) or local_names(find_places(f"{name} City"))
        if named:
            return replace(named[0], start=address[0], end=address[1], outer_end=address[1])
        abroad = _address_place(name)
        if abroad is not None:
            return PlaceMention(address[0], address[1], name, abroad, outer_end=address[1])
    return None


def _address_place(word: str) -> Place | None:
    """The place abroad a word of an address names ("jeonbuk.go.kr": Jeonbuk, Korea): only a
    first-level division or a large city, unambiguous, as a site's host would be; a word that
    is also a small town's name ("index", "menu") names none."""
    found = geocode(word)
    place = found.match
    if place is None or found.ambiguous or place.level == "country":
        return None
    large = place.level in ("province", "state") or (place.population or 0) >= _LARGE_CITY
    return place if large else None


def _list_type(text: str, above: list[tuple[int, int]], parties: list[PlaceMention]) -> str:
    """The type the item or the nearest heading names, else a sister partnership at the
    parties' level."""
    twinning = any(_TWINNING_PARTNERSHIPS.search(text, *line) for line in above)
    for line in reversed(above):
        body = text[line[0] : line[1]]
        if not _heading(text, line):
            continue
        if _FRIENDSHIP.search(body) or (_PARTNERSHIPS.search(body) and not twinning):
            return "friendship"
        if _SISTERS.search(body):
            break
    return sister_type(parties)


#: A sentence that goes on to list a place's partners: "it has 8 sister cities, which includes",
#: "Its sister cities are", "sister cities including".
_PARTNERS_LISTED = re.compile(
    r"\b(?:sister|twin|partner)[- ](?:cit(?:y|ies)|towns?|states?|provinces?)\b"
    r"[^.;:!?\n]{0,40}?(?:\b(?:includes?|including|are)\b|:)",
    re.I,
)
#: What may stand between two named partners: a comma, "and", their country ("in France").
_PARTNER_GAP = re.compile(r"(?:\s*,)?\s*(?:and\s+)?")
_LOCATED_IN = re.compile(r"\s*(?:,|\bin\b)\s*")


def partners_listed(text: str, places: Sequence[PlaceMention]) -> list[Proposal]:
    """One undated proposal per partner of a sentence that lists a place's partners by name
    without dates ("Currently, it has 8 sister cities, which includes New Taipei City in Taiwan,
    Liuzhou in China, Nancy in France, …"): a partnership between the place the sentence names
    before its list (else the first the sentence before names, for "it") and each partner."""
    found: list[Proposal] = []
    for listed in _PARTNERS_LISTED.finditer(text):
        end = _RUN_END.search(text, listed.end())
        run = _partner_run(text, places, listed.end(), end.start() if end else len(text))
        if len(run) < 2:
            continue
        subject = _subject_before(text, places, listed.start())
        if subject is None:
            continue
        for partner in run:
            if subject.place.id in (partner.place.id, *partner.place.parents):
                continue
            pair = [subject, partner]
            slug = sister_type(pair)
            cue = Cue(slug, partner.start, partner.start, "")
            date = DateChoice(None, None, 0.5, "listed without a date of its own")
            quote = (partner.start, max(partner.end, partner.outer_end))
            found.append(Proposal(cue, date, pair, [], [quote], TYPES[slug].en))
    return found


def _partner_run(
    text: str, places: Sequence[PlaceMention], start: int, end: int
) -> list[PlaceMention]:
    """The partners named one after another from ``start`` to ``end``, each with the country
    or state that locates it ("Nancy in France", "Gifu, Japan") left out."""
    run: list[PlaceMention] = []
    position = start
    for mention in between(places, start, end):
        if run and run[-1].place.id != mention.place.id:
            located = mention.place.id in run[-1].place.parents or mention.place.level == "country"
            if located and _LOCATED_IN.fullmatch(text, position, mention.start):
                position = max(mention.end, mention.outer_end)
                continue
        if mention.strength != "name" or mention.place.level == "country":
            break
        if not _PARTNER_GAP.fullmatch(text, position, mention.start):
            break
        run.append(mention)
        position = max(mention.end, mention.outer_end)
    return run


def _subject_before(
    text: str, places: Sequence[PlaceMention], position: int
) -> PlaceMention | None:
    """The first place named as a party in the sentence that ends at ``position``, else in
    the sentence before it ("Cincinnati originally signed … Currently, it has …")."""
    starts = [0] + [
        m.end() for m in _SENTENCE_START.finditer(text, max(0, position - 600), position)
    ]
    sentences = [(starts[-1], position)]
    if len(starts) > 1:
        sentences.append((starts[-2], starts[-1]))
    for opening, closing in sentences:
        named = local_names(between(places, opening, closing))
        if named:
            return named[0]
    return None
