"""Issue 18, ninth session: pages reposted with pinyin glosses, and partnership words that make
no partnership.

Reposting sites gloss Chinese words with pinyin in brackets ("姐妹(jiěmèi)省州", "友好(hao)城
(cheng)市"): the text is read without them. A body named after a partnership ("俄勒冈—中国姐妹
省州委员会") and relations tended ("巩固和拓展与中国的友好合作关系") are no partnership. Sentences
from p01 (qb1985.cn, a repost of a Xinhua dateline on Oregon) and m02 (hbzqbyyxgs.com).
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document, read_document


def _records(text: str) -> list[tuple[str, str | None, list[str]]]:
    document = Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)
    return [(p.type.slug, p.date.value, p.locality_ids()) for p in propose(document)]


def test_pinyin_glosses_are_read_away(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "中日友好(hao)城(cheng)市什(shen)(shen)么(me)意思?\n"
        "美国俄勒冈州议会3日举行新一届俄勒冈—中国姐妹(jiěmèi)省州委员会首次会议。\n"
        "全程约12公里(km),iPhone(iPhone)。\n",
        encoding="utf-8",
    )
    assert read_document(page).text == (
        "中日友好城市什么意思?\n"
        "美国俄勒冈州议会3日举行新一届俄勒冈—中国姐妹省州委员会首次会议。\n"
        "全程约12公里(km),iPhone(iPhone)。\n"
    )


def test_a_body_named_after_a_partnership_and_relations_tended_are_no_partnership() -> None:
    text = (
        "新华社旧金山6月4日电 美国俄勒冈州议会3日举行新一届俄勒冈—中国姐妹省州委员会首次会议,"
        "重申致力于巩固和拓展与中国的友好合作关系。\n"
    )
    assert not any(slug in ("friendship", "sister_state_province") for slug, _, _ in _records(text))
