"""Issue 18: names of places the gazetteer misses, each rule general, tested on a short real
sentence of the page named beside it.

- Chinese-Canadian media name a province by a one-character short form and 省 ("亚省" for
  Alberta; the forms are in ``data/place_overrides.yaml``): in a text that names Canada, the
  form is that province, a party, not a place the text leaves out.
"""

from __future__ import annotations

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
