"""Issue 18, ninth session: a meeting is a gathering of its own only when it is one.

Officials' talks ("held a bilateral meeting"), a council's session ("MINUTES OF THE SPECIAL
CITY COUNCIL MEETING"), a mechanism of dialogue ("省长、州长对话交流机制…启动") and a meeting
at which the sentence's agreement is signed ("举行线上会议,签署两市友好合作备忘录") are no
conference; a conference named as one still is. Sentences from the development part's pages,
named beside each.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document


def _types(text: str) -> list[str]:
    document = Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)
    return [p.type.slug for p in propose(document)]


def test_a_meeting_at_which_the_agreement_is_signed_is_its_occasion():
    # z16, 星岛日报 (San Francisco and Guangzhou)
    text = (
        "美国太平洋时间周一(22日)晚上9时(即中国广州时间周二中午12点),三藩市市长布里德与广州市长"
        "孙志洋,在华埠驻美中华总会馆举行线上会议,签署两市友好合作备忘录。\n"
    )
    assert _types(text) == ["mou"]


def test_officials_talks_are_no_conference():
    # p08, Chicago and Shanghai's 30th anniversary
    text = (
        "Mayor Emanuel and Vice Mayor Zezhou held a bilateral meeting in Chicago where they "
        "discussed strengthening business and cultural ties between Chicago and Shanghai.\n"
    )
    assert "conference" not in _types(text)


def test_a_mechanism_of_dialogue_is_no_conference():
    # z07, gov.cn (the China-US governors' dialogue)
    text = "中美两国省长、州长对话交流机制26日在北京正式启动。\n"
    assert "conference" not in _types(text)


def test_a_conference_named_as_one_is_still_a_conference():
    # z22, 中新社 (the Yangtze-Mississippi dialogue)
    text = "中新社武汉10月29日电 长江—密西西比河流域对话会29日在武汉举行。\n"
    assert _types(text) == ["conference"]
