"""The partner of a known pair: a place the curated records pair with a place the text names.

A text about a partnership names both its places, but often the smaller one by its bare name:
"Ürümqi and Orem", "咸阳市与罗彻斯特". Alone, such a name is too small to count ("Orem") or is read
as its larger namesake (Rochester, New York, where Xianyang's partner is Rochester, Minnesota).
Beside its known partner, it is that partner's town; and two places of a known pair that the
text writes by their bare names ("Jiangyin and Alameda") are that pair's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import cache

from partnermap.data.loader import load_corpus
from partnermap.geo.gazetteer import Gazetteer, Place
from partnermap.geo.names import zh_stem
from partnermap.ingest.name_spans import STATE_AFTER
from partnermap.ingest.non_parties import person_named
from partnermap.ingest.place_mention import PlaceMention

#: The record types that pair two places for good.
_PAIRINGS = frozenset({"sister_city", "sister_state_province", "friendship"})
#: A designation after a name says which namesake the text means ("Jilin Province").
_DESIGNATION_AFTER = re.compile(r"\s+(?:State|Province|County|Prefecture)\b")
#: The end of an English name: no letter, hyphen or apostrophe follows, but a possessive may.
_NAME_END = r"(?![\w-]|['’](?!s\b))"


@cache
def known_partners() -> Mapping[str, frozenset[str]]:
    """Each place of a partnership in the curated records (``data/records``) and the places it
    is paired with there."""
    partners: dict[str, set[str]] = defaultdict(set)
    for record in load_corpus().records:
        parties = [ref.id for ref in record.localities if ref.role == "party"]
        if record.type in _PAIRINGS and len(parties) == 2:
            one, other = parties
            partners[one].add(other)
            partners[other].add(one)
    return {place_id: frozenset(ids) for place_id, ids in partners.items()}


def with_known_partners(
    text: str,
    mentions: list[PlaceMention],
    known: Mapping[str, frozenset[str]],
    gazetteer: Gazetteer,
) -> list[PlaceMention]:
    """``mentions`` with the known partners of the places they name (or of the places ``text``
    writes by their bare names beside a partner's), where ``text`` writes a partner by its own
    name: found there when no mention covers the name, or read as the
    partner when a mention of exactly that name reads a namesake that nothing in the text
    pins ("Rochester, New York", "Jilin Province", "the State of Washington").

    Parameters
    ----------
    text
        The document text.
    mentions
        The places found in it, in text order.
    known
        Each place and its partners (:func:`known_partners`).
    gazetteer
        The place index.

    Returns
    -------
    list of PlaceMention
        In text order. A name two known partners share is left as it was: the text must say
        which.
    """
    named = {m.place.id for m in mentions if m.strength == "name"}
    written = {
        place_id: spans
        for place_id in known
        if place_id in gazetteer.places
        and (spans := list(_written(text, gazetteer.places[place_id])))
    }
    wanted: dict[tuple[int, int], set[str]] = defaultdict(set)
    for place_id, partners in known.items():
        # A pair of which the text names one place, or writes both by their bare names.
        for partner_id in partners & written.keys():
            if partner_id not in named and (place_id in named or place_id in written):
                for span in written[partner_id]:
                    wanted[span].add(partner_id)
    found = list(mentions)
    for (start, end), ids in sorted(wanted.items(), key=lambda item: (item[0][0], -item[0][1])):
        if len(ids) > 1 or _pinned(text, end):
            continue
        partner = gazetteer.places[next(iter(ids))]
        covering = [i for i, m in enumerate(found) if m.start < end and start < m.end]
        if not covering:
            mention = PlaceMention(start, end, text[start:end], partner, confidence=0.75)
            if not person_named(text, mention):
                found.append(replace(mention, outer_end=end))
        elif len(covering) == 1:
            # A namesake of exactly that name, or a part of it ("Orange" in "West Orange").
            m = found[covering[0]]
            within = start <= m.start and m.end <= end and m.place.level != "country"
            if within and m.party is None and m.strength == "name":
                found[covering[0]] = replace(
                    m,
                    start=start,
                    end=end,
                    text=text[start:end],
                    place=partner,
                    outer_end=max(m.outer_end, end),
                )
    return sorted(found, key=lambda m: m.start)


def _written(text: str, place: Place) -> Iterator[tuple[int, int]]:
    """The spans where ``text`` writes ``place`` by its English name or its Chinese name, with
    or without its suffix."""
    names = {place.name_en}
    if place.name_zh:
        stem = zh_stem(place.name_zh)[0]
        names |= {place.name_zh, stem} if len(stem) >= 2 else {place.name_zh}
    for name in (name for name in names if name in text):  # most are not: skip the regex
        pattern = (
            rf"(?<![\w'’-]){re.escape(name)}{_NAME_END}" if name.isascii() else re.escape(name)
        )
        for found in re.finditer(pattern, text):
            yield found.span()


def _pinned(text: str, end: int) -> bool:
    """Whether what follows a name says which place of that name it is."""
    return bool(STATE_AFTER.match(text, end) or _DESIGNATION_AFTER.match(text, end))
