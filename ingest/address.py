"""Web addresses in a document's text, and the date a page's address holds.

A saved page often carries its address (a "Source:" line, a link). Its words are no prose: a
type word or a verb in "…/governor-brown-signs-sister-state-agreement" tells nothing, and its
digits are no date of the text. But most news sites file a story under the day it was
published ("/2013/04/14/", "/20211021/", "/2015-10/26/", "/201407/23/"): that is the page's own
date, against which "on Sunday" or "21日" are counted. Some file it under its year only
("/2016/FNAKKKCI_0820/"), or under two digits of it before a month-day folder ("/25/0604/"):
a year that only a day the text gives without one ("今年1月21日", "6月3日") may take.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'，。）)]+", re.I)
#: Where a URL may hold its date: the first lines of a saved page (its address), not links to
#: other stories further down.
_HEAD_LINES = 5
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_ADDRESS_DATES = [
    # /2013/04/14/, /2018/5/19/, /2015-10/26/, /2019-03/15/, /2018/05-17/, /2024-07-24/
    re.compile(rf"/{_YEAR}[/-](?P<month>\d{{1,2}})[/-](?P<day>\d{{1,2}})(?=[/_.-]|$)"),
    # /20211021/, /20160716/, /n3/2024/0425/, /2015/1012/, /2018/0517/
    re.compile(rf"/{_YEAR}/?(?P<month>\d{{2}})(?P<day>\d{{2}})(?=[/_.-]|$)"),
    # /201407/23/, /202204/29/
    re.compile(rf"/{_YEAR}(?P<month>\d{{2}})/(?P<day>\d{{2}})(?=[/_.-]|$)"),
    # /20131030_9386.html
    re.compile(rf"/{_YEAR}(?P<month>\d{{2}})(?P<day>\d{{2}})_"),
    # /201910/51-513342.html, /202310/1300757.shtml: the month only
    re.compile(rf"/{_YEAR}(?P<month>\d{{2}})/"),
    re.compile(rf"/{_YEAR}-(?P<month>\d{{2}})/"),
    # /2024/06/from-friendship-to-sisterhood-gyeonggi.html
    re.compile(rf"/{_YEAR}/(?P<month>\d{{2}})/(?!\d)"),
    # /25/0604/: two digits of the year, only with a month-day folder after them
    re.compile(r"/(?P<year>\d{2})/(?P<month>\d{2})(?P<day>\d{2})/"),
]
#: A folder that is a year and nothing more: /2016/FNAKKKCI_0820/, /html/World/2019/470407.shtml.
_YEAR_FOLDER = re.compile(rf"/{_YEAR}(?=/)")


def url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the web addresses in ``text``."""
    return _url_spans(text)


@lru_cache(maxsize=8)
def _url_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _URL.finditer(text)]


def inside_url(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` lies within one of ``spans`` (as :func:`url_spans` returns, in
    order)."""
    from bisect import bisect_right

    i = bisect_right(spans, (position, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def address_date(text: str) -> tuple[int, int, int, int | None, int | None] | None:
    """The date a page's address holds: the first valid one in a URL of the text's first
    lines, as (start, end, year, month, day) of the address (day None when the address holds
    only the month); else the year of the one year folder those URLs hold (month and day
    None; two different years give none); None when there is none."""
    head_end = 0
    for _ in range(_HEAD_LINES):
        next_line = text.find("\n", head_end)
        if next_line == -1:
            head_end = len(text)
            break
        head_end = next_line + 1
    head = [(start, end) for start, end in url_spans(text) if start < head_end]
    for start, end in head:
        url = text[start:end]
        for pattern in _ADDRESS_DATES:
            for match in pattern.finditer(url):
                year, month = int(match.group("year")), int(match.group("month"))
                year += 2000 if year < 100 else 0
                day = int(match.group("day")) if "day" in match.groupdict() else None
                try:
                    dt.date(year, month, day or 1)
                except ValueError:
                    continue
                return start, end, year, month, day
    folders = {
        (int(match.group("year")), start, end)
        for start, end in head
        for match in _YEAR_FOLDER.finditer(text, start, end)
    }
    if len({year for year, _, _ in folders}) != 1:
        return None
    year, start, end = min(folders, key=lambda folder: folder[1])
    return start, end, year, None, None
