"""Issue 18, ninth round: a page's year given only by a folder of its address.

"/2016/FNAKKKCI_0820/" (a city bureau's page) and "/25/0604/" (a portal's, two digits with a
month-day folder after them) hold the page's year; a day the text gives without one ("今年1月
21日", "6月3日") takes it, and the draft says where it came from. A page that says it is a copy
gives no year. The sentences are the real ones of fresh-8 (g03, g04), shortened.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.address import address_date
from partnermap.ingest.dates import document_dates
from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document

_G03 = "Source: https://cgj.changzhou.gov.cn/html/cgj/2016/FNAKKKCI_0820/46278.html\n\n"
_G04 = "Source: https://hebei.news.163.com/25/0604/09/K16UP153041591O2.html?f=post2020\n\n"


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _mention(text: str, written: str):
    return next(m for m in document_dates(text) if m.text == written)


def test_a_year_folder_dates_this_years_day():
    text = _G03 + "今年1月21日,经中国人民对外友好协会批准,常州市与德国明登市建立友好城市关系。\n"
    day = _mention(text, "今年1月21日")
    assert day.value == "2016-01-21"
    assert "cgj.changzhou.gov.cn" in day.basis
    (proposal,) = propose(_document(text))
    assert proposal.date.value == "2016-01-21"


def test_a_year_folder_gives_a_month_day_its_year_and_says_so():
    text = (
        _G03 + "8月19日上午11时,常州市与德国明登市建立友好城市关系纪念碑揭碑仪式在红梅公园举行。\n"
    )
    day = _mention(text, "8月19日")
    assert day.value == "2016-08-19"
    assert "address" in day.basis


def test_two_digits_count_as_a_year_only_before_a_month_day_folder():
    assert address_date(_G04)[2:] == (2025, 6, 4)
    assert address_date("Source: https://example.com/news/25/09/K16UP153.html\n") is None
    text = (
        _G04
        + "6月3日,秦皇岛市与德国萨克森-安哈尔特州瑙姆堡市签署《建立友好交流城市关系意向书》。\n"
    )
    assert _mention(text, "6月3日").value == "2025-06-03"


def test_two_year_folders_give_no_year():
    text = "Source: https://example.cn/2016/archive/2012/46278.html\n\n今年1月21日,两市建立友好城市关系。\n"
    assert _mention(text, "今年1月21日").value is None


def test_a_copy_takes_no_year_from_its_address():
    text = (
        _G03
        + "来源:网络\n今年1月21日,经中国人民对外友好协会批准,常州市与德国明登市建立友好城市关系。\n"
    )
    assert _mention(text, "今年1月21日").value is None


def test_a_year_the_sentence_writes_wins_over_the_folders():
    text = _G03 + "2015年12月,两市签署意向书,6月3日正式缔结友好城市关系。\n"
    assert _mention(text, "6月3日").value == "2015-06-03"
