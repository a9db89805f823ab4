"""Issue 18: a place said to be in a larger one, and a short name beside its level word.

"X in [China's] Y province" names X; Y only locates it, as in "X, Y". A Chinese county of three
letters is read beside its level word ("the County of Hua"), as a longer name is alone. A
compass word before a name ("Central China") begins a region's name, not a town's. Lines from
the development part's q10 (pontiacdailyleader.com), p10 (China Daily, the sixth U.S.-China
Sister Cities Summit) and w01 (Xinhua, Xiangyang and Carmel).
"""

from __future__ import annotations

from partnermap.geo.geocode import geocode
from partnermap.ingest.places import find_places

HUA_COUNTY = "cn:410526"

_Q10 = (
    "In an effort to establish a mutually beneficial relationship with foreign cultures, the city "
    "of Pontiac recently agreed to take part in a Friendship City Agreement with the County of "
    "Hua in China's Henan Province."
)
_P10 = (
    "one of the most crucial aspects of the exchanges and relationship with sister city Suzhou, "
    "in East China's Jiangsu province, is in education."
)
_W01 = (
    "Xiangyang city in Central China's Hubei province established a sister city relationship "
    "with Carmel, Indiana of the United States on Tuesday"
)


def _named(text: str) -> list[str]:
    return [m.place.name_en for m in find_places(text) if m.strength == "name"]


def test_a_three_letter_name_is_read_beside_its_level_word():
    assert geocode("County of Hua").match.id == HUA_COUNTY
    assert "Hua County" in _named(_Q10)


def test_the_province_a_place_is_in_only_locates_it():
    assert "Henan" not in _named(_Q10)
    assert _named(_P10) == ["Suzhou"]
    assert "Hubei" not in _named(_W01)


def test_a_compass_word_before_a_name_is_no_town():
    assert "Central" not in _named(_W01)
    assert "Xiangyang" in _named(_W01)
