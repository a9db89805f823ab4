"""Find the dates a document gives, in English and Chinese, and choose an event's date.

A page carries dates of several kinds: when it was posted or re-posted ("Add Time: 2014-10-28",
"发布时间", "reposted"), the dateline of a news story ("BEIJING, Sept. 16 (Xinhua) --",
"新华社洛杉矶9月16日电"), and the dates in the running text. Only the last may be an event's
date. The document's own date (its dateline, else the date its address holds, else its
publication stamp) anchors relative dates ("last Sunday", "15日") and completes dates given
without a year; a page that says it is a re-post has none but its dateline, as its stamps would
move the event. A date the document was seen or saved on dates nothing. Regular expressions find the mentions (with their spans); relative ones ("on Sunday",
"上月", "25周年") are counted from the document's own date (:mod:`partnermap.ingest.relative`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from partnermap.ingest.address import address_date, inside_url, url_spans
from partnermap.ingest.relative import (
    ANNIVERSARY,
    SPAN,
    WEEKDAY,
    anniversary_of_partnership,
    resolve,
    span_basis,
    weekday_basis,
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
#: A weekday written beside its date ("Friday, 19 September 2003", "Monday, October 17th",
#: "11月16日(星期五)") is part of that date, not a day counted from the page's.
_MONTH_WORD = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_DATE_AFTER = re.compile(
    rf",?\s*(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}|"
    rf"{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?\b)",
    re.I,
)
_DATE_BEFORE = re.compile(r"[日号]\s*[（(]\s*$")
#: Chinese numerals; "○" (a white circle) is the zero many official documents print for "〇".
_ZH_DIGIT = "〇○零一二三四五六七八九十两"
_ZN = rf"[\d{_ZH_DIGIT}]"
_S = r"[ \t]*\n?[ \t]*"

_MONTH_NAME = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # A yearly event dated by its first time: "in October every year from 2016".
    (
        "en",
        re.compile(
            rf"\b{_MONTH_NAME}\s+(?:every|each)\s+year\s+(?:from|since|starting(?:\s+in)?|"
            r"beginning(?:\s+in)?)\s+(?P<year>(?:19|20)\d{2})\b"
        ),
    ),
    (
        "zh",
        re.compile(
            rf"[从自]\s*(?P<year>{_ZN}{{4}})\s*年\s*(?:起|开始)[，,\s]*每年\s*(?P<month>{_ZN}{{1,2}})\s*月份?"
        ),
    ),
    (
        "zh",
        re.compile(
            rf"(?P<year>{_ZN}{{4}}){_S}年{_S}(?:(?P<month>{_ZN}{{1,2}}){_S}月"
            rf"(?:{_S}(?P<day>{_ZN}{{1,3}}){_S}[日号](?:{_S}[至到\-–—~]{_S}{_ZN}{{1,3}}{_S}[日号])?)?)?"
        ),
    ),
    # "三月7,2025": an English date as a translating site writes it in Chinese.
    (
        "zh",
        re.compile(
            rf"(?<![\d{_ZH_DIGIT}])(?P<month>[{_ZH_DIGIT}]{{1,2}})月[ \t]*(?P<day>\d{{1,2}})[ \t]*[,，]"
            r"[ \t]*(?P<year>(?:19|20)\d{2})(?!\d)"
        ),
    ),
    # "当年7月15日", "同年": in the year the text named last.
    (
        "same-year",
        re.compile(
            rf"(?:当年|同年|该年)(?:{_S}(?P<month>{_ZN}{{1,2}}){_S}月(?:{_S}(?P<day>{_ZN}{{1,3}}){_S}[日号])?)?"
        ),
    ),
    (
        "zh",
        re.compile(
            rf"(?<![\d年])(?P<month>{_ZN}{{1,2}}){_S}月{_S}(?P<day>{_ZN}{{1,3}})"
            rf"(?:{_S}[至到\-–—~]{_S}{_ZN}{{1,3}})?{_S}[日号]"
            # "5月22日至23日": one date, from its first day
            rf"(?:{_S}[至到\-–—~]{_S}{_ZN}{{1,3}}{_S}[日号])?"
        ),
    ),
    ("zh-day", re.compile(rf"(?<![\d月{_ZH_DIGIT}])(?P<day>[\d]{{1,2}}|[{_ZH_DIGIT}]{{1,3}})日")),
    (
        "iso",
        re.compile(
            r"(?<!\d)(?P<year>(?:19|20)\d{2})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"
        ),
    ),
    # Dates in digits as people write them: "9/28/2010" (American: month first, unless the
    # first number is no month: "18/9/2008"), "29.10.2018" (day first).
    (
        "numeric",
        re.compile(
            r"(?<![\d/.])(?:(?P<month>\d{1,2})/(?P<day>\d{1,2})/|(?P<day2>\d{1,2})\.(?P<month2>\d{1,2})\.)"
            r"(?P<year>(?:19|20)\d{2})(?![\d/.]\d)"
        ),
    ),
    (
        "en",
        re.compile(
            rf"\b{_MONTH}[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–—]\s*\d{{1,2}})?\b"
            rf"(?:,?\s+(?P<year>(?:19|20)\d{{2}})\b)?",
            re.I,
        ),
    ),
    (
        "en",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of\s+)?{_MONTH}"
            rf"(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?\b",
            re.I,
        ),
    ),
    ("en", re.compile(rf"\b{_MONTH},?\s+(?P<year>(?:19|20)\d{{2}})\b", re.I)),
    # "late October this year", "June of last year": a month of a year counted from the
    # document's date, as "今年10月" is.
    (
        "relative-year",
        re.compile(rf"\b{_MONTH_NAME}\s+(?:of\s+)?(?P<en>(?:last|this|next) year)\b"),
    ),
    # "last May", "this September": a month counted from the document's date.
    (
        "named-month",
        re.compile(rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+{_MONTH_NAME}\b(?![ \t]*\d)"),
    ),
    # A month alone, after a preposition and capitalised ("in May", not "may"): its year comes
    # from the document (see complete_dates).
    (
        "month",
        re.compile(
            r"(?:"
            + "|".join(rf"(?<=\b{word} )" for word in ("in", "by", "from", "until", "during"))
            + rf"){_MONTH_NAME}\b(?![ \t]*\d)"
            r"(?!,?\s+(?:19|20)\d{2})"
        ),
    ),
    (
        "month",
        re.compile(
            rf"(?<![\d年{_ZH_DIGIT}第个])(?P<month>{_ZN}{{1,2}})\s*月份?(?![\d{_ZH_DIGIT}\s]*[日号])"
        ),
    ),
    ("year", re.compile(r"(?<![\d\-/.])(?P<year>(?:19|20)\d{2})(?![\d\-/.]\d)(?:\s*年)?")),
    (
        "relative-year",
        re.compile(
            rf"(?P<rel>去年|今年|前年|明年|后年)(?:{_S}(?P<month>{_ZN}{{1,2}}){_S}月"
            rf"(?:{_S}(?P<day>{_ZN}{{1,3}}){_S}[日号])?)?|\b(?P<en>(?:last|this|next) year)\b",
            re.I,
        ),
    ),
    ("anniversary", ANNIVERSARY),
    ("weekday", WEEKDAY),
    ("span", SPAN),
]

#: The kinds of a page's own stamps: when it was posted (or printed) and the date its address
#: holds. A re-post's stamps are when it was copied.
STAMPS = frozenset({"posted", "address"})
_SENTENCE_ENDS = ("。", ". ", "；", "!", "！", "?", "？", "\n")
_CLAUSE_ENDS = (*_SENTENCE_ENDS, ",", "，", ";")
#: What may stand beside a year that is a clause of its own: "In 2019,", "2012年,".
_YEAR_ADVERBIAL = re.compile(r"\s+|\b(?:in|during)\b|[在于於]", re.I)
#: A clause that tells a partnership's founding: its year is no anniversary's.
_FOUNDING_CLAUSE = re.compile(
    r"缔结|締結|建立|结好|結好|结为|結為|结成|結成|以来|以來|\bsince\b|\bestablish|\bfounded\b|"
    r"\bbecame\b|\bformed\b|\bforg(?:e|ed|ing)\b|\bofficial(?:ly)?\b",
    re.I,
)
_POSTED = re.compile(
    r"(add(?:ed)?\s*time|posted|^\s*date\b|\btime\s*[:：]|re-?posted|published|updated|release\s*date|date\s*added|"
    r"last\s*modified|file\s*created|date\s*created|"
    r"发布时间|发布日期|发表时间|更新时间|录入时间|添加时间|时间\s*[:：]|日期\s*[:：]|"
    r"来源\s*[:：]|转载|浏览次数|当前报章|出版日期|刊发时间|"
    # The same in traditional script ("發佈時間:2023-02-24").
    r"發[佈布]時間|發[佈布]日期|發表時間|更新時間|時間\s*[:：]|來源\s*[:：]|轉載|瀏覽次數|刊發時間)"
    r"[^\n]{0,30}$",
    re.I,
)
#: A stamp of the record's keeping, not of the page's publication: when a decision's date is on
#: the page ("Final action: 3/12/2024"), it anchors nothing.
_RECORD_KEEPING = re.compile(
    r"(?:(?:file|date|record)\s*created|last\s*modified|posted\s+by)\b[^\n]{0,30}$", re.I
)
_DECIDED_BEFORE = re.compile(
    r"(?:final\s+action|approved(?:\s+on)?|adopted(?:\s+on)?|enacted(?:\s+on)?)\s*[:：]?\s*$",
    re.I,
)
#: A label that gives a partnership's founding year beside its name: "(Established: 1982)",
#: "est. 1983", "Founded 1979", "建立于1982", "成立时间:1982".
_FOUNDED_LABEL = re.compile(
    r"(?:\b(?:established|founded|twinned|since)|\best\.|(?:成立|建立|结好|缔结)(?:于|於|时间|日期)?)"
    r"\s*(?:in\s+|on\s+)?[:：]?\s*$",
    re.I,
)
#: Contacts, ties or exchanges that began in a year ("自2011年起建立官方联系", "于2001年开始交往",
#: "have had exchanges since 1985"): no agreement; the partnership, if any, came later.
_CONTACT_AFTER = re.compile(
    r"\s*(?:年\s*)?(?:起|开始|以来)?\s*(?:就|便|即)?(?:已经?)?"
    r"(?:建立|开始|有|保持|进行|展开|开展)?了?(?:官方|正式|民间|政府间?)?的?"
    r"(?:联系|联络|接触|交往|往来)(?!关系|协议)"
)
#: "首次官方接触自1972年起", "first official contact in 1972", "have had exchanges since",
#: "official ties since": the words of a contact before its year.
_CONTACT_BEFORE = re.compile(
    r"(?:首次|初次|最早|第一次)[^，。,；;]{0,6}(?:接触|联系|交往|往来)[^，。,；;]{0,6}$|"
    r"\bfirst\s+(?:official\s+)?contacts?\b[^.;,]{0,30}$|"
    r"\b(?:contacts?|exchanges|(?:official|informal|unofficial)\s+(?:ties|relations))\s+"
    r"(?:since|from|beginning\s+in|starting\s+in|as\s+early\s+as)\s+$|"
    r"\b(?:began|started|initiated)\s+(?:\w+\s+)?(?:exchanges|contacts?)\s+in\s+$",
    re.I,
)
#: "by 2020", "2020年左右/前": a target, not when something happened; "2017年度友好交流协议书":
#: a programme's year.
_TARGET_YEAR = re.compile(r"\s*(?:年\s*)?(?:左右|前|以前|之前|后|以后|%|万|亿|吨|度)")
_CLOCK_AFTER = re.compile(r"^\s*\d{1,2}:\d{2}")
_NUMERIC_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|\d{1,2}[/.]\d{1,2}[/.]\d{4}$")
_DATELINE_EN = re.compile(r"^[A-Z][A-Za-z .,'’]{1,40}$")
_DATELINE_ZH = re.compile(r"(?:社|网|網|报|報|电视台)?[\u4e00-\u9fff]{0,12}$")
#: "the 2012 China International Friendship Cities Conference", "2018中国国际友好城市大会": a
#: gathering's year.
_GATHERING_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*\s+){0,7}?(?:Conference|Forum|Summit|Expo|Dialogue|Meeting|Games)s?\b"
    r"|[\u4e00-\u9fff]{2,16}?(?:大会|会议|论坛|峰会|博览会|对话会|年会)"
)
#: "2011年02月27日   来源:新华社": a page's stamp, the source named after it on its line.
_SOURCE_AFTER = re.compile(r"[ \t|•·/]*(?:来源|來源|source)\s*[:：]", re.I)
#: "2015年10月27日 第03版": a newspaper's edition, printed under its date.
_EDITION_AFTER = re.compile(rf"[ \t]*第[ \t]*{_ZN}{{1,3}}[ \t]*版")
#: A span of days: "11日至16日", "September 13-22" (days in digits).
_DAY_SPAN = re.compile(
    r"(?P<first>\d{1,2})\s*[日号]?\s*(?:[至到~]|[-–—])\s*(?P<last>\d{1,2})(?!\d)"
)
#: A visit, a trip or a mission: an event within it does not take its first day.
_VISIT = re.compile(r"访|訪|\bvisit|\btrip\b|\btour\b|\bmission\b", re.I)
#: When the document was saved or seen, not when anything happened: it dates nothing.
_SEEN = re.compile(r"\b(?:seen|retrieved|accessed|saved|downloaded)(?:\s+on)?\s*[:：]?\s*$", re.I)
#: What may stand beside a page's own date on its line: a weekday, a byline, separators.
_HEAD_LINE_REST = re.compile(
    r"(?:posted\s+)?by\s+[\w .'’@-]{1,40}$|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
    r"(?:周|週|星期)[一二三四五六日天]|[\s|,，.·•/:：-]|的$",
    re.I,
)
#: The words that name a page's author before the name: "文/九月", "作者:", "By Chris".
_BYLINE_WORDS = r"文|作者|撰文|记者|記者|\bby\b"
#: A line of running text: it ends a sentence.
_SENTENCE_LINE = re.compile(r"[.。!?！？]\s*$")
#: The lines a stored document opens with ("Source: …", "Seen: …").
_HEADER_LINE = re.compile(r"(?:source|seen)\s*:", re.I)
_REPOST_MARKERS = re.compile(
    r"re-?posted|转载|轉載|本站整理|来源\s*[:：]\s*网络|來源\s*[:：]\s*網[絡路]", re.I
)
#: A copyright notice's terms around "转载": the page may not be copied, or only so.
_REPOST_FORBIDDEN = re.compile(r"(?:不得|禁止|严禁|嚴禁|请勿|請勿|谢绝|謝絕|未经[^，。,]{0,6})$")
_REPOST_TERMS = re.compile(r"[^，。,]{0,4}?(?:请|請|须|須|必须|必須|应|應)[^，。,]{0,4}注明")
EVENT_CUES = re.compile(
    r"\bsign(?:ed|ing|s)?\b|\bheld\b|\bhosts?\b|\bhosted\b|\bconvened?\b|\blaunched\b|"
    r"\btook place\b|\bconcluded\b|\breached\b|\bestablished\b|\bopened\b|\bmet\b|"
    r"\borganized\b|\binked\b|\bannounced\b|\bwitnessed\b|\bagreed\b|\bissued\b|"
    r"\bbecame\b|\bforged\b|\bformed\b|\brenewed\b|\breaffirm(?:ed|s)?\b|\bextend(?:ed|s)\b|"
    # Founding words of any tense and the acts of a council: "to become sister cities",
    # "the formation of", "a resolution approving", "establishment".
    r"\bbecom(?:e|es|ing)\b|\bformation\b|\bestablish(?:es|ing|ment)?\b|"
    r"\bapprov(?:e|es|ed|ing|al)\b|\bjoin(?:s|ed)?\b|"
    r"签署|签订|签约|签字|举行|举办|召开|开幕|闭幕|落幕|启动|达成|缔结|会见|发表|商定|结好|结为|结成|续签|重申|"
    r"批准",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date written in the text, with its span and what kind of date it is.

    ``kind`` is "text" (running text), "posted" (when the page was posted or re-posted),
    "dateline" (a news story's dateline), "address" (the date a page's web address holds) or
    "seen" (when the document was seen or saved). ``inferred`` says the year (or month) was not written
    next to the date but taken from elsewhere, as ``basis`` explains.
    """

    start: int
    end: int
    text: str
    year: int | None
    month: int | None = None
    day: int | None = None
    kind: str = "text"
    inferred: bool = False
    basis: str = ""
    #: An anniversary: the year is when a partnership was founded (see relative.py).
    founding: bool = False

    @property
    def stamp(self) -> bool:
        """Whether the mention is a page's posting, edition or address stamp."""
        return self.kind in STAMPS

    @property
    def value(self) -> str | None:
        """The partial date ("YYYY", "YYYY-MM" or "YYYY-MM-DD"), None without a year."""
        if self.year is None:
            return None
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def precision(self) -> int:
        """How much the mention says: 0 nothing, 1 year, 2 month, 3 day."""
        return sum(part is not None for part in (self.year, self.month, self.day))


@dataclass(frozen=True)
class DateChoice:
    """The date chosen for a record, or None with the reason why there is none."""

    value: str | None
    mention: DateMention | None
    confidence: float
    reason: str


def chinese_number(text: str) -> int:
    """Read digits or Chinese numerals: "2015", "二〇一五" and "二○一五" -> 2015, "十二" -> 12,
    "二十五" -> 25."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "两": 2}
    if "十" not in text:
        return int("".join(str(digits[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def find_dates(text: str) -> list[DateMention]:
    """Find every date mention in ``text``, longest first where two overlap.

    Parameters
    ----------
    text
        The document text.

    Returns
    -------
    list of DateMention
        In text order. Mentions without a written year have ``year=None`` until
        :func:`complete_dates` fills it in; relative ones have no parts at all.
    """
    urls = url_spans(text)
    # One byte per character: which are taken by a longer mention already (linear in the text).
    taken = bytearray(len(text))
    found: list[DateMention] = []
    for style, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]) or (urls and inside_url(urls, start)):
                continue
            mention = _mention(style, match, text)
            if mention is not None:
                found.append(mention)
                taken[start:end] = b"\x01" * (end - start)
    address = address_date(text)
    if address is not None:
        start, end, year, month, day = address
        # A year folder alone: the draft says where a day's year came from.
        basis = "" if month else f"the year {year} of the page's address {text[start:end]}"
        found.append(
            DateMention(start, end, text[start:end], year, month, day, "address", basis=basis)
        )
    found.sort(key=lambda m: m.start)
    head = head_date(found, text)
    return [replace(m, kind="posted") if m is head else m for m in found]


def _mention(style: str, match: re.Match[str], text: str) -> DateMention | None:
    groups = match.groupdict()
    if style == "numeric" and groups["day2"]:
        groups = {**groups, "day": groups["day2"], "month": groups["month2"]}
    elif style == "numeric" and int(groups["month"]) > 12:
        # "18/9/2008": a first number that is no month is the day (written day first).
        groups = {**groups, "day": groups["month"], "month": groups["day"]}
    try:
        year = chinese_number(groups["year"]) if groups.get("year") else None
        month_text = groups.get("month")
        if month_text and month_text.lower().rstrip(".") in _MONTHS:
            month = _MONTHS[month_text.lower().rstrip(".")]
        else:
            month = chinese_number(month_text) if month_text else None
        day = chinese_number(groups["day"]) if groups.get("day") else None
    except (KeyError, ValueError):
        return None
    if style == "zh-day" and not _plausible_day_only(match, text):
        return None
    if style == "year" and not _plausible_bare_year(match, text):
        return None
    if style == "weekday" and (
        _DATE_AFTER.match(text, match.end())
        or _DATE_BEFORE.search(text[max(0, match.start() - 4) : match.start()])
    ):
        return None
    if style == "zh" and month is None and _TARGET_YEAR.match(text[match.end() : match.end() + 6]):
        return None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    if day is not None and _visit_span(match, text):
        day = None
    basis = _relative_basis(style, match, text)
    if basis is None:
        return None
    kind = _kind(text, match.start(), match.end())
    return DateMention(
        match.start(),
        match.end(),
        match.group(),
        year,
        month,
        day,
        kind,
        basis=basis,
        founding=style == "anniversary",
    )


def _visit_span(match: re.Match[str], text: str) -> bool:
    """Whether a span of three days or more is a visit's ("于2013年7月11日至16日访美", "将于4月
    17日至28日,对…进行友好访问", "a mission of September 13-22, 2009"): what happens during
    it is dated by its month, not by the visit's first day (a visit of "八月13-14日" is
    dated by its first)."""
    span = _DAY_SPAN.search(match.group())
    if span is None or int(span.group("last")) - int(span.group("first")) < 2:
        return False
    start = max(text.rfind(c, max(0, match.start() - 40), match.start()) for c in _SENTENCE_ENDS)
    ends = [i for c in _SENTENCE_ENDS if (i := text.find(c, match.end(), match.end() + 40)) >= 0]
    end = min(ends, default=min(len(text), match.end() + 40))
    return bool(_VISIT.search(text, max(start + 1, match.start() - 40), end))


def _relative_basis(style: str, match: re.Match[str], text: str) -> str | None:
    """How a relative mention counts from the document's date ("" for an absolute one), or
    None when the match is no date (an anniversary of diplomatic ties)."""
    if style == "relative-year":
        word = (match.groupdict().get("rel") or match.group("en")).lower()
        offset = {"去年": -1, "今年": 0, "前年": -2, "明年": 1, "后年": 2}.get(word)
        if offset is None:
            offset = {"last": -1, "this": 0, "next": 1}[word.split()[0]]
        return f"span:year:{offset}"
    if style == "anniversary":
        years = anniversary_of_partnership(match, text)
        return None if years is None else f"anniversary:{years}"
    if style == "weekday":
        return weekday_basis(match, text)
    if style == "span":
        return span_basis(match)
    if style == "same-year":
        return "same-year"
    if style == "named-month":
        return f"month-of:{match.group('rel').lower()}:{_MONTHS[match.group('month').lower()]}"
    return ""


def _plausible_day_only(match: re.Match[str], text: str) -> bool:
    """ "15日" is a date at a clause start or before a verb ("峰会15日在洛杉矶开幕"), not in
    "三日游" or "日本"."""
    before = text[max(0, match.start() - 1) : match.start()]
    after = text[match.end() : match.end() + 2]
    opens = not before or before in '，。、；：,（( \n\t“"'
    verb = after[:1] in "在举开签上下晚起至，," or after == "召开"
    return (opens or verb) and after[:1] not in "本元报"


def _plausible_bare_year(match: re.Match[str], text: str) -> bool:
    """A bare year counts only as a year in prose ("in 2014", "2014年", "summer 2014"), as a
    heading of its own (a line "2009" over what happened that year) or as a founding's label
    ("(Established: 1982)", "est. 1983", "成立于1982")."""
    before = text[max(0, match.start() - 16) : match.start()].lower()
    line_start = text.rfind("\n", max(0, match.start() - 16), match.start()) + 1
    line_end = text.find("\n", match.end(), match.end() + 16)
    heading = (line_start > 0 or match.start() < 16) and not (
        text[line_start : match.start()] + text[match.end() : line_end]
    ).strip()
    return (
        heading
        or match.group().endswith("年")
        or bool(_GATHERING_AFTER.match(text, match.end()))
        or bool(
            re.search(
                r"\b(in|since|during|from|by|of|summer|spring|autumn|fall|winter|"
                r"(?:planned|scheduled|set|slated) for)\s+$",
                before,
            )
        )
        or bool(_FOUNDED_LABEL.search(before))
    ) and not _TARGET_YEAR.match(text[match.end() : match.end() + 6])


def founding_label(text: str, mention: DateMention) -> bool:
    """Whether ``mention`` is a year given as a founding's label beside a pair's name, on its
    line ("Seattle-Chongqing Sister Cities (西雅图-重庆友好城市)- (Established: 1983)",
    "Kyoto (est. 1959)", "苏州（建立于1981年）")."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    return bool(_FOUNDED_LABEL.search(text, max(line_start, mention.start - 24), mention.start))


def first_contact(text: str, mention: DateMention) -> bool:
    """Whether ``mention`` is the year official contacts, ties or exchanges began ("南宁市与
    秋田市自2011年起建立官方联系", "两地首次官方接触自1972年起", "have had exchanges since
    1985"): it dates no agreement, which the same text may tell as signed later ("到1980年才
    正式签订姊姊省份的伙伴关系条文")."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    before = _CONTACT_BEFORE.search(text, max(line_start, mention.start - 40), mention.start)
    return bool(before or _CONTACT_AFTER.match(text, mention.end, mention.end + 24))


def _kind(text: str, start: int, end: int) -> str:
    # Only the line's last 200 characters count: a text without line breaks stays linear.
    line_start = max(text.rfind("\n", max(0, start - 200), start) + 1, start - 200, 0)
    before = text[line_start:start]
    if _SEEN.search(before):
        return "seen"
    # A date with the time of day is a page's stamp ("2014-7-14 20:43"): at a line's start,
    # or written in digits as software writes it.
    stamped = before.strip() == "" or _NUMERIC_DATE.match(text[start:end])
    if _POSTED.search(before) or (stamped and _CLOCK_AFTER.match(text[end : end + 20])):
        return "posted"
    if _SOURCE_AFTER.match(text, end, end + 40) or _EDITION_AFTER.match(text, end, end + 12):
        return "posted"
    after = text[end : end + 40]
    if _DATELINE_EN.match(before) and re.match(r"\s*(\([^)]{1,30}\))?\s*(--|—|–|-)", after):
        return "dateline"
    if re.match(r"\s*(?:电|電|讯|訊)", after) and _DATELINE_ZH.search(before) and len(before) < 40:
        return "dateline"
    return "text"


@dataclass(frozen=True)
class _Anchors:
    """What yearless and relative mentions are completed from (see :func:`complete_dates`)."""

    full: list[DateMention]
    starts: list[int]
    #: Every mention that writes a year (bare years and headings too), in text order.
    years: list[DateMention]
    same_days: dict[tuple[int | None, int | None], DateMention]
    dateline: DateMention | None
    page: DateMention | None
    reference: DateMention | None

    def before(self, position: int, with_day: bool = False) -> DateMention | None:
        """The last full date of the running text before ``position``."""
        i = bisect_left(self.starts, position) - 1
        while i >= 0 and with_day and not self.full[i].day:
            i -= 1
        return self.full[i] if i >= 0 else None

    def year_before(self, position: int) -> DateMention | None:
        """The last mention before ``position`` that writes a year."""
        i = bisect_left(self.years, position, key=lambda m: m.start) - 1
        return self.years[i] if i >= 0 else None

    def told_year(self, mention: DateMention, text: str, sentence: bool) -> DateMention | None:
        """The last year written before ``mention`` whose clause tells no founding: the year
        of the event an anniversary is told at. Within its sentence (``sentence``) only a
        year that is a clause of its own ("In 2019, … celebrated the 35th anniversary"), not
        "we made our special friendship official in 1983 … 35-year Celebration"; before it,
        any ("2012年,…与美国威斯康星州举行结好30周年"), not "1979年两市正式缔结友城关系"."""
        start = max(text.rfind(c, 0, mention.start) for c in _SENTENCE_ENDS) + 1 if sentence else 0
        i = bisect_left(self.years, mention.start, key=lambda m: m.start) - 1
        while i >= 0 and self.years[i].start >= start:
            year = self.years[i]
            i -= 1
            start_of, end_of, alone = _year_clause(year, text)
            if sentence and not alone:
                continue
            if not _FOUNDING_CLAUSE.search(text, start_of, end_of):
                return year
        return None

    def founding_after(self, mention: DateMention, text: str) -> DateMention | None:
        """The date the text tells a founding on after ``mention`` ("…30周年…自1987年9月建立
        友好城市以来", "In 1991, both Chuo and Sutherland decided to forge a sister city
        relationship"), when every founding it dates there falls in that year: on a page
        that gives no date of its own, the founding an anniversary celebrates. (A founding
        told before the anniversary is a record of its own already.)"""
        told = [
            year
            for year in self.years
            if year.start > mention.end
            and _FOUNDING_CLAUSE.search(text, *_year_clause(year, text)[:2])
        ]
        if len({year.year for year in told}) != 1:
            return None
        return max(told, key=lambda m: m.precision)

    def year_of_sentence(self, mention: DateMention, text: str) -> DateMention | None:
        """The year written in the sentence of ``mention`` (see :func:`_sentence_year`)."""
        return _sentence_year(mention, self.years, text)


def _year_clause(year: DateMention, text: str) -> tuple[int, int, bool]:
    """The clause ``year`` is written in, as its start and end, and whether the year is a
    clause of its own ("In 2019,"), whose clause then runs on to the next ("1991年12月10日,
    …正式缔结")."""
    start_of = max(text.rfind(c, 0, year.start) for c in _CLAUSE_ENDS) + 1
    end_of = _clause_end(text, year.end)
    alone = not _YEAR_ADVERBIAL.sub("", text[start_of:end_of].replace(year.text, ""))
    if alone:
        end_of = _clause_end(text, end_of + 1)
    return start_of, end_of, alone


def _clause_end(text: str, position: int) -> int:
    ends = [e for c in _CLAUSE_ENDS if (e := text.find(c, position)) >= 0]
    return min(ends, default=len(text))


def _sentence_year(
    mention: DateMention, years: Sequence[DateMention], text: str
) -> DateMention | None:
    """The mention of ``years`` (in text order) in the sentence of ``mention``, the last before
    it or, when none is, the first after it ("11月16日,2018中国国际友好城市大会在武汉闭幕")."""
    start = max(text.rfind(c, 0, mention.start) for c in _SENTENCE_ENDS) + 1
    ends = [i for c in _SENTENCE_ENDS if (i := text.find(c, mention.end)) >= 0]
    end = min(ends) if ends else len(text)
    i = bisect_left(years, mention.start, key=lambda m: m.start)
    if i > 0 and years[i - 1].start >= start:
        return years[i - 1]
    i = bisect_left(years, mention.end, key=lambda m: m.start)
    return years[i] if i < len(years) and years[i].start < end else None


def complete_dates(
    mentions: Sequence[DateMention], text: str, reference: DateMention | None = None
) -> list[DateMention]:
    """Fill in the year (and month) of mentions that do not write it, where the text allows.

    A month-day without a year takes the year of a full date with the same month and day
    elsewhere in the text (a bilingual document writes the date twice), else of the dateline,
    else the year that puts it nearest to the document's ``reference`` date, else nearest to
    the page's own date, else the year of the nearest full date in the running text before
    it; a month alone ("in May", "12月") likewise, but never from a same-month date. A day
    alone ("15日") takes the month and year of the dateline, else of the page's date, else of
    the date before it. Relative dates ("on Sunday", "昨天", "上月", "明年", "去年11月", an
    anniversary) count from the dateline, else the page's date; a year ("去年") also from the
    reference or the date before it; an anniversary on a page with no date takes the founding
    the text tells after it ("…30周年…自1987年9月建立友好城市以来").

    The page's own date is its dateline, else the date its address holds, else its
    publication stamp ("2021-10-21 22:58:22 来源:…", "Updated: Oct 24,2015"), else the year
    of its address's one year folder ("/2016/FNAKKKCI_0820/", which gives "6月3日" its year
    unless the sentence writes one), unless the page says it is a re-post. A posting date
    is never an event's date, and the date a document was seen or saved completes nothing.

    Parameters
    ----------
    mentions
        The mentions of :func:`find_dates`.
    text
        The document text.
    reference
        When the document's events happened, as far as it tells (the event it reports on, a
        well-known conference it names): see :mod:`partnermap.ingest.anchors`.
    """
    full = [m for m in mentions if m.kind == "text" and m.year and m.month and not m.inferred]
    same_days: dict[tuple[int | None, int | None], DateMention] = {}
    for mention in full:
        same_days.setdefault((mention.month, mention.day), mention)
    dateline = next((m for m in mentions if m.kind == "dateline"), None)
    if dateline is not None and dateline.year is None:
        dateline = _dateline_year(dateline, same_days, mentions, text)
    mentions = [dateline if m.kind == "dateline" and dateline else m for m in mentions]
    if dateline is not None and dateline.year is None:
        dateline = None
    years = [m for m in mentions if m.kind == "text" and m.year and not m.inferred]
    anchors = _Anchors(
        full,
        [m.start for m in full],
        years,
        same_days,
        dateline,
        page_date(mentions, text),
        reference,
    )
    completed: list[DateMention] = []
    told: DateMention | None = None  # the last day the text told, completed
    for mention in mentions:
        if mention.kind != "text" or (mention.year and not mention.basis):
            completed.append(mention)
        elif mention.basis.startswith("span:told-day") and told is not None:
            completed.append(resolve(mention, told))
        else:
            completed.append(_complete(mention, anchors, text))
        if completed[-1].kind == "text" and completed[-1].precision == 3:
            told = completed[-1]
    return completed


def page_date(mentions: Sequence[DateMention], text: str) -> DateMention | None:
    """The page's own date (see :func:`complete_dates`), at least its month, else the year
    its address holds as a folder; None when it gives none."""
    dateline = next((m for m in mentions if m.kind == "dateline" and m.year), None)
    if dateline is not None and dateline.precision == 3:
        return dateline
    if repost_marked(text):
        return None
    decided = any(
        m.kind == "text" and m.year and _DECIDED_BEFORE.search(text, max(0, m.start - 30), m.start)
        for m in mentions
    )
    stamps = [
        m
        for m in mentions
        if m.stamp
        and m.year
        and not (decided and _RECORD_KEEPING.search(text, max(0, m.start - 60), m.start))
    ]
    # A date with its day before one without, a year alone last; the page's own line of date
    # first ("周五,三月7,2025", under an address of the day it was translated), then the
    # address, then the stamp.
    head = head_date(stamps, text)
    ranked = sorted(
        stamps,
        key=lambda m: (m.month is None, m.day is None, m is not head, m.kind != "address"),
    )
    return ranked[0] if ranked else None


def head_date(mentions: Sequence[DateMention], text: str) -> DateMention | None:
    """The date a page prints on a line of its own above its running text ("October 21, 2009 |
    Posted by Chris", "Sep 25, 2013"): its posting stamp, which its "This Monday" and
    "Tuesday" count from; None when no such line comes before the first sentence.

    Parameters
    ----------
    mentions
        The document's date mentions (:func:`find_dates`), in text order.
    text
        The document text.

    Returns
    -------
    DateMention or None
        The first date written with its year, month and day, in running text or as a stamp,
        that is alone on its line (beside a weekday, a byline or the name the page gives its
        author: "2017-09-26九月" over "文/九月"), before any line that ends a sentence.
    """
    for mention in mentions:
        own = mention.kind in ("text", "posted") and not (mention.basis or mention.inferred)
        if not own or mention.precision < 3:
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[line_start : mention.start] + " " + text[mention.end : line_end]
        if _HEAD_LINE_REST.sub("", rest) and not _byline(rest.strip(), text):
            continue
        before = text[:line_start].splitlines()
        if any(_SENTENCE_LINE.search(line) for line in before if not _HEADER_LINE.match(line)):
            return None
        return mention
    return None


def _byline(rest: str, text: str) -> bool:
    """Whether ``rest`` (what stands beside a date on its line) is the name the page gives
    its author elsewhere ("2017-09-26九月" over "文/九月")."""
    return 0 < len(rest) <= 20 and bool(
        re.search(rf"(?:{_BYLINE_WORDS})\s*[/:：]?\s*{re.escape(rest)}(?:\s|$)", text, re.I | re.M)
    )


def _complete(mention: DateMention, anchors: _Anchors, text: str) -> DateMention:
    timed = anchors.dateline or anchors.page
    if mention.basis == "same-year":
        anchor = anchors.year_before(mention.start)
        if anchor is None:
            return mention
        return replace(
            mention, year=anchor.year, inferred=True, basis=f"the year of {anchor.text!r}"
        )
    if mention.basis.startswith(("span:", "weekday:", "anniversary:", "month-of:")):
        anchor = timed
        if mention.basis.startswith("anniversary:"):
            # Counted back from the event it is celebrated at: the year its sentence tells
            # it in, else the page's date, else a year told before it, never a founding nor
            # a date told after it ("30周年纪念活动…1991年12月10日…正式缔结" is no founding
            # in 1961).
            anchor = (
                anchors.told_year(mention, text, sentence=True)
                or timed
                or anchors.reference
                or anchors.told_year(mention, text, sentence=False)
            )
            founded = None if anchor else anchors.founding_after(mention, text)
            if founded is not None:
                # A page with no date of its own: the founding the text tells is the one
                # the anniversary celebrates ("…30周年…自1987年9月建立友好城市以来").
                return replace(
                    mention,
                    year=founded.year,
                    month=founded.month,
                    day=founded.day,
                    inferred=True,
                    basis=f"the founding the text tells: {founded.text!r}",
                )
        elif anchor is None and mention.basis.startswith("span:year"):
            first = anchors.full[0] if anchors.full else None
            anchor = anchors.reference or anchors.before(mention.start) or first
        return mention if anchor is None else resolve(mention, anchor)
    if mention.month is not None:
        same_day = mention.day and anchors.same_days.get((mention.month, mention.day))
        guide = None if same_day or anchors.dateline else anchors.reference or anchors.page
        if guide is not None and guide.month is None and anchors.year_of_sentence(mention, text):
            guide = None  # the address's year folder yields to a year the sentence writes
        if guide is not None:
            return replace(
                mention,
                year=_nearest_year(mention.month, guide),
                inferred=True,
                basis=f"year from {guide.basis or guide.text}",
            )
        anchor = (
            same_day
            or anchors.dateline
            or anchors.year_of_sentence(mention, text)
            or anchors.year_before(mention.start)
        )
        if anchor is None:
            return mention
        how = "the same date" if anchor is same_day else "the date"
        return replace(
            mention,
            year=anchor.year,
            inferred=True,
            basis=f"year from {how} {anchor.text!r}",
        )
    anchor = timed if timed and timed.month else anchors.before(mention.start, with_day=True)
    if anchor is None or anchor.month is None:
        return mention
    year, month = anchor.year, anchor.month
    if anchor.day and mention.day and mention.day > anchor.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return replace(
        mention,
        year=year,
        month=month,
        inferred=True,
        basis=f"month and year from {anchor.text!r}",
    )


def _nearest_year(month: int, reference: DateMention) -> int:
    """The year that puts ``month`` nearest to the reference date (its year when it has no
    month): May near July 2014 is May 2014, September near December 2015 is September 2015."""
    year = reference.year or 0
    if reference.month is None:
        return year
    return min(
        (year - 1, year, year + 1), key=lambda y: abs(12 * (y - year) + month - reference.month)
    )


def _dateline_year(
    dateline: DateMention,
    same_days: dict[tuple[int | None, int | None], DateMention],
    mentions: Sequence[DateMention],
    text: str,
) -> DateMention:
    """A dateline without a year takes it from the same date in the text, else from the
    page's address or posting date (the latest year not after it), unless the page says it
    is a re-post; on a page without either, from a date written before it, else from the
    year its sentence writes."""
    same_day = same_days.get((dateline.month, dateline.day))
    if same_day is not None:
        return replace(
            dateline, year=same_day.year, inferred=True, basis=f"year from {same_day.text!r}"
        )
    page = page_date([m for m in mentions if m.kind != "dateline"], text)
    if page is None:
        # "当前报章2018年11月16日【中新社武汉11月15日电】": the date written before it, else
        # the year of its sentence ("…11月19日电…在昆明举行的2024中国国际友好城市大会上").
        written = [m for m in mentions if m.kind == "text" and m.year and not m.inferred]
        page = next((m for m in reversed(written) if m.start < dateline.start and m.month), None)
        if page is None:
            year = _sentence_year(dateline, written, text)
            if year is None:
                return dateline
            return replace(
                dateline, year=year.year, inferred=True, basis=f"year from {year.text!r}"
            )
    if dateline.month is None:
        return dateline
    year = (
        page.year
        if page.month is None or (dateline.month, dateline.day or 1) <= (page.month, page.day or 31)
        else page.year - 1
    )
    return replace(
        dateline,
        year=year,
        inferred=True,
        basis=f"year of the dateline from the page's date {page.text!r}",
    )


def document_dates(text: str, reference: DateMention | None = None) -> list[DateMention]:
    """Find and complete every date mention of ``text`` (see :func:`complete_dates`)."""
    return complete_dates(find_dates(text), text, reference)


def choose_event_date(
    text: str, start: int, end: int, mentions: Sequence[DateMention], founding: bool = False
) -> DateChoice:
    """Choose the date of the event told in ``text[start:end]``.

    Parameters
    ----------
    text
        The document text.
    start, end
        The part of the text that tells the event (a paragraph or numbered item).
    mentions
        The document's completed date mentions (:func:`document_dates`), in text order.
    founding
        Whether the event is the founding of a partnership (sister cities, sister states):
        an anniversary in its part ("35th anniversary of their sister relationship") gives
        its year, before any other date there (the celebration's). Other events never take
        an anniversary's year.

    Returns
    -------
    DateChoice
        The running-text date nearest to a signing or holding cue, the most precise first;
        never a posting date or a dateline. None, with the reason, when the part gives none.
    """
    first = bisect_left(mentions, start, key=lambda m: m.start)
    last = bisect_left(mentions, end, lo=first, key=lambda m: m.start)
    inside = [m for m in mentions[first:last] if m.kind == "text"]
    dated = [m for m in inside if m.year is not None and not first_contact(text, m)]
    founded = [m for m in dated if m.founding]
    dated = founded if founding and founded else [m for m in dated if not m.founding]
    if dated:
        best = max(dated, key=lambda m: (_score(text, m), -m.start))
        confidence = 0.9 if _cue_near(text, best) else 0.7
        if best.inferred:
            confidence -= 0.2
        reason = best.basis or "written in the text"
        return DateChoice(best.value, best, round(confidence, 2), reason)
    if inside:
        return DateChoice(None, inside[0], 0.5, f"the text gives {inside[0].text!r} without a year")
    posted = next((m for m in mentions if m.kind == "posted"), None)
    if posted:
        return DateChoice(
            None,
            None,
            0.6,
            f"the only date near it is when the page was posted ({posted.text}), "
            "not the event's date",
        )
    return DateChoice(None, None, 0.6, "the text gives no date for it")


def only_stamped(choice: DateChoice, mentions: Sequence[DateMention]) -> bool:
    """Whether ``choice`` is the page's posting, edition or address stamp and not the text's.

    Parameters
    ----------
    choice
        A record's date.
    mentions
        The document's completed date mentions (:func:`document_dates`).

    Returns
    -------
    bool
        True when the date is a stamp's date, or its month or year, and no word of the running
        text supports it (no mention, or the stamp itself). A word counted from the page's
        own date ("today", "on Sunday" in a story filed on a Sunday, "27日", "this week") is
        the text's evidence, as issue 18 asks; a page that says it is a copy of an earlier
        story counts nothing from its stamp (:func:`page_date`).
    """
    if choice.value is None:
        return False
    stamped = {m.value for m in mentions if m.stamp and m.value}
    if not any(value.startswith(choice.value) for value in stamped):
        return False
    mention = choice.mention
    return mention is None or mention.stamp


def _score(text: str, mention: DateMention) -> tuple[int, int]:
    return (2 if _cue_near(text, mention) else 0) + mention.precision, mention.precision


def _cue_near(text: str, mention: DateMention) -> bool:
    """Whether the sentence of ``mention`` (at most 1,000 characters each side) tells an
    event."""
    window = max(0, mention.start - 1000)
    sentence_start = max(text.rfind(c, window, mention.start) for c in ".。；;\n") + 1
    sentence_start = max(sentence_start, window)
    ends = [i for c in ".。；;\n" if (i := text.find(c, mention.end, mention.end + 1000)) != -1]
    sentence = text[sentence_start : min(ends) if ends else min(len(text), mention.end + 1000)]
    return bool(EVENT_CUES.search(sentence))


def repost_marked(text: str) -> bool:
    """Whether the page says it is a copy of an earlier story ("reposted", "转载", "本站整理"),
    not only how it may be copied ("未经授权不得转载", "转载请注明来源")."""
    return any(
        not _REPOST_FORBIDDEN.search(text, max(0, found.start() - 12), found.start())
        and not _REPOST_TERMS.match(text, found.end())
        for found in _REPOST_MARKERS.finditer(text)
    )
