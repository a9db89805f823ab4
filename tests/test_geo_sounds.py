"""Sound keys: a Chinese transcription of a place abroad suggests the place it writes."""

from __future__ import annotations

import pytest

from partnermap.geo.geocode import Context, geocode, sounding_like
from partnermap.geo.sounds import MIN_KEY, chinese_sound, latin_sound

# Transcriptions as Chinese news and atlases write them.
PAIRS = [
    ("萨克拉门托", "Sacramento"),
    ("诺夫哥罗德", "Novgorod"),
    ("佛蒙特", "Vermont"),
    ("丹维尔", "Danville"),
    ("马斯卡廷", "Muscatine"),
    ("沃罗涅日", "Voronezh"),
    ("本图贡萨尔维斯", "Bento Gonçalves"),
    ("帕索丰杜", "Passo Fundo"),
    ("因戈尔施塔特", "Ingolstadt"),
    ("斯维尔德洛夫斯克州", "Sverdlovsk"),  # its r heard, its suffix no sound
]


@pytest.mark.parametrize(("chinese", "english"), PAIRS)
def test_a_transcription_and_its_name_have_one_key(chinese: str, english: str) -> None:
    assert chinese_sound(chinese) in {latin_sound(english), latin_sound(english, every_r=True)}


def test_other_names_have_other_keys() -> None:
    keys = [latin_sound(english) for _, english in PAIRS]
    assert len(set(keys)) == len(keys)
    assert chinese_sound("塔科马") != latin_sound("Sacramento")


def test_a_key_keeps_consonant_sounds_only() -> None:
    assert latin_sound("Sacramento") == "SKLMNT"
    assert latin_sound("Vermont") == "FMNT"  # an r before a consonant is not heard
    assert chinese_sound("尔") == "L"


def test_an_unknown_transcription_suggests_the_place_it_sounds_like() -> None:
    result = geocode("帕索丰杜市", Context(country="BR"))
    assert result.match is None
    assert (result.suggestions[0].name_en, result.suggestions[0].admin1) == (
        "Passo Fundo",
        "Rio Grande do Sul",
    )
    oblast = geocode("斯维尔德洛夫斯克州", Context(country="RU")).suggestions[0]
    assert (oblast.id, oblast.level) == ("adm1:RU.71", "province")


def test_the_division_named_with_it_comes_first() -> None:
    anywhere = sounding_like("蒙蒂塞洛", Context(country="US"))
    in_arkansas = sounding_like("蒙蒂塞洛", Context(country="US", within=("Arkansas",)))
    assert anywhere[0].admin1 != "Arkansas"
    assert in_arkansas[0].admin1 == "Arkansas"
    assert {p.id for p in anywhere} == {p.id for p in in_arkansas}
    result = geocode("蒙蒂塞洛市", Context(country="US", within=("Arkansas",)))
    assert result.match is None and result.suggestions[0].admin1 == "Arkansas"


def test_nothing_is_heard_without_a_country_abroad_or_a_long_enough_key() -> None:
    assert sounding_like("帕索丰杜", Context()) == []
    assert sounding_like("帕索丰杜", Context(country="CN")) == []
    assert len(chinese_sound("伦德")) < MIN_KEY
    assert sounding_like("伦德", Context(country="SE")) == []
    assert sounding_like("Passo Fundo", Context(country="BR")) == []
