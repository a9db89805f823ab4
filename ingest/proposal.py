"""A proposed record, what supports each of its fields, and the places and quotes it takes."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from partnermap.data.vocabulary import AGREEMENT_TYPES
from partnermap.ingest.blocks import Block, sentences
from partnermap.ingest.dates import DateChoice
from partnermap.ingest.kinds import GATHERINGS, Cue
from partnermap.ingest.places import PlaceMention

#: Agreements that found a partnership: an anniversary of it gives their year.
FOUNDINGS = frozenset({"sister_city", "sister_state_province", "friendship"})
#: The levels of the parties of a sister partnership of states and provinces.
WIDE_LEVELS = frozenset({"state", "province"})
_QUOTE_MAX = 1200


@dataclass
class Proposal:
    """One proposed record, with what supports each field.

    ``clause`` marks a part of the document's main agreement between local governments: it
    names the agreement's parties, not the countries they lie in.
    """

    type: Cue
    date: DateChoice
    places: list[PlaceMention]
    sectors: list[Cue]
    quotes: list[tuple[int, int]]
    title: str
    head: bool = False
    date_inherited: bool = False
    block: int = 0
    item: int | None = None
    phrase: str = ""
    clause: bool = False
    #: A partnership renewed, celebrated or told as standing where it is told: dated only by
    #: its founding.
    renewed: bool = False
    #: An agreement told by a bare word with a determiner ("the memorandum of agreement",
    #: "the official agreement", "该协议"): maybe one the text has told already.
    recalled: bool = False
    #: One of the sessions of a gathering the text lists by place only ("已分别在北京、上海…
    #: 举办6届"): undated, and another session is never the same event.
    session: bool = False

    def tells_an_agreement(self) -> bool:
        """Whether the record is one a reader can place or date: a gathering, a dated record,
        or one that names a local party or two countries. An undated agreement of one country
        or of none ("Ireland will be only the fourth country with whom the National Conference
        of State Legislators signed an international partnership agreement") tells nothing to
        map or to date."""
        if self.type.slug in GATHERINGS or self.date.value is not None or self.unknown_parties():
            return True
        chosen = self.chosen_places()
        local = [m for m in chosen if m.place.level != "country"]
        return bool(local) or len({m.place.id for m in chosen}) >= 2

    def unknown_parties(self) -> list[str]:
        """The names of parties the gazetteer does not know ("卡加延市"), in text order."""
        return list(dict.fromkeys(m.holds_unknown for m in self.places if m.holds_unknown))

    def locality_ids(self) -> list[str]:
        """The ids of the localities the record will name, in order of first mention."""
        return list(dict.fromkeys(mention.place.id for mention in self.chosen_places()))

    def chosen_places(self) -> list[PlaceMention]:
        """The place mentions that become localities: names, and country adjectives ("中美",
        "Chinese") unless the record is an agreement between local governments; no country
        for a partnership between local governments, nor for another agreement, programme or
        project of theirs the country of one of them (unless named as a national body's, a
        party itself);
        neither a place that locates a party the gazetteer lacks nor any larger one."""
        # A place that locates a party the gazetteer lacks ("菲律宾卡加延市") stands for that
        # party's side wherever the record names it again: neither it nor a larger place
        # replaces the party.
        locators = [m.place for m in self.places if m.holds_unknown]
        wider = {p.id for p in locators} | {x for p in locators for x in p.parents}
        places = [m for m in self.places if m.place.id not in wider]
        names = [m for m in places if m.strength == "name"]
        local = any(m.place.level != "country" and not m.site for m in names)
        if local and (self.clause or self.type.slug in FOUNDINGS):
            # A partnership between local governments names them, not their countries.
            return [m for m in names if m.place.level != "country"]
        if not local or self.type.slug not in AGREEMENT_TYPES:
            weak = [m for m in places if m.strength == "weak"]
            names = sorted(names + weak, key=lambda m: m.start)
            if not local or self.type.slug in GATHERINGS:
                return names
        # An agreement of local governments: a country that holds one of them only locates it
        # ("Jinan Municipal People's Republic of China"), unless it names a national body
        # that is a party ("美国全国州长协会").
        held = {m.place.country for m in names if m.place.level != "country" and not m.site}
        return [m for m in names if m.place.level != "country" or m.place.id not in held or m.party]


def sister_type(parties: Sequence[PlaceMention]) -> str:
    """The sister partnership of ``parties``' level: of states or provinces when they all are
    one, else of cities."""
    wide = all(m.place.level in WIDE_LEVELS for m in parties)
    return "sister_state_province" if wide else "sister_city"


def local_names(places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The places named as parties below the level of a country."""
    return [m for m in places if m.strength == "name" and m.place.level != "country" and not m.site]


def block_places(block: Block, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The mentions (in text order) that start within ``block``."""
    return between(places, block.start, block.end)


def between(places: Sequence[PlaceMention], start: int, end: int) -> list[PlaceMention]:
    """The mentions (in text order) that start within ``[start, end)``."""
    first = bisect_left(places, start, key=lambda m: m.start)
    last = bisect_left(places, end, key=lambda m: m.start)
    return list(places[first:last])


def with_places(places: list[PlaceMention], more: Iterable[PlaceMention]) -> list[PlaceMention]:
    """``places`` and those of ``more`` it lacks: never a mention twice, nor a weak one
    of a place ``places`` names."""
    seen = {(m.start, m.end) for m in places}
    ids = {m.place.id for m in places if m.strength == "name"}
    return places + [
        m
        for m in more
        if (m.start, m.end) not in seen and not (m.strength == "weak" and m.place.id in ids)
    ]


def quote_span(span: tuple[int, int], cue: Cue) -> tuple[int, int]:
    """The sentence ``span`` to quote for ``cue``: cut around the cue when longer than
    ``_QUOTE_MAX`` characters."""
    start, end = span
    if end - start <= _QUOTE_MAX:
        return span
    start = max(start, cue.start - _QUOTE_MAX // 2)
    return start, min(end, start + _QUOTE_MAX)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to quote of the sentence that holds ``[start, end)``, else that span alone."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    for span in sentences(text, line_start, line_end):
        if span[0] <= start < span[1]:
            return quote_span(span, Cue("", start, end, ""))
    return start, end
