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
