"""Exact dates of the fourteenth round (#18): a page's own date at its head is read as its
stamp when it is written day first ("18/9/2008 17:52") or stands beside the name the page
gives its author ("2017-09-26九月" over "文/九月"); an anniversary on a page with no date
takes the founding the text tells after it; "October this year" is a month of the page's year."""

from pathlib import Path

from partnermap.ingest.dates import document_dates, find_dates, repost_marked
from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _dates(text: str) -> list[tuple[str | None, str]]:
    return [(m.value, m.kind) for m in find_dates(text) if m.kind != "seen"]


def test_a_date_in_digits_whose_first_number_is_no_month_is_written_day_first():
    # n06 (english.eastday.com): the page's stamp under its title.
    assert _dates("18/9/2008 17:52\n") == [("2008-09-18", "posted")]
    # American order where the first number may be a month (v03: "9/28/2010").
    assert _dates("signed on 9/28/2010 in Madison") == [("2010-09-28", "text")]


# n06 (http://english.eastday.com/eastday/englishedition/nation/userobject1ai3875737.html,
# seen 2026-11-30): a page stamped day first, whose signing is told "on Sept. 15".
_TLALNEPANTLA = (
    "Source: http://english.eastday.com/eastday/englishedition/nation/userobject1ai3875737.html\n"
    "Seen: 2026-11-30\n\n"
    "Mexico's Tlalnepantla, China's Maanshan become sister cities\n"
    "18/9/2008 17:52\n\n"
    "The Mexican municipality of Tlalnepantla in the state of Mexico and the Chinese "
    "southeastern city of Maanshan have established a sister-city relationship to strengthen "
    "ties and exchanges, said an official statement yesterday.\n"
    "Authorities said Tlalnepantla Mayor Marco Antonio Rodriguez Hurtado and Maanshan's Vice "
    "Mayor Wang Xiaoyan signed an agreement to that effect on Sept. 15 at the opening ceremony "
    "of the Maanshan Garden in Tlalnepantla.\n"
)


def test_a_day_given_without_a_year_takes_it_from_a_stamp_written_day_first():
    assert "2008-09-15" in {p.date.value for p in propose(_document(_TLALNEPANTLA))}


def test_a_date_line_beside_the_name_the_page_gives_its_author_is_the_page_stamp():
    # k02 (https://m.fx361.cc/news/2017/0926/11435756.html, seen 2026-11-30): "九月" is the
    # author ("文/九月"), not a month; the founding is the text's 2004-10-10.
    text = (
        "友城,让友谊更浓\n2017-09-26九月\n文/九月\n友城,让友谊更浓\n"
        "济南市与德国奥格斯堡市于2001年开始交往,并于2004年10月10日建立友好城市关系。\n"
    )
    assert _dates(text)[0] == ("2017-09-26", "posted")
    assert "2017-09-26" not in {p.date.value for p in propose(_document(text))}
    # A council's minutes titled with their date keep it as the text's (v01), and a name
    # the page does not give its author is no byline.
    minutes = "2008-10-02 Special CC MinutesMINUTES OF THE SPECIAL CITY COUNCIL MEETING\n"
    assert _dates(minutes)[0] == ("2008-10-02", "text")
    assert _dates("2017-09-26九月\n文/十月\n")[0] == ("2017-09-26", "text")


def _founding(text: str) -> list[str | None]:
    return [m.value for m in document_dates(text) if m.founding]


def test_an_anniversary_on_an_undated_page_takes_the_founding_the_text_tells_after_it():
    # k01 (longtansi.com.cn, a Xinhua story whose dateline gives no year, seen 2026-11-30).
    assert _founding(
        "新华社德国科隆8月27日电 德国科隆市25日至27日举行了第三届“中国节”系列活动,"
        "庆祝与北京建立友好城市30周年。\n"
        "科隆位于德国西部的北莱茵-威斯特伐利亚,是德国第四大城市。自1987年9月建立友好城市以来,"
        "科隆和北京形成了全方位、立体化、宽领域的交流与合作格局。\n"
    ) == ["1987-09"]
    # p12 (jlgc.org.au, seen 2026-11-30): the year the cities forged their relationship, not
    # the year of the visit their relationship began by.
    assert _founding(
        "We attended the reception event for the 25th anniversary of Chuo-Sutherland sister "
        "city relations at Sutherland Shire on 14-15 April.\n"
        "Their sister city relationship began by a visit to each city via a high school "
        "student exchange programme in 1989. In 1991, both Chuo and Sutherland decided to "
        "forge a sister city relationship.\n"
    ) == ["1991"]
    # Two foundings of different years after it: which one it celebrates is unknown.
    assert _founding(
        "庆祝与北京建立友好城市30周年。1987年9月科隆与北京建立友好城市,"
        "1988年科隆与上海建立友好城市。\n"
    ) == [None]


def test_a_month_before_this_or_last_year_is_that_month_of_the_year_counted_from_the_page():
    # n05 (a3658.cn, a Xinhua story, seen 2026-11-30).
    text = (
        "2025-11-06 18:12:45\n"
        "HANGZHOU, Nov. 6 (Xinhua) -- In late October this year, he visited China to attend "
        "the seventh China-U.S. Sister Cities Conference in Hangzhou.\n"
    )
    assert ("October this year", "2025-10") in [(m.text, m.value) for m in document_dates(text)]
    # v02 (publicceo.com, /2012/10/): "June of this year"; "May last year" a year back.
    assert [
        m.value
        for m in document_dates("Updated: 2012-10-05\nBack in June of this year the city")
        if m.kind == "text"
    ] == ["2012-06"]
    assert [
        m.value
        for m in document_dates("Date: 2019-03-01\nIn May last year they met.")
        if m.kind == "text"
    ] == ["2018-05"]


def test_a_copyright_notice_is_no_mark_of_a_copy():
    # q04, m.zgstyb.cn (市场星报): the notice forbids copying; the page is the paper's own
    notice = (
        "凡市场星报、安徽财经网、掌中安徽记者署名文字、图片,版权均属于市场星报所有。任何媒体、网站或者"
        "个人,未经授权不得转载、链接、转帖或以其他方式复制发表;已经授权的媒体、网站,在转载使用时必须"
        "注明“来源:市场星报、安徽财经网或者掌中安徽”,违者本单位将依法追究法律责任。"
    )
    assert not repost_marked(notice)
    assert repost_marked("本文转载自新华网")
