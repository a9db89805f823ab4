"""Issue 18, ninth round: a page's furniture is no date, and a day range is one date.

"首页- 今日要闻" (a column's name, "today's news") on a news page tells no day; "5月22日至23日"
is one date from the 22nd, not a 23rd of its own. The lines are real (v10, z09).
"""

from __future__ import annotations

from partnermap.ingest.dates import choose_event_date, document_dates

_V10 = (
    "首页- 今日要闻 转播到腾讯微博\n"
    "• 2012-08-01 • 来源:新华网\n\n"
    "新华网华盛顿7月31日电 中国人民对外友好协会会长李小林和黑龙江省常务副省长刘国中29日至30日"
    "出席在美国佛蒙特州伯灵顿市举行的美国新英格兰地区州长协会年会。\n"
    "今日要闻更多\n"
)


def test_a_columns_name_is_no_day():
    mentions = document_dates(_V10)
    assert not [m for m in mentions if m.text == "今日"]
    assert choose_event_date(_V10, 0, len(_V10), mentions).value == "2012-07-29"


def test_a_day_range_after_a_month_is_one_date():
    text = "2018年05月19日\n5月18日,记者获悉,第四届中美省州长论坛将于5月22日至23日在成都举行。\n"
    texts = [m.text for m in document_dates(text) if m.kind == "text"]
    assert texts[-2:] == ["5月18日", "5月22日至23日"]


def test_a_weekday_before_its_date_is_part_of_it():
    text = (
        "Updated: Sep 12, 2003\n"
        "A Sisterport Agreement is due to be signed between the Ports of Durban and Guangzhou "
        "on Friday, 19 September 2003.\n"
    )
    mentions = document_dates(text)
    assert not [m for m in mentions if m.text == "Friday"]
    assert choose_event_date(text, 0, len(text), mentions).value == "2003-09-19"
    zh = "发布时间:2018-11-14\n中国国际友好城市大会将于11月16日(星期五)在武汉开幕。\n"
    assert not [m for m in document_dates(zh) if m.text == "星期五"]
