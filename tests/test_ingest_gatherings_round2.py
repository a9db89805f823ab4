"""Issue 18, tenth session: which gatherings a sentence tells, and which places they name.

A gathering named as one session ("the sixth U.S.-China Sister Cities Summit", "the 27th
Biennial Joint Economic Meeting") or named in full as what people attend ("to attend the
seventh China-U.S. Sister Cities Conference", "participate in the Ireland US Sister City
Summit") is told by the sentence that names it; a gathering named by its bare word is not.
A country's international gathering ("China International Friendship Cities Conference")
names no country: the countries of its paragraph are no side of it; nor is a speaker's city
("圣安东尼奥市市长罗恩·尼伦伯格说", "president of the Portland-Suzhou Sister City Association in
Oregon, said").
Sentences from the development part's pages, named beside each.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from partnermap.ingest.gatherings import (
    international_gathering,
    told_gathering,
    without_speakers,
)
from partnermap.ingest.kinds import GATHERINGS
from partnermap.ingest.propose import propose
from partnermap.ingest.sentence_cues import sentence_cues
from partnermap.ingest.simplify import simplified
from partnermap.ingest.text import Document


def _told(sentence: str) -> bool:
    span = (0, len(sentence))
    return told_gathering(sentence, span, sentence_cues(sentence, span))


@pytest.mark.parametrize(
    "sentence",
    [
        # n05, Xinhua (the seventh China-U.S. Sister Cities Conference)
        "In late October this year, he visited China to attend the seventh China-U.S. Sister "
        "Cities Conference in Hangzhou, east China's Zhejiang Province.",
        # p10, China Daily (the sixth U.S.-China Sister Cities Summit)
        "Alix Nathan, president of the Portland-Suzhou Sister City Association in Oregon, said "
        "at the sixth U.S.-China Sister Cities Summit on Friday in Tacoma, Washington state, "
        "that one of the most crucial aspects of the exchanges is in education.",
        # g11, Xinhua Finance (New South Wales and Guangdong)
        "Premier Gladys Berejiklian has welcomed 135 delegates from Guangdong, who are in Sydney "
        "for the 27th Biennial Joint Economic Meeting, and for the 40th anniversary of the "
        "Chinese Province's relationship with NSW.",
        # m08, IrishCentral (the Ireland US Sister City Summit)
        "As part of the 1916 Rising centenary commemorations, a delegation of mayors and "
        "community leaders from the U.S. have been invited to participate in the Ireland US "
        "Sister City Summit.",
    ],
)
def test_a_gathering_named_as_a_session_or_as_what_people_attend_is_told(sentence):
    assert _told(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # p10: the summit told again by its bare word
        "During the summit, a delegation of 13 students arrived in Tacoma for an 11-day "
        "educational exchange program.",
        # z14, 中新社: officials attending "the meeting", a gathering already told
        "两国积极探索低碳发展的企业和研究机构也出席了会议。",
        # n05: an ordinal that names no gathering
        "That journey marked the beginning of a friendship that has endured for the second "
        "time in two decades.",
    ],
)
def test_a_gathering_named_by_its_bare_word_is_not_told(sentence):
    assert not _told(sentence)


def _gathering_places(text: str) -> list[str]:
    document = Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)
    gathering = next(p for p in propose(document) if p.type.slug in GATHERINGS)
    international_gathering(simplified(text), gathering)
    return gathering.locality_ids()


def test_a_countrys_international_gathering_names_no_country():
    # w10, 长江日报 (the 2018 China International Friendship Cities Conference)
    text = (
        "11月16日,2018中国国际友好城市大会在武汉闭幕。"
        "中国国际友好城市大会于2008年首次举办,每两年一届,已连续举办5届。\n"
    )
    assert _gathering_places(text) == ["geonames:1791247"]


def test_an_international_gathering_in_english_names_no_country():
    # e12, Sister Cities International (the MOU signed in Chengdu)
    text = (
        "Sister Cities International and the Chinese People's Association for Friendship with "
        "Foreign Countries (CPAFFC) signed a Memorandum of Understanding (MoU) today at the 2012 "
        "China International Friendship Cities Conference in Chengdu, China.\n"
        "The MoU paves the way for both organizations to create new sister city relationships "
        "between U.S. and Chinese communities.\n"
    )
    assert _gathering_places(text) == ["geonames:1815286"]


def test_a_gathering_named_for_two_countries_keeps_them():
    # z05, 新华网 (the fourth US-China friendship cities conference)
    text = "第四届美中友城大会17日在美国得克萨斯州休斯敦市举行,来自中美两国政府部门的代表与会。\n"
    assert set(_gathering_places(text)) >= {"CN", "US", "geonames:4699066"}


def _places_without_speakers(text: str) -> list[str]:
    document = Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)
    gathering = next(p for p in propose(document) if p.type.slug in GATHERINGS)
    without_speakers(simplified(text), gathering)
    return gathering.locality_ids()


def test_a_speakers_city_is_no_side_of_the_gathering():
    # z05, 新华网 (San Antonio's mayor speaks at the conference in Houston)
    text = (
        "第四届美中友城大会17日在美国得克萨斯州休斯敦市举行,来自中美两国政府部门及民间社会的约"
        "200名代表与会。美国国际姐妹城协会董事长、得克萨斯州圣安东尼奥市市长罗恩·尼伦伯格说,"
        "本届大会对于中美关系来说是“重要的时刻”,与会代表将回顾过去40年的高光时刻。\n"
    )
    assert _places_without_speakers(text) == ["CN", "US", "geonames:4699066"]


def test_a_speakers_association_is_no_side_of_the_gathering():
    # p10, China Daily (the sixth U.S.-China Sister Cities Summit; "held" added)
    text = (
        "Alix Nathan, president of the Portland-Suzhou Sister City Association in Oregon, said "
        "at the sixth U.S.-China Sister Cities Summit held on Friday in Tacoma, Washington "
        "state, that education matters most.\n"
    )
    assert _places_without_speakers(text) == ["CN", "US", "geonames:5812944"]
