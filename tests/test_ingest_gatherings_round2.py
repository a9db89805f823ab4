"""Issue 18, tenth session: gatherings a sentence tells without a word of an event.

A gathering named as one session ("the sixth U.S.-China Sister Cities Summit", "the 27th
Biennial Joint Economic Meeting") or named in full as what people attend ("to attend the
seventh China-U.S. Sister Cities Conference", "participate in the Ireland US Sister City
Summit") is told by the sentence that names it; a gathering named by its bare word is not.
Sentences from the development part's pages, named beside each.
"""

from __future__ import annotations

import pytest

from partnermap.ingest.gatherings import told_gathering
from partnermap.ingest.sentence_cues import sentence_cues


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
