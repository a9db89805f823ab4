"""Issue 18, seventh round: rules drawn from texts ingest had never seen (set fresh-6).

Each is general by construction and tested on a short real sentence of its page (named beside
it): a weekday counts forward when its sentence tells it in the future tense; a party the
gazetteer lacks is never replaced by its country, and its draft names it; a place jieba joins
with its party committee ("哈尔滨市委") is a place; a place in a hotel's name is none, and one in
an organisation's name only locates it; a large city abroad in the headline is a place, and an
agreement told with one party takes the other from the headline.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.dates import document_dates
from partnermap.ingest.places import find_places
from partnermap.ingest.propose import propose
from partnermap.ingest.records import draft_record
from partnermap.ingest.text import Document

HARBIN, SHANGHAI = "geonames:2037013", "geonames:1796236"
GUANGZHOU, PIRAEUS = "geonames:1809858", "geonames:255274"

# www.collegian.psu.edu, State College - Nizhyn (set fresh-6, f05); the page's date line
# ("date 2023-05-01") is a Monday.
ANNOUNCED = (
    "Source: https://www.collegian.psu.edu/news/borough/state-college-borough-council-to-host/\n\n"
    " date 2023-05-01 The State College Borough Council and Mayor Ezra Nanes will host a "
    "memorandum of understanding signing ceremony with Mayor Oleksandr Kodola from Nizhyn, "
    "Ukraine at 5:30 p.m. on Wednesday at the State College Municipal Building, according to "
    "a release."
)


def _weekdays(text: str) -> list[str | None]:
    return [m.value for m in document_dates(text) if m.basis.startswith("'Wednesday'")]


def test_a_weekday_told_in_the_future_tense_counts_forward_from_the_page():
    assert _weekdays(ANNOUNCED) == ["2023-05-03"]


def test_a_weekday_told_in_the_past_tense_still_counts_back():
    told = ANNOUNCED.replace("will host", "hosted")
    assert _weekdays(told) == ["2023-04-26"]


def test_a_party_the_gazetteer_lacks_is_not_replaced_by_its_country():
    # heilongjiang.big5.dbw.cn, Harbin - Cagayan de Oro (set fresh-6, f07): only
    # "卡加延德奥罗" is indexed, so "菲律賓卡加延市" is a party the gazetteer lacks.
    text = (
        "東北網哈爾濱6月16日電 15日,哈爾濱市委副書記、市長石忠信與前來參加哈洽會的菲律賓卡加延市"
        "市長埃馬諾舉行會談,雙方代表兩市政府簽訂了友好交流與合作備忘錄。\n"
        "據介紹,卡加延市是菲律賓棉蘭老島北部的交通和經濟中心。\n"
        "市領導姜明、張桂華參加會談及備忘錄簽訂儀式。\n"
    )
    document = Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)
    [proposal] = propose(document)
    assert proposal.locality_ids() == [HARBIN]
    assert "卡加延市" in draft_record(proposal, document, set()).record["note"]


def test_a_place_joined_with_its_party_committee_is_a_place():
    # heilongjiang.big5.dbw.cn (set fresh-6, f07): jieba keeps "哈尔滨市委" whole.
    found = [m.place.id for m in find_places("15日,哈爾濱市委副書記、市長石忠信與客人舉行會談")]
    assert found == [HARBIN]


def test_a_place_in_a_hotels_name_is_no_place():
    # 中评社, the Taipei - Shanghai twin-city forum (set fresh-6, f10): 滨江 is no district.
    text = "重头戏主论坛于2日上午在东方滨江酒店登场;台北、上海过去已签订26项交流合作协议"
    assert [m.place.id for m in find_places(text)] == [SHANGHAI]


def test_a_place_in_an_organisations_name_only_locates_it():
    # jtw.sh.gov.cn, the Shanghai - New York/New Jersey sister port memorandum (fresh-6, f09).
    text = "中华人民共和国 美利坚合众国 上海市港口管理局局长 纽约/新泽西港务局首席运营官"
    strength = {m.text: m.strength for m in find_places(text)}
    assert strength["新泽西"] == "qualifier"


# containtest-lwslv.projectbeta.co.uk/piraeus-china-mou (set fresh-6, f04): the page names
# Greece nowhere, and the port's party only as "PPA S.A.".
PORT_MOU = (
    "Piraeus – China relationships are strengthened\n\n"
    "One more important strategic partnership was founded with the signing of the Memorandum "
    "of Understanding (MOU) on September 12th 2018, between PPA S.A. and Guangzhou Port which "
    "is one of the 10 largest commercial ports in the world.\n"
)


def test_a_large_city_abroad_in_the_headline_is_a_place():
    assert PIRAEUS in [m.place.id for m in find_places(PORT_MOU)]


def test_an_agreement_told_with_one_party_takes_the_other_from_the_headline():
    document = Document(Path("page.txt"), PORT_MOU, "txt", "utf-8", "0" * 64)
    assert [(p.type.slug, sorted(p.locality_ids())) for p in propose(document)] == [
        ("mou", sorted([GUANGZHOU, PIRAEUS]))
    ]
