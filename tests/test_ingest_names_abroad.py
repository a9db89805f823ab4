"""Issue 18: names with small words or a capital with a diacritic, prefectures called 地区,
"X province in northwest China", and a town told with its country after a comma.

A name abroad may hold small words ("Dar es Salaam", "Rio de Janeiro", "Bingen am Rhein"): the
run of capitalised words goes on through them; it may begin with a capital with a diacritic
("Ürümqi", "İzmir", "Łódź"). A prefecture is often called 地区 (喀什地区, 阿里地区):
it is a city-level unit, not a district. "Shaanxi province in northwest China" names Shaanxi;
China only locates it. "Toledo, Spain" is the Toledo of Spain, though Toledo, Ohio is the larger
town of that name in the text's United States. Lines from Xinhua (en.people.cn, 2023-11-28:
Shaanxi and Tanzania's Dar es Salaam region sign a letter of intent for sister provinces), The
Blade (toledoblade.com, 2006-09-27, "2 Toledos reaffirm bonds of friendship") and the Union of
Turkish World Municipalities (tdbb.org.tr, Gaziantep and Ürümqi sign a sister city protocol).
"""

from __future__ import annotations

from partnermap.geo.geocode import geocode
from partnermap.ingest.places import find_places

_XINHUA = (
    "Shaanxi province in northwest China and Tanzania's Dar es Salaam region on Monday signed an "
    "agreement aimed at exploring investment opportunities to support economic development of "
    "both sides."
)

_BLADE = (
    "The decorous occasion in Government Center was the formal reaffirmation of a 75-year-old "
    "Sister Cities relationship between two Toledos: centuries old Toledo, Spain, and the younger "
    "sibling that shares its name, Toledo, Ohio."
)

_TDBB = (
    "Gaziantep Metropolitan Municipality, member of Union of Turkish World Municipalities (TDBB), "
    "and Ürümqi Municipality, capital of Xinjiang Uyghur Autonomous Region (China), signed a "
    "Sister City Protocol."
)


def test_a_name_abroad_runs_through_its_small_words():
    named = {m.text: m.place for m in find_places(_XINHUA) if m.strength == "name"}
    assert named["Dar es Salaam"].country == "TZ"


def test_the_country_a_province_is_in_only_locates_it():
    named = [m.place.name_en for m in find_places(_XINHUA) if m.strength == "name"]
    assert "China" not in named
    assert "Shaanxi" in named


def test_a_prefecture_called_diqu_is_read():
    assert geocode("喀什地区").match.name_en == "Kashgar"
    assert geocode("大兴安岭地区").match.level == "city"
    # a district stays a district
    assert geocode("朝阳区").match.level == "county"


def test_a_town_is_read_in_the_country_written_after_it():
    toledos = [m.place for m in find_places(_BLADE) if m.text == "Toledo"]
    assert [place.country for place in toledos] == ["ES", "US"]


def test_a_name_may_begin_with_a_capital_with_a_diacritic():
    assert "Ürümqi" in [m.place.name_en for m in find_places(_TDBB) if m.strength == "name"]
