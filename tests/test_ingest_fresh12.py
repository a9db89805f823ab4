"""Dates of fresh-12's round (#18): a year alone that dates no signature."""

from pathlib import Path

from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


# The head and last line of p02 (http://nb.ifeng.com/app/hz/detail_2015_09/24/4382748_0.shtml):
# a year alone in a news story's last lines dates no signature of the partnership its title
# names (nor does "Since 1959, Boston has signed similar agreements" in m07, metro.us).
_ZHEJIANG = (
    "盘点|亲戚越走越亲:浙江与美国的友好省州\n"
    "2015年09月24日 08:45\n"
    "来源:浙江在线\n"
    "浙江和美国的友谊源远流长,早在改革开放初期的20世纪80年代,浙江就已经与美国的新泽西州"
    "和印第安纳州结成了友好省州。30年过去了,浙江和这两位远在大洋彼岸的“亲戚”并没有因为时间的"
    "流逝而变得疏远,而是\n"
    "5年之后的2011年,浙江省与美国新泽西州缔结友好关系30周年庆祝大会在新泽西举行。\n"
)


def test_a_year_alone_in_the_last_lines_dates_no_signature():
    heads = [p for p in propose(_document(_ZHEJIANG)) if p.head]
    assert heads
    assert all(p.date.value != "2011" for p in heads)
