"""Issue 18, eighth round: fixes by cause, each general and tested on a short real sentence of
the page named beside it (set fresh-6).

- A place named in an official's title ("台北市长", "Mayor of Taipei") is a local government's
  place: its country counts as named, so the place is found even when the text never names
  its country.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.places import find_places
from partnermap.ingest.propose import Proposal, propose
from partnermap.ingest.text import Document

TAIPEI, SHANGHAI = "geonames:1668341", "geonames:1796236"


def _proposals(text: str) -> list[Proposal]:
    return propose(Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64))


def test_a_place_in_an_officials_title_is_found_though_its_country_is_not_named():
    # bj.crntt.com, the 2017 Taipei - Shanghai twin-city forum (fresh-6, f10).
    text = "现场由台北市长柯文哲和上海市长应勇现场见证,双方代表签署4项交流合作备忘录。"
    assert {m.place.id for m in find_places(text)} == {TAIPEI, SHANGHAI}
    # The same in English.
    text = "Mayor of Taipei Ko Wen-je and Shanghai Mayor Ying Yong witnessed the signing."
    assert TAIPEI in {m.place.id for m in find_places(text)}


def test_an_anniversary_counts_from_its_event_never_from_a_founding_told_after_it():
    # wiiot.cn, Hohhot - Ulaanbaatar's 30th anniversary on an undated page (fresh-6, f08).
    text = (
        "中国呼和浩特市与蒙古国乌兰巴托市缔结国际友城30周年纪念活动举行\n"
        "12月10日,中国呼和浩特市与蒙古国乌兰巴托市缔结国际友城30周年纪念活动以视频交流形式举行。"
        "王浩雷在致辞中说,1991年12月10日,呼和浩特市与乌兰巴托市正式缔结为国际友好城市。"
    )
    founded = [p.date.value for p in _proposals(text) if p.type.slug == "sister_city"]
    assert founded == ["1991-12-10"]
