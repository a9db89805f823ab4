"""Issue 18, ninth round: lists of partners, dated or not.

- A subject and the list of its partners after it ("哈尔滨已经与A、B……和D结为友好关系",
  "Joining A, Mexico and B, Israel, C is El Paso's third sister city") give one record per
  item, each pairing the subject with that item (or with the place in brackets after the item
  that is its partner instead).
- A date right after an item ("长野市(1981年4月19日)") dates that item only.
- A partnership told as standing ("已经与…结为友好关系", "X's third sister city", "has sister-city
  relationships with") is a record dated only by a date of its own, never by the page's.
- A list's items are no places of another record of the paragraph; a forum's "框架内" (within
  its framework) is no framework.
- A gathering held "respectively" in a list of places that dates none of them ("已分别在北京、
  上海…和武汉成功举办6届") is one undated session per place, not one gathering in them all.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.geo.gazetteer import load_gazetteer
from partnermap.ingest.propose import Proposal, propose
from partnermap.ingest.text import Document


def _proposals(text: str) -> list[Proposal]:
    return propose(Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64))


def _pairs(proposals: list[Proposal]) -> dict[frozenset[str], str | None]:
    places = load_gazetteer().places
    return {frozenset(places[x].name_en for x in p.locality_ids()): p.date.value for p in proposals}


# sputniknews.cn, 2022-11-25: a consulate's post retold (fresh-8, g06).
_HARBIN = (
    "总领馆Telegram频道发布消息称:“哈尔滨正在扩大与俄罗斯城市的合作关系。11月24日,下诺夫哥罗德和"
    "哈尔滨负责人签署了备忘录。”\n"
    "迄今为止,哈尔滨已经与斯维尔德洛夫斯克州、哈巴罗夫斯克市、雅库茨克市、克拉斯诺达尔市、"
    "摩尔曼斯克市、符拉迪沃斯托克市和第一乌拉尔斯克(其伙伴为哈尔滨道里区)结为友好关系。\n"
    "两备忘录是在11月24日于圣彼得堡开始的第四届金砖国家+国际城市论坛框架内签署。"
)


def test_a_subjects_list_of_partners_is_one_undated_record_per_item():
    pairs = _pairs([p for p in _proposals(_HARBIN) if p.type.slug == "sister_city"])
    for partner in ("Khabarovsk", "Krasnodar", "Murmansk", "Vladivostok"):
        assert frozenset({"Harbin", partner}) in pairs
        assert pairs[frozenset({"Harbin", partner})] is None  # not the page's 11月24日
    # The item whose partner the brackets name pairs with it, not with Harbin.
    assert pairs[frozenset({"Pervouralsk", "Daoli District"})] is None
    assert frozenset({"Harbin", "Pervouralsk"}) not in pairs


def test_a_lists_items_pour_into_no_other_record():
    places = load_gazetteer().places
    others = [p for p in _proposals(_HARBIN) if p.type.slug != "sister_city"]
    listed = {"Khabarovsk", "Krasnodar", "Murmansk", "Vladivostok", "Pervouralsk"}
    assert others
    for proposal in others:
        assert proposal.type.slug != "framework"  # "论坛框架内": within the forum's framework
        assert not listed & {places[x].name_en for x in proposal.locality_ids()}


def test_an_owned_sister_city_joins_the_ones_listed_before_it():
    # elpasotimes.com, 2021-05-24 (fresh-8, g08).
    text = "Joining Ciudad Juárez, Mexico and Hadera, Israel, Chihuahua City is El Paso's third sister city."
    pairs = _pairs(_proposals(text))
    assert pairs[frozenset({"El Paso", "Ciudad Juárez"})] is None
    assert pairs[frozenset({"El Paso", "Hadera"})] is None


def test_a_partnership_its_party_owns_pairs_it_with_each_partner_listed():
    # asiamattersforamerica.org, the 2015 US-China Sister Cities Conference in Chicago.
    text = (
        "The event also marked the occasion of the 30th anniversary of Chicago’s sister ties to "
        "both Shanghai and Shenyang."
    )
    assert set(_pairs(_proposals(text))) == {
        frozenset({"Chicago", "Shanghai"}),
        frozenset({"Chicago", "Shenyang"}),
    }


def test_a_date_right_after_an_item_dates_that_item_only():
    # The first three partners of sjzok.net's list (2009-12-03: "日本 长野市(1981年4月19日缔结)",
    # "加拿大 萨斯卡通市(1985年5月31日缔结)", "美国 得梅因市(1985年8月8日缔结)") told as one sentence.
    text = (
        "石家庄市已与日本长野市(1981年4月19日)、加拿大萨斯卡通市(1985年5月31日)"
        "和美国得梅因市(1985年8月8日)缔结友好城市。"
    )
    assert _pairs(_proposals(text)) == {
        frozenset({"Shijiazhuang", "Nagano"}): "1981-04-19",
        frozenset({"Shijiazhuang", "Saskatoon"}): "1985-05-31",
        frozenset({"Shijiazhuang", "Des Moines"}): "1985-08-08",
    }


def test_a_count_of_partners_is_no_list():
    # dbw.cn in traditional script, 2005-06-16 (fresh-6, f07): a sum, no record.
    text = "石忠信說,目前哈市已與世界12個國家的14個城市締結國際友好城市,推動了世界了解哈爾濱。"
    assert _proposals(text) == []
    # en.people.cn, 2000-05-31.
    text = (
        "Shanghai has so far established sister-city relations with 47 cities in foreign countries."
    )
    assert _proposals(text) == []


def test_sessions_held_respectively_in_listed_places_are_one_undated_record_each():
    # blog.huaqistech.com, a 中新社 story of the 2024 friendship-cities conference in Kunming (w08).
    text = (
        "中国国际友好城市大会由中国人民对外友好协会和中国国际友好城市联合会共同创办,已分别在北京、"
        "上海、成都、广州、重庆和武汉成功举办6届。"
    )
    sessions = [p for p in _proposals(text) if p.type.slug == "conference"]
    assert _pairs(sessions) == {
        frozenset({city}): None
        for city in ("Beijing", "Shanghai", "Chengdu", "Guangzhou", "Chongqing", "Wuhan")
    }
