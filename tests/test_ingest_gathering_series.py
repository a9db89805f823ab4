"""Issue 18: a sentence about a gathering's series tells none of its sessions.

The next session ("下届大会将于2020年在云南昆明举办"), when the series began ("发起于1999年") and how
many sessions it has had ("已成功举办19届") describe the series; the session the text reports is
the record. Lines from the development part's w10 (2018 China International Friendship Cities
Conference, Wuhan) and k06 (the 20th China-Japan-Korea friendship cities conference, Kaifeng).
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document

_W10 = (
    "11月16日,2018中国国际友好城市大会在武汉闭幕。在当日举行的友好城市缔结签字仪式上,我国新增5对国际"
    "友好城市(省州)。\n\n"
    "中国国际友好城市大会于2008年首次举办,每两年一届,已连续举办5届,成为友好城市工作的重要活动。"
    "下届大会将于2020年在云南昆明举办。\n"
)
_K06 = (
    "第二十届中日韩友好城市交流大会在开封举行\n\n"
    "10月18日,第二十届中日韩友好城市交流大会在开封举行。\n\n"
    "中日韩友好城市交流大会发起于1999年,由中国人民对外友好协会、日本地方自治体国际化协会、韩国全国市道"
    "知事协议会联合主办、轮流承办。目前,该交流大会已成功举办19届,成为三国地方政府广泛参与、互学互鉴、"
    "共促发展的重要交流平台。\n"
)


def _gatherings(text: str) -> list[str | None]:
    document = Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)
    return [p.date.value for p in propose(document) if p.type.slug == "conference"]


def test_the_next_session_is_no_record():
    assert "2020" not in _gatherings(_W10)
    assert any(date and date.endswith("11-16") for date in _gatherings(_W10))


def test_the_series_start_and_count_are_no_record():
    dates = _gatherings(_K06)
    assert "1999" not in dates
    assert len(dates) == 1
