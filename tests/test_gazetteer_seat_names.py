"""A prefecture or county-level city is named by its own name, not by its seat's.

GeoNames often stands for a county-level city with its seat, a town or subdistrict of another
name that also carries the city's Chinese name: "Yushan" (with 常熟市) for Changshu, "Changsha"
subdistrict (with 开平) for Kaiping, "Chengqu" for Rushan, "Heshan" (赫山) for Yiyang. The map and the geocoder must show
and read the city's name; a map spelling of the city's own name (Golmud for 格尔木市) stays.
"""

from __future__ import annotations

import pytest

from partnermap.geo.gazetteer import load_gazetteer
from partnermap.geo.geocode import geocode


@pytest.mark.parametrize(
    ("place_id", "name"),
    [
        ("cn:320581", "Changshu"),
        ("cn:440783", "Kaiping"),
        ("cn:371083", "Rushan"),
        ("cn:430181", "Liuyang"),
        ("geonames:1808316", "Yiyang"),
        ("geonames:2036109", "Liaoyuan"),
        ("geonames:2036892", "Hohhot"),
        ("cn:632801", "Golmud"),
        ("cn:152201", "Ulanhot"),
    ],
)
def test_a_county_level_city_is_shown_by_its_own_name(place_id: str, name: str) -> None:
    assert load_gazetteer().places[place_id].name_en == name


def test_a_county_level_city_is_read_by_its_own_name() -> None:
    assert geocode("Changshu").match.id == "cn:320581"
    assert geocode("Liuyang").match.id == "cn:430181"
    assert geocode("Yiyang").match.id == "geonames:1808316"
    # the seat's name is no name of the city: Changsha is Hunan's capital
    assert geocode("Changsha").match.name_zh == "长沙市"
