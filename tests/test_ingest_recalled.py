"""Issue 18, tenth round: what a text only recalls, weekdays of announcements, parties named as
bodies, and partnership words; each rule general, tested on a short real sentence of the page
named beside it.

- A record a sentence only recalls ("is part of a plan to establish …", "Qinzhou, which signed
  an MOU …") is dated only by a date of its own, never by its paragraph's or the page's.
- "友好合作城市", "友好交流城市", "友好合作关系" are a friendship; a partnership's word right after
  "与" and before its partner says what the partner is, one after a count of partners sums
  them up, and a name ends at a verb ("日本金崎町缔结友好合作城市" is no name abroad).
- A weekday of an announcement counts forward from the page's date ("will welcome … this
  Wednesday" on a Saturday's page), one told in the past back (a check: the rule of round 7).
- A party named as a body ("the Delhi Government", "Fukuoka Prefectural Government") is its
  place, a metropolis abroad over a town at home of the same name, and "extended" renews an
  agreement as "renewed" does: such a story proposes a record. A county named with its word
  ("San Bernardino County") is the county, not the city of its name.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.dates import document_dates
from partnermap.ingest.places import find_places
from partnermap.ingest.propose import Proposal, propose
from partnermap.ingest.text import Document

# chinadaily.com.cn, Qinzhou - Kuantan sister ports (fresh-8, g10); the address dates the page
# Monday, 2014-09-15.
QINZHOU = (
    "Source: http://covid-19.chinadaily.com.cn/bizchina/2014-09/15/content_18601147.htm\n\n"
    "The Qinzhou Port in South China's Guangxi Zhuang autonomous region has become a sister port "
    "of Kuantan, a port city in Malaysia, following an agreement signed in Nanning city, capital "
    "of Guangxi on Monday. The sister partnership between the two ports is part of a plan to "
    "establish a network of cooperation among port cities in ASEAN members, Li said."
)


def _proposals(text: str) -> list[Proposal]:
    return propose(Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64))


def test_a_record_only_recalled_takes_no_date_from_its_paragraph():
    dates = {p.type.text: p.date.value for p in _proposals(QINZHOU)}
    assert dates == {"agreement": "2014-09-15", "partnership": None}


# kantsuu.com, Changchun - Kanegasaki (fresh-8, g02): "友好合作城市" as a partnership's word,
# once founded ("缔结友好合作城市30周年") and once only saying what the partner is.
CHANGCHUN = (
    "Source: http://you.kantsuu.com/201808/20180804203057_702666.shtml\n\n"
    "中新社长春8月1日电 (柴家权)长春市“中日交流周”系列活动8月1日正式开启。当天,长春市与友好合作"
    "城市日本金崎町共同签署了进一步推动两市町友好交流的框架协议。\n"
    "今年是《中日和平友好条约》缔结40周年,也是长春市与日本金崎町缔结友好合作城市30周年。"
)


def test_friendly_cooperation_cities_are_a_friendship_founded_where_counted_from():
    found = {(p.type.slug, p.date.value) for p in _proposals(CHANGCHUN)}
    assert found == {("framework", "2018-08-01"), ("friendship", "1988")}


def test_a_partnership_word_before_its_partner_or_its_count_founds_nothing():
    # Guards the new words: the code before this round knew none of them. zibo.gov.cn
    # (fresh-6, f08): a count of partners is a sum.
    counted = "目前,淄博市已与11个国家的13个城市缔结友好城市关系,与15个国家的18个城市达成友好合作城市协议。"
    assert _proposals(counted) == []
    assert [p.type.slug for p in _proposals(CHANGCHUN.split("\n今年")[0])] == ["framework"]


# tribuneindia.com, Delhi - Fukuoka (seen in the stored pages search, labelled in no set).
DELHI = (
    "Source: https://www.tribuneindia.com/news/delhi/"
    "delhi-extends-friendship-agreement-with-japans-fukuoka-for-three-years-564266\n\n"
    "New Delhi, November 20\n\n"
    "The Delhi Government on Monday extended the Friendship Agreement with Japan’s Fukuoka "
    "Prefectural Government (FPG) for three years."
)


def test_a_government_named_as_a_body_is_its_place_and_extending_renews():
    # The extension is the record (fresh-12's round): the agreement it extends, whose founding
    # this text does not date, is no record of its own.
    [proposal] = _proposals(DELHI)
    assert proposal.type.slug == "other"
    assert proposal.phrase == "extended"
    # Fukuoka Prefecture (round 11: a prefectural government is the prefecture, not its city).
    assert set(proposal.locality_ids()) == {"geonames:1273294", "adm1:JP.07"}


# kscj.com, Sioux City - Gjilan (stored pages search, labelled in no set); 2020-02-22 is a Saturday.
SIOUX_CITY = (
    "Source: http://kscj.com/2020/02/22/sioux-city-to-begin-sister-city-tie-with-gjilan-kosovo/\n\n"
    "Mayor Bob Scott and the Sioux City City Council will welcome leaders from Gjilan, (jill-AHN) "
    "Kosovo this Wednesday for a Sister City Agreement Ceremony.\n\n"
    "The ceremony will take place at noon Wednesday in the council chambers at City Hall."
)


def test_an_announced_weekday_counts_forward_and_a_told_one_back():
    assert [m.value for m in document_dates(SIOUX_CITY) if m.kind == "text"] == [
        "2020-02-26",
        "2020-02-26",
    ]
    told = SIOUX_CITY.replace("will welcome", "welcomed").replace("will take", "took")
    assert [m.value for m in document_dates(told) if m.kind == "text"] == [
        "2020-02-19",
        "2020-02-19",
    ]


def test_a_county_named_with_its_word_is_the_county():
    # sanbernardino.legistar.com, San Bernardino County - Wuxi (fresh-8, g12).
    text = "REPORT/RECOMMENDATION TO THE BOARD OF SUPERVISORS\n\nOF SAN BERNARDINO COUNTY"
    assert [m.place.id for m in find_places(text)] == ["fips:06071"]
