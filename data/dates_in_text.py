"""Dates as a text writes them, in English or Chinese: "December 7, 2015", 2015年12月7日, the 1980s."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th)?"
_ENGLISH = re.compile(
    rf"(?:\b(?P<d1>\d{{1,2}}){_ORDINAL}\s+)?\b(?P<month>{_MONTH})\b\.?"
    rf"(?:\s+(?P<d2>\d{{1,2}}){_ORDINAL}\b(?:\s*[-–]\s*\d{{1,2}})?)?"
    r"(?:,?\s+(?:of\s+)?(?P<year>\d{4})\b)?"
)
_HAN_DIGITS = "〇零一二三四五六七八九十"
_CHINESE = re.compile(
    rf"(?:(?P<year>[\d〇零一二三四五六七八九]{{4}})\s*年\s*)?"
    rf"(?:(?P<month>[\d{_HAN_DIGITS}]{{1,3}})\s*月\s*(?:(?P<day>[\d{_HAN_DIGITS}]{{1,3}})\s*日)?)?"
)
_NUMERIC = re.compile(r"(?<!\d)(?P<year>\d{4})[-./](?P<month>\d{1,2})[-./](?P<day>\d{1,2})(?!\d)")
_YEAR = re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)(?!\d|s\b)")
_DECADE = re.compile(
    r"(?<!\d)(?P<century>19|20)(?P<decade>\d)0s\b|(?P<c_zh>\d{2})\s*世纪\s*(?P<d_zh>\d)0\s*年代"
)


@dataclass(frozen=True)
class DateMention:
    """One date a text gives, as far as it goes: a year, a year and month, a day, or a decade."""

    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    #: The first year of a decade the text names ("the 1980s", 20世纪80年代), else None.
    decade: int | None = None

    def states(self, partial_date: str) -> bool:
        """Return whether this mention gives every part of ``partial_date`` (YYYY[-MM[-DD]])."""
        parts = [int(part) for part in partial_date.split("-")]
        return [self.year, self.month, self.day][: len(parts)] == parts


def date_mentions(text: str) -> list[DateMention]:
    """Return every date ``text`` gives, most complete forms first.

    A full date also yields its bare year, so a mention of 2015-12-07 states "2015" too.

    Examples
    --------
    >>> [m.states("2015-12-07") for m in date_mentions("2015年12月7日")][:1]
    [True]
    >>> date_mentions("早在20世纪80年代")[0].decade
    1980
    """
    found: list[DateMention] = []
    for match in _NUMERIC.finditer(text):
        found.append(_mention(match[0], match["year"], match["month"], match["day"]))
    for match in _CHINESE.finditer(text):
        if match["year"] or match["month"]:
            found.append(_mention(match[0], match["year"], match["month"], match["day"]))
    for match in _ENGLISH.finditer(text):
        day = match["d1"] or match["d2"]
        month = str(_MONTHS[match["month"]])
        found.append(_mention(match[0], match["year"], month, day))
    for match in _YEAR.finditer(text):
        found.append(_mention(match[0], match["year"], None, None))
    for match in _DECADE.finditer(text):
        century = int(match["century"] or int(match["c_zh"]) - 1)
        decade = int(match["decade"] or match["d_zh"])
        found.append(DateMention(match[0], decade=century * 100 + decade * 10))
    return found


def _mention(text: str, year: str | None, month: str | None, day: str | None) -> DateMention:
    return DateMention(text, _number(year), _number(month), _number(day))


def _number(text: str | None) -> int | None:
    """Read Arabic digits or Chinese numerals: "12", "十二", "二〇〇八"."""
    if not text:
        return None
    if text.isascii():
        return int(text)
    if "十" not in text:
        return int("".join(str(_HAN_VALUES[char]) for char in text))
    tens, _, units = text.partition("十")
    return (_HAN_VALUES[tens] if tens else 1) * 10 + (_HAN_VALUES[units] if units else 0)


_HAN_VALUES = {char: value for value, char in enumerate("〇一二三四五六七八九")} | {"零": 0}
