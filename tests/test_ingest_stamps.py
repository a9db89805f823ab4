"""Issue 18, fifth round: no record takes the day of the page's posting, edition or address
stamp unless the text writes that date next to the event.

A page's stamp may be a re-post's, printed when the story was copied. Each test closes one
path by which the stamp's date could reach a record: a word that names the stamp's own day
("today", "今天", a weekday on the stamp's weekday), a day alone completed from the stamp
("27日" on the 27th), a week, month or year named from it ("this week", "本月", "今年"), and a
date inherited from an event so dated. A word counted to another day ("on Sunday" in
Monday's story, "26日", "last May") and a month and day the text writes stay the record's
date. (The stamp
itself chosen as a date, and a pair split from a stamp-dated sentence, are closed by
tests/test_ingest_general.py.) Every text is short and shaped like the pages of the corpus.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _dates(text: str) -> list[tuple[str, str | None]]:
    return [(p.type.slug, p.date.value) for p in propose(_document(text))]


def test_today_counted_from_a_posting_stamp_dates_nothing():
    text = (
        "Updated: 2015-10-27 11:04\n\n"
        "Chicago and Shanghai today signed a memorandum of understanding on trade.\n"
    )
    assert _dates(text) == [("mou", None)]


def test_jintian_counted_from_a_posting_stamp_dates_nothing():
    text = (
        "发布时间:2019-07-17 10:20\n\n今天上午,休斯敦市与深圳市在休斯敦签署友好交流合作备忘录。\n"
    )
    assert _dates(text) == [("mou", None)]


def test_a_weekday_on_the_address_day_dates_nothing_but_an_earlier_one_does():
    # 2023-10-31 is a Tuesday
    address = "Source: http://www.example-news.cn/a/202310/31/WS6541.html\n\n"
    on_the_day = "Xiangyang and Carmel signed a memorandum of understanding on Tuesday.\n"
    assert _dates(address + on_the_day) == [("mou", None)]
    before = "Xiangyang and Carmel signed a memorandum of understanding on Sunday.\n"
    assert _dates(address + before) == [("mou", "2023-10-29")]


def test_a_day_alone_on_the_stamps_day_dates_nothing_but_another_day_does():
    stamp = "2015年10月27日 第03版\n\n"
    assert _dates(stamp + "27日,芝加哥市与沈阳市在芝加哥签署合作备忘录。\n") == [("mou", None)]
    assert _dates(stamp + "26日,芝加哥市与沈阳市在芝加哥签署合作备忘录。\n") == [
        ("mou", "2015-10-26")
    ]


def test_this_week_and_this_month_on_a_month_address_date_nothing():
    address = "Source: https://gyeonggido-korea.com/2024/06/gyeonggi-jiangsu.html\n\n"
    week = (
        "Gyeonggi Province and Jiangsu Province signed a memorandum of understanding this week.\n"
    )
    assert _dates(address + week) == [("mou", None)]
    month = "本月,京畿道与江苏省签署合作备忘录。\n"
    assert _dates(address + month) == [("mou", None)]
    before = "上月,京畿道与江苏省签署合作备忘录。\n"
    assert _dates(address + before) == [("mou", "2024-05")]


def test_this_year_counted_from_a_stamp_dates_nothing():
    text = "发布时间:2016-07-16 09:00\n\n今年,成都市与凤凰城签署经贸合作备忘录。\n"
    assert _dates(text) == [("mou", None)]


def test_an_event_told_after_one_dated_by_today_inherits_no_date():
    text = (
        "Updated: 2017-06-06 08:00\n\n"
        "Governor Brown today signed a memorandum of understanding with Jiangsu Province.\n\n"
        "Also, California and Jiangsu signed a cooperation agreement on clean energy.\n"
    )
    assert [date for _, date in _dates(text)] == [None, None]


def test_a_month_and_day_the_text_writes_on_the_stamps_day_is_the_records_date():
    text = "发布时间:2006-05-09 17:30\n\n5月9日上午,江苏省与加利福尼亚州在南京签署合作备忘录。\n"
    assert _dates(text) == [("mou", "2006-05-09")]


def test_a_month_named_last_or_this_counts_from_the_address():
    # ccgp-fushun.com/archive/2004-10/20/content_1109899.htm
    address = "Source: http://ccgp-fushun.com/archive/2004-10/20/content_1109899.htm\n\n"
    last = (
        "Williams was returning a visit by his counterpart Wang Qishan last May, when a "
        "five-year memorandum of understanding was signed.\n"
    )
    assert _dates(address + last) == [("mou", "2004-05")]
    # "this October" on an October page is the address's own month
    this = "Beijing and Washington signed a memorandum of understanding this October.\n"
    assert _dates(address + this) == [("mou", None)]
