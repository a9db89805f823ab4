"""Issue 18, tenth session: which town a name is, and which names are parties.

Chinese writes a large city right before a city of its area to say where that one is
("洛杉矶西柯汶纳市", West Covina near Los Angeles; "東京八王子市"). The gazetteer holds no such
parent, so the large city only locates the other and is no party. A town abroad is the larger
town of its country whose full name starts with the name ("Bingen" is Bingen am Rhein). "The
Chinese district" is the one Chinese district the text names. A dateline whose dash opens the
next line ("FAIRFIELD", then "- The Solano County…") only says where the story was written. A
division abroad is found by the Chinese of its English name (ISO writes Bavaria "Bayern"), and
a place said to be where another lies ("位于…巴伐利亚州", "located in") only locates it. Lines
from the development part's pages, named beside each.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.places import find_places
from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document


def _strengths(text: str) -> dict[str, str]:
    return {m.place.name_en: m.strength for m in find_places(text)}


def test_los_angeles_locates_west_covina():
    # n07, dcchinaren.com (a repost of 侨报网's story)
    found = _strengths("洛杉矶西柯汶纳市与北京丰台区建立姐妹友好城市")
    assert found["Los Angeles"] == "qualifier"
    assert found["West Covina"] == "name"


def test_tokyo_locates_hachioji():
    # p06, ntdtv.com (traditional characters)
    found = _strengths("【新唐人】台灣高雄與日本東京八王子市11月1日簽署了一項友好交流協議書。")
    assert found["Tokyo"] == "qualifier"
    assert found["Hachiōji"] == "name"


def test_two_cities_a_list_mark_apart_are_both_named():
    # n07: the cities of a visit, one after another
    found = _strengths("前往中国的北京丶沈阳丶长春丶武汉等城市进行友好访问")
    assert found["Shenyang"] == found["Changchun"] == "name"


def test_a_town_abroad_is_the_town_whose_full_name_starts_with_it():
    # m09, twincities.world: Bingen am Rhein (26,000 people), not the village of Bingen
    text = (
        "With just under 26,000 inhabitants, the town of Bingen is not the biggest place in "
        "the world.\nAfter all, Bingen maintains active partnerships with six towns:\n"
    )
    assert {m.place.name_en for m in find_places(text)} == {"Bingen am Rhein"}


def test_the_chinese_district_is_the_one_the_text_names():
    # n02, articles.philly.com (Chester County and Yongchuan)
    text = (
        "Chester County partners with Chinese district\n\nPosted: May 21, 2014\n\n"
        "Chester County and the Yongchuan district in China are officially friends.\n\n"
        "County Commissioner Terence Farrell and the mayor of the Chinese district signed a "
        "friendship agreement on Friday as a promise to develop cultural and business "
        "partnerships. Farrell said the agreement could pave the way for job creation in Chester "
        "County, student exchanges, and selling Chester County livestock in China.\n"
    )
    document = Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)
    assert [(p.type.slug, sorted(p.locality_ids())) for p in propose(document)] == [
        ("friendship", ["cn:500118", "fips:42029"])
    ]


def test_a_dateline_whose_dash_opens_the_next_line_names_no_party():
    # n01, solanosgotit.blogspot.com (a repost of the Daily Republic's story)
    text = (
        "Solano County gets sister city in China\n\nBy Sarah Arnquist\n\nFAIRFIELD\n"
        "- The Solano County Board of Supervisors and delegates from Ji'an, China, hope the "
        "Sister City agreement they signed Tuesday leads to future cultural, business and "
        "education exchanges.\n"
    )
    document = Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)
    assert [sorted(p.locality_ids()) for p in propose(document)] == [
        ["fips:06095", "geonames:1806445"]
    ]


def test_a_division_abroad_is_found_by_the_chinese_of_its_english_name():
    # k02 (a list of Shandong's partners): ISO names Bavaria "Bayern"
    found = find_places("山东省与巴伐利亚州建立友好省州30年来经贸交流")
    assert "adm1:DE.02" in {m.place.id for m in found}


def test_a_place_said_to_be_where_another_lies_only_locates_it():
    # k03 (traditional characters, read simplified), n06 (english.eastday.com)
    freising = _strengths("弗莱辛位于德国经济发达的巴伐利亚州,距离州首府慕尼黑仅25公里")
    assert freising["Bavaria"] == "qualifier"
    tlalnepantla = _strengths(
        'Tlalnepantla, meaning the "middle land", is located in the northern part of the state '
        "of Mexico, while Maanshan is an industrial city in China's Anhui province."
    )
    assert tlalnepantla["Mexico"] == "qualifier"
    assert tlalnepantla["Tlalnepantla"] == "name"


def test_a_town_at_home_found_once_is_found_where_it_is_named_again():
    # q09, kokomotribune.com (Kokomo and Dongyang)
    text = (
        "Kokomo Tribune; Kokomo, Indiana\n\nJanuary 16, 2013\n\n"
        "Kokomo forges sister ties with Chinese city Dongyang\n\n"
        'The area around the city of Dongyang, China, is known as "The Land of Hills and Water".\n'
    )
    kokomo = [m for m in find_places(text) if m.place.id == "geonames:4922388"]
    dongyang = [m for m in find_places(text) if m.place.id == "cn:330783"]
    # "Kokomo Tribune" names a newspaper; the headline names the town
    assert [m.start for m in kokomo] == [16, 51] and len(dongyang) == 2
