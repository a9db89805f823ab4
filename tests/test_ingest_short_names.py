"""Issue 18: names of places the gazetteer misses, each rule general, tested on a short real
sentence of the page named beside it.

- Chinese-Canadian media name a province by a one-character short form and 省 ("亚省" for
  Alberta; the forms are in ``data/place_overrides.yaml``): in a text that names Canada, the
  form is that province, a party, not a place the text leaves out.
- A Chinese town's English name with its designation in lower case after it ("Yiwu city",
  "Qinzhou city") is read as with "City": a town the word says is one, not left out, and the
  county-level city of the name rather than a county that sounds alike (义乌市, not 伊吾县). A
  country or province before "city" ("the central China city") stays what it is.
- A Chinese county written after "the County of" ("the County of Hua in China's Henan
  Province") is introduced by the words, as a town after "the city of" is: its name is a
  place's, however small.
"""

from __future__ import annotations

from partnermap.geo.gazetteer import load_gazetteer
from partnermap.ingest.name_spans import MemoLookup, place_spans
from partnermap.ingest.place_mention import COUNTRIES
from partnermap.ingest.places import find_places


def _ids(text: str) -> list[str]:
    return [m.place.id for m in find_places(text) if m.strength == "name"]


# 70.38.13.212 forum, Alberta and Hokkaido renew their sister-province ties (fresh-13, q06).
ALBERTA = (
    "由日本北海道副知事高井修(Osamu Takai)率领的代表团,一行约40人周三抵达卡加利市,"
    "与亚省省长施特默签订协议,继续维持姊妹省份的关系30年。\n"
    "两地首次官方接触自1972年起,当时北海道的代表团出访亚省,了解加拿大及阿拉斯加商机及文化"
)


def test_a_canadian_province_by_its_short_form() -> None:
    assert _ids(ALBERTA).count("adm1:CA.01") == 2


# chinadaily.com.cn, 2014-05-29, "Yiwu - From poor city to starting point of the 'New Silk Road'".
YIWU = (
    "Mayor of Yiwu city He Meihua said nobody could have predicted how Yiwu would look today, as "
    "it has developed from an ordinary town, becoming a city which takes the lead in commodity "
    "markets."
)
# g10 (dev), Qinzhou and Kuantan sister ports.
QINZHOU = (
    "Taking immediate effect, the two ports will cooperate in various fields including shared "
    "shipping lanes, logistics, information exchange and talent training, said Li Xinyuan, mayor "
    "of Qinzhou city."
)
# r07 (dev), Pittsburgh and Wuhan.
CENTRAL_CHINA = "The central China city also has a geographic similarity to Pittsburgh"


def test_a_chinese_town_with_city_in_lower_case() -> None:
    assert _ids(YIWU)[:1] == ["cn:330782"]
    assert "cn:650522" not in _ids(YIWU)


def test_a_chinese_city_with_city_in_lower_case() -> None:
    assert _ids(QINZHOU) == ["geonames:1797551"]


def test_a_country_before_city_stays_the_country() -> None:
    assert _ids(CENTRAL_CHINA) == ["CN", "geonames:5206379"]


# q10 (dev), Pontiac and Hua County.
HUA = (
    "the city of Pontiac recently agreed to take part in a Friendship City Agreement with the "
    "County of Hua in China's Henan Province."
)


def test_a_county_after_the_county_of() -> None:
    gazetteer = load_gazetteer()
    spans = place_spans(HUA, [], gazetteer, MemoLookup(gazetteer, COUNTRIES))
    assert "Hua" in [HUA[start:end] for start, end, _ in spans]
