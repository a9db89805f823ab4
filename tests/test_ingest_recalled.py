"""Issue 18, tenth round: what a text only recalls, weekdays of announcements, parties named as
bodies, and partnership words; each rule general, tested on a short real sentence of the page
named beside it.

- A record a sentence only recalls ("is part of a plan to establish …", "Qinzhou, which signed
  an MOU …") is dated only by a date of its own, never by its paragraph's or the page's.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.propose import Proposal, propose
from partnermap.ingest.text import Document

# chinadaily.com.cn, Qinzhou - Kuantan sister ports (fresh-8, g10); the address dates the page
# Monday, 2014-09-15.
QINZHOU = (
    "Source: http://covid-19.chinadaily.com.cn/bizchina/2014-09/15/content_18601147.htm\n\n"
    "The Qinzhou Port in South China's Guangxi Zhuang autonomous region has become a sister port "
    "of Kuantan, a port city in Malaysia, following an agreement signed in Nanning city, capital "
    "of Guangxi on Monday. The sister partnership between the two ports is part of a plan to "
    "establish a network of cooperation among port cities in ASEAN members, Li said."
)


def _proposals(text: str) -> list[Proposal]:
    return propose(Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64))


def test_a_record_only_recalled_takes_no_date_from_its_paragraph():
    dates = {p.type.text: p.date.value for p in _proposals(QINZHOU)}
    assert dates == {"agreement": "2014-09-15", "partnership": None}
