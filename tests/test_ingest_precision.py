"""Issue 18, fifth round: places proposed that are no party of the record, and types.

Each rule is broad and tested on a short real sentence of the development part (its page
named beside it): a province written before its city without a suffix is two names; a place
right before a name the gazetteer does not know only locates it, and a pair names the party
it knows rather than the province or country that holds the other; a place's clock
("美国太平洋时间") is no place; "Washington State" is the state; a partnership between local
governments names no country. Types: the agreement's noun decides (a letter of intent is a
memorandum; an agreement on cooperation between partners is an agreement of its own, beside a
founding told in the same sentence; an agreement told by a bare word is of the kind the text
recalls it by). Events: a gathering told closing (闭幕) took place.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.places import find_places
from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document

KUNMING, YUNNAN, WUHAN = "geonames:1804651", "cn:530000", "geonames:1791247"
QINGYANG, QUEBEC = "geonames:12359313", "adm1:CA.10"
SHAWINIGAN = "geonames:6145489"
SHIZUISHAN = "geonames:12324556"
GUIZHOU, VITEBSK = "cn:520000", "adm1:BY.07"
BIJIE = "geonames:1816373"
GYEONGGI, JIANGSU = "adm1:KR.13", "cn:320000"


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _records(text: str) -> list[tuple[str, str | None, list[str]]]:
    return [(p.type.slug, p.date.value, p.locality_ids()) for p in propose(_document(text))]


def _places(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.place.id, m.strength) for m in find_places(text)]


def test_a_province_written_before_its_city_without_a_suffix_is_two_names():
    # m.shzx.org/a/27-31072-0.html: jieba keeps "云南昆明" as one word
    assert _places("下届大会将于2020年在云南昆明举办。") == [
        ("云南", YUNNAN, "qualifier"),
        ("昆明", KUNMING, "name"),
    ]


def test_a_place_before_a_name_the_gazetteer_does_not_know_only_locates_it():
    # m.shzx.org/a/27-31072-0.html: Shawinigan, a city of Quebec the gazetteer lacks in
    # Chinese, is the city of Quebec its name sounds like (geo/sounds.py)
    text = "11月16日,甘肃省庆阳市与加拿大魁北克省沙威尼根市签署建立友好城市关系协议书。"
    assert ("魁北克省", QUEBEC, "qualifier") in _places(text)
    assert ("沙威尼根市", SHAWINIGAN, "name") in _places(text)
    assert _records(text) == [("sister_city", None, [QINGYANG, SHAWINIGAN])]
    # within a whole country a sound names too many places: the name stays unknown
    assert SHAWINIGAN not in [i for _, i, _ in _places(text.replace("魁北克省", ""))]
    # www.shizuishan.gov.cn/…/202410/t20241028_4709033.html: 努拉巴德区, a district of Samarqand
    text = "闭幕式上,石嘴山市与乌兹别克斯坦撒马尔罕州努拉巴德区签署缔结国际友城协议。"
    assert [ids for _, _, ids in _records(text)] == [[SHIZUISHAN]]
    # sarang-pc.or.kr/pds/show5.php: a country before a province it lacks is no party
    assert _places("与格鲁吉亚伊梅列季州签署建立友好省州关系协议书")[0][2] == "qualifier"


def test_an_organisations_or_an_offices_word_is_no_unknown_place():
    # m.shzx.org/a/27-31072-0.html; www.gov.cn/jrzg/2011-02/27/content_1811627.htm
    # (the same page's series; its 2018 edition makes China a qualifier since round 11)
    assert _places("中国国际友好城市大会于2008年首次举办")[0] == ("中国", "CN", "name")
    assert not find_places("2018中国国际友好城市大会在武汉闭幕")[0].holds_unknown
    assert ("华盛顿州", "US-WA", "name") in _places("美国全国州长协会主席、华盛顿州州长")
    # a zone of a city is no place of its own: the city stays the party
    assert _places("成都市高新区")[0] == ("成都市", "geonames:1815286", "name")


# Types: the agreement's noun decides ------------------------------------------------------


def test_a_letter_of_intent_to_found_a_partnership_is_a_memorandum():
    # sarang-pc.or.kr/pds/show5.php?0=CuheC.html
    text = (
        "9月9日,贵州省铜仁市与老挝沙耶武里省沙耶武里县签署建立友好城市关系协议书,"
        "贵州省毕节市和斯里兰卡康提市建立友好城市关系意向书。"
    )
    assert [slug for slug, _, ids in _records(text) if BIJIE in ids] == ["mou"]


def test_an_agreement_on_cooperation_between_partners_is_an_agreement_beside_a_founding():
    # sarang-pc.or.kr/pds/show5.php?0=CuheC.html
    text = (
        "9月9日,贵州省与白俄罗斯维捷布斯克州签署深化友好省州交流合作协议书,"
        "与格鲁吉亚伊梅列季州签署建立友好省州关系协议书。"
    )
    records = _records(text)
    assert [slug for slug, _, ids in records if ids == [GUIZHOU, VITEBSK]] == ["other"]
    # the second part shares the subject: Guizhou and Imereti, a province the gazetteer lacks
    assert ("sister_state_province", None, [GUIZHOU]) in records


def test_a_name_written_with_state_is_the_state_whatever_town_nearby_shares_it():
    # www.jeonbuk.go.kr/eng/index.jeonbuk?menuCd=DOM_000001001001006000
    text = "  • Washington State (17th May, 1996)\n  • New Jersey State (19th May, 2000) of the USA"
    assert [m.place.id for m in find_places(text)][:2] == ["US-WA", "US-NJ"]


def test_a_places_clock_is_no_place_of_the_story():
    # www.singtaousa.com/2024-07-24/…/4936271 (traditional in the page)
    text = "美国太平洋时间周一(22日)晚上9时(即中国广州时间周二中午12点),三藩市市长布里德与广州市长孙志洋"
    assert [m.text for m in find_places(text)] == ["三藩市", "广州市"]


# Events ------------------------------------------------------------------------------------


def test_a_gathering_told_closing_took_place():
    # m.shzx.org/a/27-31072-0.html
    text = "11月16日,2018中国国际友好城市大会在武汉闭幕。"
    (record,) = _records(text)
    assert record[0] == "conference" and record[1] == "2018-11-16" and WUHAN in record[2]


def test_a_partnership_between_local_governments_names_no_country():
    # gyeonggido-korea.com/2024/06/from-friendship-to-sisterhood-gyeonggi.html
    text = (
        "Gyeonggi Province and Jiangsu Province first forged a friendly relationship in 2011 "
        "when Party Secretary Xin Changxing visited Korea.\n"
    )
    assert _records(text) == [("friendship", "2011", [GYEONGGI, JIANGSU])]


def test_an_agreement_told_by_a_bare_word_takes_the_kind_the_text_recalls_it_by():
    # dev.asian-power.com/project/in-focus/china-california-ink-clean-energy-agreement
    text = (
        "California Governor Jerry Brown and Vice Chairman Xie Zhenhua of the National "
        "Development and Reform Commission last week signed the first agreement between a U.S. "
        "state and China on greater cooperation in clean energy technologies.\n"
        "The memorandum of understanding, which will be in effect for two-years, commits "
        "Chinese and California environment and energy officials to work together.\n"
    )
    assert [slug for slug, _, _ in _records(text)] == ["mou"]
