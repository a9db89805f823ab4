"""Name forms: cleaning, keys, Chinese suffixes and pinyin."""

from __future__ import annotations

import pytest

from partnermap.geo.names import clean, latin_key, pinyin_name, zh_stem


def test_clean_drops_control_and_emoji_and_folds_full_width() -> None:
    assert clean("\x07 Ｚhenjiang 😀\u200b  City’s ") == "Zhenjiang City's"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Zhen Jiang", "zhenjiang"),
        ("Xi'an", "xian"),
        ("Xi’an", "xian"),
        ("St. Louis", "saintlouis"),
        ("Lüshunkou", "lushunkou"),
    ],
)
def test_latin_key_joins_words_and_expands_abbreviations(name: str, key: str) -> None:
    assert latin_key(clean(name)) == key


@pytest.mark.parametrize(
    ("name", "stem", "suffix", "level"),
    [
        ("镇江市", "镇江", "", "city"),
        ("江苏省", "江苏", "Province", "province"),
        ("普陀区", "普陀", "District", "county"),
        ("芷江侗族自治县", "芷江", "Dong Autonomous County", "county"),
        ("广西壮族自治区", "广西", "Zhuang Autonomous Region", "province"),
        ("新疆维吾尔自治区", "新疆", "Uygur Autonomous Region", "province"),
        ("内蒙古自治区", "内蒙古", "Autonomous Region", "province"),
        ("长白朝鲜族自治县", "长白", "Korean Autonomous County", "county"),
        ("延边朝鲜族自治州", "延边", "Korean Autonomous Prefecture", "city"),
    ],
)
def test_zh_stem_splits_administrative_suffixes(
    name: str, stem: str, suffix: str, level: str
) -> None:
    assert zh_stem(name) == (stem, suffix, level)


@pytest.mark.parametrize(
    ("stem", "english"),
    [("海阳", "Haiyang"), ("西安", "Xi'an"), ("延安", "Yan'an"), ("旅顺口", "Lüshunkou")],
)
def test_pinyin_name(stem: str, english: str) -> None:
    assert pinyin_name(stem) == english
