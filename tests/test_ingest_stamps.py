"""Issue 18: relative days are counted from the document's own date, also when they name its
own day, and a page that says it is a copy counts nothing from its stamp.

"today", "今天", a weekday, "27日", "this week", "本月", "今年" and "this October" are resolved
against the page's date (its address, posting or edition stamp), as the issue asks ("on
Sunday" in a story filed under /2013/04/14/ is 2013-04-14). A re-post ("转载", "reposted")
gives no anchor, so no record takes the date it was copied. The stamp alone dates nothing
(tests/test_ingest_general.py). Every text is short and shaped like the pages of the corpus.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _dates(text: str) -> list[tuple[str, str | None]]:
    return [(p.type.slug, p.date.value) for p in propose(_document(text))]


def test_today_counted_from_a_posting_stamp_is_the_stamps_day():
    text = (
        "Updated: 2015-10-27 11:04\n\n"
        "Chicago and Shanghai today signed a memorandum of understanding on trade.\n"
    )
    assert _dates(text) == [("mou", "2015-10-27")]


def test_today_on_a_page_that_says_it_is_a_copy_dates_nothing():
    text = "发布时间:2019-07-17 10:20  转载\n\n今天上午,休斯敦市与深圳市在休斯敦签署友好交流合作备忘录。\n"
    assert _dates(text) == [("mou", None)]
    assert _dates(text.replace("  转载", "")) == [("mou", "2019-07-17")]


def test_a_weekday_counts_from_the_address_day_its_own_day_included():
    # 2023-10-31 is a Tuesday
    address = "Source: http://www.example-news.cn/a/202310/31/WS6541.html\n\n"
    on_the_day = "Xiangyang and Carmel signed a memorandum of understanding on Tuesday.\n"
    assert _dates(address + on_the_day) == [("mou", "2023-10-31")]
    before = "Xiangyang and Carmel signed a memorandum of understanding on Sunday.\n"
    assert _dates(address + before) == [("mou", "2023-10-29")]


def test_a_day_alone_takes_the_month_of_the_edition():
    stamp = "2015年10月27日 第03版\n\n"
    assert _dates(stamp + "27日,芝加哥市与沈阳市在芝加哥签署合作备忘录。\n") == [
        ("mou", "2015-10-27")
    ]
    assert _dates(stamp + "26日,芝加哥市与沈阳市在芝加哥签署合作备忘录。\n") == [
        ("mou", "2015-10-26")
    ]


def test_this_month_and_last_month_count_from_a_month_address():
    address = "Source: https://gyeonggido-korea.com/2024/06/gyeonggi-jiangsu.html\n\n"
    month = "本月,京畿道与江苏省签署合作备忘录。\n"
    assert _dates(address + month) == [("mou", "2024-06")]
    before = "上月,京畿道与江苏省签署合作备忘录。\n"
    assert _dates(address + before) == [("mou", "2024-05")]


def test_this_year_counts_from_a_stamp():
    text = "发布时间:2016-07-16 09:00\n\n今年,成都市与凤凰城签署经贸合作备忘录。\n"
    assert _dates(text) == [("mou", "2016")]


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
    this = "Beijing and Washington signed a memorandum of understanding this October.\n"
    assert _dates(address + this) == [("mou", "2004-10")]
