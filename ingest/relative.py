"""Dates a text gives relative to its own date: weekdays, "yesterday", "上月", "明年", anniversaries.

A news story dates its events from the day it was written: "on Sunday", "21日上午", "上个月",
"去年11月", "this week"; and from a day it told ("One day earlier", "次日"). Each is a :class:`~partnermap.ingest.dates.DateMention` without a year
whose ``basis`` names the relation ("weekday:-1:6" is last Sunday); :func:`resolve` counts it
from an anchor, the document's own date (its dateline, address or publication stamp). An
anniversary ("35th anniversary of their sister relationship", "结好30周年", "45年前建立") counts
back to the year a relationship was founded. "last May", "this September" name a month counted
from the same anchor, also when it names the anchor's own day ("on Sunday" in a story filed on
a Sunday): a page that says it is a copy gives no anchor (``dates.page_date``). A bare
weekday counts back ("signed on Tuesday"), unless its sentence tells it in the future tense
("will host … on Wednesday", "将于周三"): then it is the first such day on or after the anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from partnermap.ingest.dates import DateMention

_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS_ZH = "一二三四五六日"
_DIGITS_ZH = "〇○零一二三四五六七八九十两"

#: A weekday, with the week it falls in: "on Sunday", "last Tuesday", "Tuesday", "上周三",
#: "週二", "星期日". English weekdays count only capitalised.
WEEKDAY = re.compile(
    r"\b(?:(?P<en_rel>[Ll]ast|[Tt]his|[Nn]ext)\s+)?(?P<en>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
    r"|(?P<zh_rel>上|本|下|这)?(?:周|週|星期|礼拜|禮拜)(?P<zh>[一二三四五六日天])(?!年)"
)
#: Days, weeks, months and years counted from the document's date.
#: "今日要闻" ("today's news") names a page's column, no day.
_COLUMN = r"(?!要闻|要聞|头条|頭條|新闻|新聞|热点|熱點|推荐|推薦|焦点|焦點|关注|關注)"
SPAN = re.compile(
    r"\b(?P<en>yesterday|today|(?:last|this|next)\s+(?:week|month|year)|"
    r"(?:one|a)\s+day\s+(?:earlier|later)|the\s+(?:previous|next|following)\s+day)\b"
    # "前日" (the day before yesterday) only opening a clause: not "当前日益", "前日本首相".
    rf"|(?P<zh>昨天|昨日|今天|今日{_COLUMN}|前天|(?<![^\s,，。;；:：“\"])前日(?!本)|"
    r"上周|上週|本周|本週|这周|上个?月|本月|下个?月|明年|今年|去年|前年|后年|"
    r"前一天|前一日|次日|翌日)",
    re.I,
)
_SPAN_OFFSETS = {
    "yesterday": ("day", -1),
    "today": ("day", 0),
    "昨天": ("day", -1),
    "昨日": ("day", -1),
    "今天": ("day", 0),
    "今日": ("day", 0),
    "前天": ("day", -2),
    "前日": ("day", -2),
    # Counted from the date the text tells just before ("On … September 24th … One day
    # earlier, …"), not from the document's own.
    "one day earlier": ("told-day", -1),
    "a day earlier": ("told-day", -1),
    "one day later": ("told-day", 1),
    "a day later": ("told-day", 1),
    "the previous day": ("told-day", -1),
    "the next day": ("told-day", 1),
    "the following day": ("told-day", 1),
    "前一天": ("told-day", -1),
    "前一日": ("told-day", -1),
    "次日": ("told-day", 1),
    "翌日": ("told-day", 1),
    "last week": ("week", -1),
    "this week": ("week", 0),
    "next week": ("week", 1),
    "上周": ("week", -1),
    "上週": ("week", -1),
    "本周": ("week", 0),
    "本週": ("week", 0),
    "这周": ("week", 0),
    "last month": ("month", -1),
    "this month": ("month", 0),
    "next month": ("month", 1),
    "上月": ("month", -1),
    "上个月": ("month", -1),
    "本月": ("month", 0),
    "下月": ("month", 1),
    "下个月": ("month", 1),
    "last year": ("year", -1),
    "this year": ("year", 0),
    "next year": ("year", 1),
    "去年": ("year", -1),
    "今年": ("year", 0),
    "明年": ("year", 1),
    "前年": ("year", -2),
    "后年": ("year", 2),
}
#: "35th anniversary", "45-year sister city ties", "40 YEARS OF SISTER STATE RELATIONSHIP",
#: "30周年", "结好5周年", "45年前建立", "缔结姊妹城市已经有45年的时间". Only an
#: anniversary of a partnership counts (see :func:`anniversary_of_partnership`).
ANNIVERSARY = re.compile(
    r"\b(?P<en>\d{1,3})(?:st|nd|rd|th)\s+(?i:anniversary|anniversaries)\b|\b(?P<en_years>\d{1,3})-year\b"
    r"|\b(?P<en_of>\d{1,3})\s+(?i:years)\s+(?i:of)\b"
    rf"|(?P<zh>\d{{1,3}}|[{_DIGITS_ZH}]{{1,3}})\s*(?:周年|週年)"
    rf"|(?P<zh_ago>\d{{1,3}}|[{_DIGITS_ZH}]{{1,3}})\s*年前(?=[^，。,；;]{{0,6}}(?:建立|缔结|締結|结好|結好|结为|結為))"
    rf"|(?<=结好|結好)(?P<zh_since>\d{{1,3}}|[{_DIGITS_ZH}]{{1,3}})\s*年(?:来|來|以来|以來)"
    rf"|已(?:经|經)?有?(?P<zh_for>\d{{1,3}}|[{_DIGITS_ZH}]{{1,3}})\s*年(?=的时间|的時間|之久|了)"
)
#: Words of tense before a weekday: a future one counts the weekday forward from the
#: document's date, a past one (or none) back.
_TENSE = re.compile(
    r"(?P<future>\b(?:will|shall|(?:is|are)\s+(?:(?:scheduled|set|due|expected|slated|"
    r"planned|going)\s+)?to|plans?\s+to|planning\s+to|upcoming)\b|(?<=\w)'ll\b|"
    r"将于|将在|将要|即将|拟于|拟在|定于|计划于|计划在|预计于|預計於|將於|將在|即將|擬於)"
    # A participle after "be" is no past: "will be signed", "is to be held".
    r"|(?<!\bbe )(?P<past>\b(?:was|were|had|did|said|told|signed|held|hosted|met|visited|agreed|"
    r"announced)\b|"
    r"已经|已於|已于|曾)",
    re.I,
)
#: A past form English writes with "-ed" ("arrived", "marked"), or an irregular one.
_PAST_FORM = re.compile(
    r"\b[a-z]{2,}ed\b|\b(?:came|went|gave|took|began|brought|saw|made|spoke|became)\b"
)
#: The end of a sentence (a full stop before a capital, not the one of "p.m." or "Mar.").
_SENTENCE_END = re.compile(r"[。！？；!?;\n]|\.(?=\s+[A-Z\"“])")
_PARTNERSHIP = re.compile(
    r"sister|twin|friendship|relationship|ties|partnership|姐妹|姊妹|友好|友城|结好|結好|缔结|締結|"
    r"结谊|結誼|关系|關係",
    re.I,
)
#: Anniversaries of something else: a country's diplomatic ties or treaty ("《中日和平友好
#: 条约》缔结40周年", "邦交正常化"), an organisation's or a city's founding ("建市100周年").
_NOT_PARTNERSHIP = re.compile(
    r"diplomatic|treaty|建交|邦交|条约|條約|协会成立|協會成立|founding of|成立\d|建党|建国|"
    r"建市|建城|建县|建縣|victory|胜利",
    re.I,
)
#: "the past 40 years of", "more than 30 years of": a stretch of time, no anniversary.
_STRETCH_BEFORE = re.compile(
    r"\b(?:past|last|first|next|over|than|nearly|almost|about|some|around)\s+$", re.I
)


def weekday_basis(match: re.Match[str], text: str) -> str:
    """The ``basis`` of a weekday mention: "weekday:<how>:<0-6>", where how is "on" (the
    latest on or before the anchor), "ahead" (the earliest on or after it: a bare weekday
    told in the future tense, "will host … on Wednesday", "将于周三"), "before"/"after" ("last
    Sunday", "next Friday": the nearest strictly before or after) or "week-1"/"week+1"
    ("上周三": in the calendar week before or after the anchor's)."""
    if match.group("en"):
        day = _WEEKDAYS_EN.index(match.group("en").lower())
        rel = (match.group("en_rel") or "").lower()
        how = {"last": "before", "next": "after"}.get(rel, "on")
    else:
        day = _WEEKDAYS_ZH.index("日" if match.group("zh") == "天" else match.group("zh"))
        how = {"上": "week-1", "下": "week+1"}.get(match.group("zh_rel") or "", "on")
    if how == "on" and _told_ahead(text, match.start()):
        how = "ahead"
    return f"weekday:{how}:{day}"


def _told_ahead(text: str, position: int) -> bool:
    """Whether the sentence of ``position`` tells what is still to come: its last word of
    tense before the weekday is a future one ("will", "is scheduled to", "将于", "拟于"), or,
    with none before it, its first one after it ("at 11:30 a.m. Monday and will sign", "On
    Thursday afternoon, … are set to participate")."""
    ends = list(_SENTENCE_END.finditer(text, max(0, position - 400), position))
    start = ends[-1].end() if ends else max(0, position - 400)
    tenses = list(_TENSE.finditer(text, start, position))
    if not tenses:
        end = _SENTENCE_END.search(text, position, position + 400)
        end_at = end.start() if end else position + 400
        tenses = list(_TENSE.finditer(text, position, end_at))[:1]
        if (
            not tenses
            and end
            and text[end.start()] == "."
            and not _PAST_FORM.search(text, start, end_at)
        ):
            # No tense and no past form in its sentence ("One takes place … on Sunday
            # afternoon."): the tense of the next sentence of its paragraph ("The Port of
            # Olympia will sign …").
            after = _SENTENCE_END.search(text, end.end(), end.end() + 400)
            tenses = list(
                _TENSE.finditer(text, end.end(), after.start() if after else end.end() + 400)
            )[:1]
    return bool(tenses) and tenses[-1].lastgroup == "future"


def span_basis(match: re.Match[str]) -> str:
    """The ``basis`` of a span mention: "span:<unit>:<offset>"."""
    word = re.sub(r"\s+", " ", match.group().lower())
    unit, offset = _SPAN_OFFSETS[word]
    return f"span:{unit}:{offset}"


def anniversary_of_partnership(match: re.Match[str], text: str) -> int | None:
    """The number of years of a partnership's anniversary, or None for other anniversaries
    (of diplomatic ties, of an association) and for words that only look like one."""
    from partnermap.ingest.dates import chinese_number

    groups = match.group("en", "en_years", "en_of", "zh", "zh_ago", "zh_since", "zh_for")
    number = next(g for g in groups if g)
    if match.group("en_of") and _STRETCH_BEFORE.search(
        text, max(0, match.start() - 12), match.start()
    ):
        return None
    try:
        years = chinese_number(number)
    except (KeyError, ValueError):
        return None
    clause = _clause(text, match.start(), match.end())
    if not 1 <= years <= 150 or _NOT_PARTNERSHIP.search(clause):
        return None
    return years if _PARTNERSHIP.search(clause) else None


def _clause(text: str, start: int, end: int) -> str:
    """The words around an anniversary that say whose it is: its clause, at most 60
    characters each side."""
    left = max(text.rfind(c, max(0, start - 60), start) for c in ".。;；!?！？\n,，") + 1
    right = [i for c in ".。;；!?！？\n,，" if (i := text.find(c, end, end + 60)) != -1]
    return text[left : min(right) if right else min(len(text), end + 60)]


def resolve(mention: DateMention, anchor: DateMention) -> DateMention:
    """Count a relative mention from ``anchor`` (a date with a year).

    Parameters
    ----------
    mention
        A mention whose ``basis`` is "weekday:…", "span:…", "month-of:…" or
        "anniversary:…".
    anchor
        The document's own date: a weekday or a day needs its day, a month its month.

    Returns
    -------
    DateMention
        The mention with the parts the relation and the anchor give (the year only for an
        anniversary or a year; year and month for a month, or a week within one month); the
        mention unchanged when the anchor is too coarse.
    """
    kind, _, rest = mention.basis.partition(":")
    if anchor.year is None:
        return mention
    how = f"{mention.text!r} counted from {anchor.text!r}"
    if kind == "anniversary":
        return replace(mention, year=anchor.year - int(rest), inferred=True, basis=how)
    if kind == "month-of":
        return _named_month(mention, anchor, rest, how)
    unit, _, amount = rest.rpartition(":") if kind == "weekday" else rest.partition(":")
    if kind == "span" and unit == "year":
        return replace(mention, year=anchor.year + int(amount), inferred=True, basis=how)
    if kind == "span" and unit == "month":
        if anchor.month is None:
            return mention
        index = anchor.year * 12 + anchor.month - 1 + int(amount)
        year, month = index // 12, index % 12 + 1
        return replace(mention, year=year, month=month, inferred=True, basis=how)
    if anchor.precision < 3:
        return mention
    base = dt.date(anchor.year, anchor.month or 1, anchor.day or 1)
    if kind == "weekday" or unit in ("day", "told-day"):
        if kind == "weekday":
            day = _weekday(base, unit, int(amount))
        else:
            day = base + dt.timedelta(days=int(amount))
        return replace(
            mention, year=day.year, month=day.month, day=day.day, inferred=True, basis=how
        )
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=int(amount))
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) != (sunday.year, sunday.month):
        return mention
    return replace(mention, year=monday.year, month=monday.month, inferred=True, basis=how)


def _named_month(mention: DateMention, anchor: DateMention, rest: str, how: str) -> DateMention:
    """ "last May" (the latest May before the anchor's month), "this May" (in the anchor's
    year), "next May" (the first May after it); the mention unchanged without the anchor's
    month."""
    if anchor.month is None or anchor.year is None:
        return mention
    rel, _, number = rest.partition(":")
    month = int(number)
    year = anchor.year
    if rel == "last" and month >= anchor.month:
        year -= 1
    elif rel == "next" and month <= anchor.month:
        year += 1
    return replace(mention, year=year, month=month, inferred=True, basis=how)


def _weekday(base: dt.date, how: str, weekday: int) -> dt.date:
    """The day a weekday names from ``base`` (see :func:`weekday_basis`); a bare weekday is
    the latest on or before it, as news tells what happened."""
    if how.startswith("week"):
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=int(how[4:]))
        return monday + dt.timedelta(days=weekday)
    if how == "after":
        return base + dt.timedelta(days=(weekday - base.weekday() - 1) % 7 + 1)
    if how == "ahead":
        return base + dt.timedelta(days=(weekday - base.weekday()) % 7)
    back = (base.weekday() - weekday) % 7
    return base - dt.timedelta(days=back or (7 if how == "before" else 0))
