"""The dates a document gives by reference: "during the sixth S&ED", "12月的巴黎气候大会".

An outcomes list dates few of its items. The others happened at, before or after the event it
reports on, which the text names ("the sixth S&ED", "the S&ED") and dates once ("in July 2014 in
conjunction with the S&ED"): that event is the document's *context*. A news story re-posted
years later may give its event's day without a year, but name a well-known conference of known
date ("为在12月的巴黎气候大会上达成共识"): the year nearest to it is the story's year. Either
date is the *reference* that :func:`partnermap.ingest.dates.complete_dates` completes
yearless dates from; a posting date never is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files
from typing import TypeVar

import yaml

from partnermap.ingest.dates import (
    EVENT_CUES,
    DateChoice,
    DateMention,
    complete_dates,
    find_dates,
)

_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
]
_ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
}
#: How an item relates to a named event, and how much of the event's date it may take:
#: "during" the whole (as far as given), "before"/"after" the year only, "since" nothing.
_RELATIONS = {
    "during": "during",
    "in conjunction with": "during",
    "alongside": "during",
    "on the sidelines of": "during",
    "before": "around",
    "ahead of": "around",
    "after": "around",
    "following": "around",
    "since": "since",
}
_REFERENCE = re.compile(
    r"\b(?P<relation>(?i:"
    + "|".join(sorted(_RELATIONS, key=len, reverse=True)).replace(" ", r"\s+")
    + r"))?\s*(?i:the\s+)?(?:(?P<ordinal>(?i:"
    + "|".join(_ORDINAL_WORDS)
    + r")|\d{1,2}(?:st|nd|rd|th))\s+)?"
    r"(?P<name>[A-Z][A-Za-z]*&[A-Z][A-Za-z]*|(?![IVXLC]+\b)[A-Z]{2,}[a-z]?)\b"
    r"(?:\s+(?P<roman>[IVX]{1,4})\b)?"
)


@dataclass(frozen=True)
class ClimateConference:
    """A UN climate change conference (a COP) as ``data/climate_conferences.yaml`` lists it."""

    number: int
    year: int
    month: int
    city: str
    city_zh: str
    names: tuple[str, ...]


def climate_conferences() -> tuple[ClimateConference, ...]:
    """The UN climate conferences, COP1 onwards, from ``data/climate_conferences.yaml``."""
    return _climate_conferences()


@cache
def _climate_conferences() -> tuple[ClimateConference, ...]:
    raw = (files("partnermap.data") / "climate_conferences.yaml").read_text(encoding="utf-8")
    return tuple(
        ClimateConference(
            row["number"],
            row["year"],
            row["month"],
            row["city"],
            row["city_zh"],
            (row["city"], *row.get("aliases", ())),
        )
        for row in yaml.safe_load(raw)["conferences"]
    )


@cache
def _unique_by_city() -> dict[str, ClimateConference]:
    """Conferences by host city (lower-cased English, or Chinese), for the cities that hosted
    one only: a city that hosted two dates nothing by its name."""
    by_city: dict[str, list[ClimateConference]] = {}
    for row in climate_conferences():
        for name in (*row.names, row.city_zh):
            by_city.setdefault(name.lower(), []).append(row)
    return {name: rows[0] for name, rows in by_city.items() if len(rows) == 1}


@cache
def _conference_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rows = climate_conferences()
    english = "|".join(re.escape(name) for row in rows for name in row.names)
    chinese = "|".join(re.escape(row.city_zh) for row in rows)
    return (
        re.compile(
            rf"\bCOP\s?-?(?P<number>\d{{1,2}})\b|\b(?P<city>{english})\s+"
            r"(?:UN\s+|United\s+Nations\s+)?climate(?:\s+change)?\s+(?:conference|summit|talks)",
            re.I,
        ),
        re.compile(rf"(?P<city>{chinese})(?:联合国)?气候(?:变化)?(?:大会|会议|峰会|谈判)"),
    )


_Spanned = TypeVar("_Spanned", "DateMention", "EventReference")
_SENTENCE = re.compile(r"[^.。;；!?！？\n]+(?:\n(?!\s*\n)[^.。;；!?！？\n]+)*")


@dataclass(frozen=True)
class EventReference:
    """A named event the text refers to ("before the sixth S&ED"), as ``text[start:end]``."""

    start: int
    end: int
    name: str
    ordinal: int | None
    relation: str | None  # "during", "around", "since", or None for a bare mention

    @property
    def key(self) -> tuple[str, int | None]:
        """What identifies the event: its name and which one of a series."""
        return self.name, self.ordinal


@dataclass(frozen=True)
class DocumentDates:
    """Every date of a document: the completed mentions and what dates them by reference.

    ``events`` maps each named event the text dates to that date; ``context`` is the event
    the document reports on (the named event it refers to most, when dated), and
    ``reference`` the date yearless dates were completed from (the context, else a
    well-known conference the text names), None when there is neither.
    """

    mentions: list[DateMention]
    references: list[EventReference]
    events: dict[tuple[str, int | None], DateMention]
    context: tuple[tuple[str, int | None], DateMention] | None
    reference: DateMention | None


def read_dates(text: str) -> DocumentDates:
    """Find a document's dates and the named events that date its other parts.

    Parameters
    ----------
    text
        The document text.

    Returns
    -------
    DocumentDates
        The mentions completed against the document's reference date.
    """
    found = find_dates(text)
    references = find_references(text)
    events = _event_dates(text, references, found)
    # The context is an event the text dates things by ("during…", "before…"), not any name
    # it mentions often (an agency that also hosted something).
    temporal = {r.key for r in references if r.relation in ("during", "around")}
    counts = Counter(r.key for r in references if r.relation != "since")
    ranked = [
        key for key, n in counts.most_common() if n >= 2 and key in events and key in temporal
    ]
    context = (ranked[0], events[ranked[0]]) if ranked else None
    conference = next(iter(conference_mentions(text)), None)
    reference = context[1] if context else conference
    return DocumentDates(
        complete_dates(found, text, reference), references, events, context, reference
    )


def find_references(text: str) -> list[EventReference]:
    """Named events (acronyms: "S&ED", "CERC", with their ordinal) and how the text relates
    to each. A mention without an ordinal means the one the text names most often."""
    found = []
    for match in _REFERENCE.finditer(text):
        ordinal_text = (match.group("ordinal") or "").lower()
        if ordinal_text in _ORDINAL_WORDS:
            ordinal = _ORDINAL_WORDS.index(ordinal_text) + 1
        elif ordinal_text:
            ordinal = int(ordinal_text[:-2])
        else:
            ordinal = _ROMAN.get(match.group("roman") or "")
        relation = match.group("relation")
        found.append(
            EventReference(
                match.start("name") if relation is None else match.start(),
                match.end(),
                match.group("name"),
                ordinal,
                _RELATIONS[re.sub(r"\s+", " ", relation.lower())] if relation else None,
            )
        )
    usual = Counter(r.key for r in found if r.ordinal is not None)
    return [
        replace(r, ordinal=_usual_ordinal(r.name, usual)) if r.ordinal is None else r for r in found
    ]


def _usual_ordinal(name: str, usual: Counter) -> int | None:
    ranked = [key for key, _ in usual.most_common() if key[0] == name]
    return ranked[0][1] if ranked else None


def _event_dates(
    text: str, references: list[EventReference], mentions: list[DateMention]
) -> dict[tuple[str, int | None], DateMention]:
    """Date each named event from a sentence that says when it happened: one written date
    (month or better) in a sentence that refers to the event as happening then ("in July
    2014 in conjunction with the S&ED") or tells it ("The fourth SLD was held in Chengdu on
    November 12, 2018")."""
    dated: dict[tuple[str, int | None], DateMention] = {}
    if not references:
        return dated
    for sentence in _SENTENCE.finditer(text):
        told = bool(EVENT_CUES.search(sentence.group()))
        inside = [
            r
            for r in _within(references, sentence.start(), sentence.end())
            if r.relation == "during" or (r.relation is None and told)
        ]
        written = {
            m.value: m
            for m in _within(mentions, sentence.start(), sentence.end())
            if m.kind == "text" and m.year and m.month
        }
        if len(written) != 1:
            continue
        (mention,) = written.values()
        for reference in inside:
            dated.setdefault(
                reference.key,
                replace(
                    mention,
                    day=None,
                    inferred=True,
                    basis=f"{text[reference.start : reference.end]} ({mention.text})",
                ),
            )
    return dated


def _within(items: Sequence[_Spanned], start: int, end: int) -> Sequence[_Spanned]:
    """The items (in text order) that start within ``[start, end)``."""
    first = bisect_left(items, start, key=lambda item: item.start)
    last = bisect_left(items, end, key=lambda item: item.start)
    return items[first:last]


def conference_mentions(text: str) -> list[DateMention]:
    """The UN climate conferences ``text`` names, each as a date of kind "reference"."""
    by_number = {row.number: row for row in climate_conferences()}
    by_city = _unique_by_city()
    found = []
    for pattern in _conference_patterns():
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if groups.get("number"):
                row = by_number.get(int(groups["number"]))
            else:
                row = by_city.get(groups["city"].lower())
            if row is None:
                continue
            found.append(
                DateMention(
                    match.start(),
                    match.end(),
                    match.group(),
                    row.year,
                    row.month,
                    kind="reference",
                    basis=f"the {row.city} climate conference "
                    f"(COP{row.number}, {row.year}-{row.month:02d})",
                )
            )
    return sorted(found, key=lambda m: m.start)


def date_by_reference(start: int, end: int, dates: DocumentDates) -> DateChoice | None:
    """The date of an undated part of the text (``text[start:end]``) from the named events it
    refers to: the event's date "during" it, the year "before" or "after" it; None when it
    refers to none that is dated ("since" dates nothing)."""
    for reference in dates.references:
        if not start <= reference.start < end or reference.relation not in ("during", "around"):
            continue
        event = dates.events.get(reference.key)
        if event is None:
            continue
        if reference.relation == "around":
            event = replace(event, month=None, day=None)
        return DateChoice(
            event.value,
            event,
            0.6,
            f"{reference.relation} the event the text dates: {event.basis}",
        )
    return None
