"""Dates: the event's, never the page's; partial when that is all; null with a reason."""

from __future__ import annotations

from partnermap.ingest.dates import choose_event_date, document_dates


def _event(text: str):
    return choose_event_date(text, 0, len(text), document_dates(text))


def test_posting_date_is_never_the_event_date():
    text = "Add Time: 2014-10-28\nThe two cities signed an agreement to cooperate."
    choice = _event(text)
    assert choice.value is None
    assert "posted" in choice.reason


def test_relative_date_counts_from_the_dateline():
    text = (
        "Add Time: 2014-10-28\nDES MOINES, Iowa, Sept. 16 (Xinhua) -- Hebei and Iowa signed "
        "a sister-state agreement last Sunday."
    )
    assert _event(text).value == "2014-09-14"


def test_repost_page_does_not_lend_its_year():
    text = "时间:2021-04-08 14:28:42 来源:网络\n当地时间9月16日,峰会在洛杉矶举行。"
    choice = _event(text)
    assert choice.value is None
    assert "9月16日" in choice.reason


def test_english_range_and_chinese_day_only():
    assert _event("held in Washington, D.C., March 26-27, 2014.").value == "2014-03-26"
    text = "新华社洛杉矶2015年9月16日电 峰会15日在洛杉矶开幕。"
    assert _event(text[text.index("峰会") :]).value is None  # no dateline in the part
    mentions = document_dates(text)
    day = next(m for m in mentions if m.text == "15日")
    assert day.value == "2015-09-15"


def test_chinese_numerals_and_spaced_digits():
    assert _event("于二〇〇八年十二月四日在北京签订。").value == "2008-12-04"
    assert _event("双方 2015 年 9 月 15 日签订备忘录").value == "2015-09-15"


def test_yearless_date_takes_the_year_of_the_same_date_elsewhere():
    text = "根据2015年9月15日签订的备忘录。The MOU signed on September 15 in Los Angeles."
    dates = document_dates(text)
    english = next(m for m in dates if m.text == "September 15")
    assert english.value == "2015-09-15"


def test_partial_dates_and_target_years():
    assert _event("decided to co-host the forum in California in November 2014.").value == "2014-11"
    assert _event("均承诺在2020年左右碳排放达到峰值，并签署宣言。").value is None
