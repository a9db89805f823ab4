"""Chinese names of divisions abroad, bare capitals and county-level cities (issue 18).

Each name comes from a real sentence, quoted with its source.
"""

from __future__ import annotations

import pytest

from partnermap.geo.gazetteer import load_gazetteer
from partnermap.geo.geocode import Context, geocode
from partnermap.ingest.places import find_places

VITEBSK_REGION, VITEBSK = "adm1:BY.07", "geonames:620127"
ANTALYA_PROVINCE, ANTALYA = "adm1:TR.07", "geonames:323777"
MALAITA = "adm1:SB.03"
WASHINGTON_DC, WASHINGTON_STATE = "geonames:4140963", "US-WA"
DES_MOINES_IOWA = "geonames:4853828"


def _id(name: str, *nearby: str) -> str | None:
    match = geocode(name, Context(nearby=nearby)).match
    return match.id if match else None


@pytest.mark.parametrize(
    ("sentence", "name", "division", "city"),
    [
        # w07, chinanews.com via sarang-pc.or.kr, 2024-09-10.
        (
            "贵州省与白俄罗斯维捷布斯克州签署深化友好省州交流合作协议书",
            "维捷布斯克州",
            VITEBSK_REGION,
            VITEBSK,
        ),
        # v07: "安徽省与安塔利亚省建立友好省际关系".
        ("安徽省与安塔利亚省建立友好省际关系", "安塔利亚省", ANTALYA_PROVINCE, ANTALYA),
    ],
)
def test_a_division_suffix_reads_the_division_the_bare_name_the_city(
    sentence: str, name: str, division: str, city: str
) -> None:
    assert name in sentence
    assert _id(name) == division
    assert _id(name.removesuffix(name[-1])) == city


def test_divisions_abroad_have_chinese_names_from_iso_codes() -> None:
    # v09: "江苏省与所罗门群岛马莱塔省建立友好省关系" (no city is named Malaita).
    places = load_gazetteer().places
    assert places[MALAITA].name_zh == "马莱塔"
    assert places[ANTALYA_PROVINCE].name_zh == "安塔利亚"
    assert _id("马莱塔省") == MALAITA
    # A division named after its capital takes the capital's Chinese name.
    assert places[VITEBSK_REGION].name_zh == "维捷布斯克"


def test_an_english_region_or_oblast_is_the_division() -> None:
    assert _id("Vitebsk Region") == VITEBSK_REGION
    assert _id("Vitebsk Oblast") == VITEBSK_REGION
    assert _id("Vitebsk") == VITEBSK


def test_a_bare_chinese_name_shared_by_a_capital_and_a_state_is_the_capital() -> None:
    # news.creaders.net, 2014-03-27: "中美友好城市大会于26号至28号在华盛顿举行".
    result = geocode("华盛顿")
    assert result.match.id == WASHINGTON_DC and not result.ambiguous
    assert _id("华盛顿州") == WASHINGTON_STATE
    # A text about the state names it, or its cities: then the state.
    assert _id("华盛顿", "华盛顿州") == WASHINGTON_STATE
    assert _id("华盛顿", "西雅图") == WASHINGTON_STATE
    # English keeps its close call: "Washington" alone is often the state.
    assert geocode("Washington").ambiguous


def test_the_sentence_places_the_conference_in_the_capital() -> None:
    sentence = "中美友好城市大会于26号至28号在华盛顿举行"
    ids = {mention.place.id for mention in find_places(sentence)}
    assert WASHINGTON_DC in ids and WASHINGTON_STATE not in ids


def test_a_city_named_with_city_is_a_county_level_city() -> None:
    # v02, Fresno staff report: "the city of Fresno and the Taishan City of the People's
    # Republic of China".
    assert _id("Taishan City") == "cn:440781"
    assert _id("Taishan District") == "cn:370902"


def test_des_moines_beside_iowa_in_either_spelling() -> None:
    # stheadline.com, 2026-02-18: "美国艾奥瓦州（Iowa，又译爱荷华）友人".
    assert _id("爱荷华") == "US-IA"
    # stdaily.com, 2025-04-25: "由美国艾奥瓦州友好委员会主办的……纪念活动在得梅因市隆重举行".
    assert _id("得梅因", "艾奥瓦州") == DES_MOINES_IOWA
    assert _id("得梅因", "爱荷华") == DES_MOINES_IOWA


def test_a_city_of_a_list_is_not_drawn_to_the_state_of_another_item() -> None:
    # z05, itaiwannews.cn/20190718/… (Xinhua): Washington, Illinois, is Chicago's neighbour
    # only by state; the capital is meant.
    sentence = "此前,美中友城大会举行过三届,分别于2014年在美国华盛顿、2015年在美国芝加哥、2016年在中国南昌举行。"
    ids = {mention.place.id for mention in find_places(sentence)}
    assert WASHINGTON_DC in ids and "geonames:4915545" not in ids
    # z13/z14 (Xinhua): a list of mayors' cities across states; Des Moines, Washington (a
    # variant Chinese name, a seventh of the size) shares only a state with Seattle.
    sentence = "美国加利福尼亚州、洛杉矶市、休斯敦市、康涅狄格州、西雅图、亚特兰大、卡梅尔、凤凰城、盐湖城、迈阿密、得梅因等州市的州、市长参加会议"
    ids = {mention.place.id for mention in find_places(sentence)}
    assert DES_MOINES_IOWA in ids and "geonames:5792244" not in ids
