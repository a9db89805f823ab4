"""Tolerant place names: historical spellings from the data file, and near misses."""

from __future__ import annotations

import pytest

from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.data.place_names import close_matches, current_name, historical_names, key
from partnermap.data.place_search import place_ids

_CORPUS = load_corpus(EMBEDDED_DATA_DIR)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Peking", "Beijing"),
        ("Canton", "Guangzhou"),
        ("Tientsin", "Tianjin"),
        ("Amoy", "Xiamen"),
        ("Chungking", "Chongqing"),
        ("Nanking", "Nanjing"),
        ("Tsingtao", "Qingdao"),
        ("Sian", "Xi'an"),
        ("zhenjang", "Zhenjiang"),
        ("Shanghia", "Shanghai"),
    ],
)
def test_old_names_and_typos_find_the_place(typed: str, found: str) -> None:
    names = {_CORPUS.localities[i].name_en for i in place_ids(typed, _CORPUS.localities)}
    assert names == {found}


def test_a_name_far_from_every_place_finds_nothing() -> None:
    assert close_matches("Atlantis", _CORPUS.localities) == frozenset()
    assert close_matches("abc", _CORPUS.localities) == frozenset()


def test_every_current_name_in_the_file_is_a_place_of_the_data_or_a_province() -> None:
    known = {key(loc.name_en) for loc in _CORPUS.localities.values()}
    missing = {new for new in historical_names().values() if key(new) not in known}
    assert missing <= {
        "Hebei",
        "Henan",
        "Hunan",
        "Jiangxi",
        "Anhui",
        "Gansu",
        "Yunnan",
        "Guizhou",
        "Shaanxi",
        "Shanxi",
        "Jilin",
        "Liaoning",
        "Guangxi",
    }
    assert current_name("PEKING") == "Beijing" and current_name("Beijing") is None
