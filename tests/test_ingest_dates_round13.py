"""Exact dates of the thirteenth round (#18): a weekday in a sentence without tense takes
the tense of the next one; a participle after "be" is no past; a visit of three days or more
dates what happens during it by its month; a date on a line of its own at a page's head is
the page's stamp, which its relative days count from."""

from pathlib import Path

from partnermap.ingest.dates import document_dates, find_dates, page_date
from partnermap.ingest.propose import propose
from partnermap.ingest.relative import WEEKDAY, weekday_basis
from partnermap.ingest.text import Document


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _basis(sentence: str) -> str:
    return weekday_basis(WEEKDAY.search(sentence), sentence)


def test_a_weekday_without_tense_takes_the_tense_of_the_next_sentence():
    # k09 (theolympian.com, a Saturday's story): the marina's signing comes on Sunday.
    assert _basis(
        "One takes place at Swantown Marina along East Bay on Sunday afternoon. The Port of "
        "Olympia will sign a sister-marina agreement with a similarly sized port"
    ) == ("weekday:ahead:6")
    assert _basis(
        "The occasion is bringing an entourage from Japan to Olympia on Sunday and Monday. "
        "Governor Jay Inslee and other Washington officials will sign a renewal"
    ) == ("weekday:ahead:6")
    # A past form in its own sentence keeps the weekday gone by, whatever follows.
    assert _basis(
        "The delegation arrived in Olympia on Sunday. The governor will sign a renewal"
    ) == ("weekday:on:6")


def test_a_participle_after_be_is_no_past_tense():
    # v05 (fwsistercities.org, posted on Tuesday 2011-10-11): the officials come on Sunday.
    assert _basis(
        "Official agreements will be signed by Mayors Price and Li Zaiyong Mayor Li Zaiyong of "
        "Guiyang, China, along with seven other Guiyang officials, arrive in Fort Worth on "
        "Sunday to sign the official document"
    ) == ("weekday:ahead:6")
    assert _basis("The agreement was signed on Sunday") == "weekday:on:6"


# k09 (http://www.theolympian.com/2013/08/17/2676699/washington-hyogo-will-renew-alliance.html,
# seen 2026-11-30): a story of Saturday, August 17, 2013 tells a signing of the next day.
_MARINA = (
    "Source: http://www.theolympian.com/2013/08/17/2676699/washington-hyogo-will-renew-alliance"
    ".html\n\n"
    "One takes place at Swantown Marina along East Bay on Sunday afternoon. The Port of "
    "Olympia will sign a sister-marina agreement with a similarly sized port in the Kobe area "
    "– the Shin Nishinomiya Yacht Harbor.\n"
)


def test_a_signing_told_without_tense_on_a_weekday_is_dated_forward_from_the_page():
    dates = {p.date.value for p in propose(_document(_MARINA))}
    assert "2013-08-18" in dates
    assert "2013-08-11" not in dates


def _parts(sentence: str) -> list[tuple[int | None, int | None, int | None]]:
    return [(m.year, m.month, m.day) for m in find_dates(sentence)]


def test_a_visit_of_three_days_or_more_dates_what_happens_in_it_by_its_month():
    # p05 (cpaffc.org.cn): the SCI's conference attended during a visit of six days.
    assert _parts(
        "谢元副会长率中国地方政府代表团一行5人于2013年7月11日至16日访美,出席在德克萨斯州圣安东尼奥"
        "市举行的该组织第57届年会并发表演讲。"
    ) == [(2013, 7, None)]
    # m05 (hxbike.com): a signing announced within a visit of twelve days.
    assert _parts(
        "青岛市市长夏耕率代表团将于4月17日至28日,对上述三国友好城市和商会、企业等进行友好访问。"
    ) == [(None, 4, None)]
    # A visit of two days keeps its first (z06), and a forum's own days their first (z09).
    assert _parts("于八月13-14日拜访纽约州布法罗市并与布法罗市市长签订了友好城市协议。") == [
        (None, 8, 13)
    ]
    assert _parts("第四届中美省州长论坛将于5月22日至23日在成都举行。") == [(None, 5, 22)]


# k07 (http://www.wudaokou.com/article/Beijing_Mexico_City_become_sister_cities, seen
# 2026-11-30): a blog's post of Wednesday, October 21, 2009 tells a signing of that Monday.
_BEIJING = (
    "Source: http://www.wudaokou.com/article/Beijing_Mexico_City_become_sister_cities\n"
    "Seen: 2026-11-30\n\n"
    "Beijing, Mexico City become sister cities\n\n"
    "October 21, 2009 | Posted by Chris\n\n"
    "This Monday in Beijing the mayors of both Beijing and Mexico City signed an agreement to "
    'make the two national capitals "sister cities" and pledge closer cooperation between them, '
    "according to Xinhua News.\n"
)


def test_a_date_line_at_the_head_of_a_page_is_its_stamp_and_anchors_its_weekdays():
    assert page_date(document_dates(_BEIJING), _BEIJING).value == "2009-10-21"
    dates = {p.date.value for p in propose(_document(_BEIJING))}
    assert dates == {"2009-10-19"}


# m04 (https://council.providenceri.gov/zh-CN/2025/03/11/councilors-mayor-enter-twinning-
# agreement-with-athlone-ireland/, seen 2026-11-30): a council's story of Friday, March 7,
# 2025, translated and posted on March 11, tells a signing of the day before.
_PROVIDENCE = (
    "Source: https://council.providenceri.gov/zh-CN/2025/03/11/councilors-mayor-enter-twinning-"
    "agreement-with-athlone-ireland/\n"
    "Seen: 2026-11-30\n\n"
    "周五,三月7,2025的\n"
    "昨天,普罗维登斯市议会参加了在市政厅举行的签约仪式,正式确立了普罗维登斯市与爱尔兰阿斯隆"
    "市政区之间的新友好伙伴关系。\n"
)


def test_a_page_s_own_date_line_comes_before_the_date_of_its_address():
    assert page_date(document_dates(_PROVIDENCE), _PROVIDENCE).value == "2025-03-07"
    yesterday = next(m for m in document_dates(_PROVIDENCE) if m.text == "昨天")
    assert yesterday.value == "2025-03-06"


# p08 (https://pbcchicago.com/press_releases/mayor-emanuel-welcomes-xu-zezhou-vice-mayor-of-
# shanghai-china/, seen 2026-11-30): a release's date under its title dates no founding; the
# title's anniversary counts back from it.
_CHICAGO = (
    "Source: https://pbcchicago.com/press_releases/mayor-emanuel-welcomes-xu-zezhou-vice-mayor-"
    "of-shanghai-china/\n"
    "Seen: 2026-11-30\n\n"
    "Mayor Emanuel Welcomes Xu Zezhou, Vice Mayor of Shanghai, China\n\n"
    "In Honor of the 30th Anniversary Of Their Sister City Relationship Mayor Emanuel And Vice "
    "Mayor Xu Zezhou Unveiled The Stone Talk Statue Highlighting The Two Cities Ever "
    "Strengthening Relationship\n\n"
    "FOR IMMEDIATE RELEASE\n"
    "6/03/2015\n"
    "Mayor Emanuel and Vice Mayor Xu Zezhou unveil the Stone Talk Statue at Chinatown’s Ping "
    "Tom Park Field House. Photo Credit: Brooke Collins // City of Chicago\n\n"
    "Mayor Rahm Emanuel today welcomed the Vice Mayor of Shanghai, China, Xu Zezhou, and a "
    "Shanghai delegation to Chicago. Mayor Emanuel and Vice Mayor Zezhou held a bilateral "
    "meeting where they discussed strengthening business and cultural ties on the 30th "
    "anniversary of their Sister City relationship.\n"
)


def test_a_release_s_date_line_dates_no_founding_of_its_title():
    dates = {p.date.value for p in propose(_document(_CHICAGO)) if p.type.slug == "sister_city"}
    assert dates == {"1985"}
