"""Dates and records from a document's context: named events, well-known conferences,
gatherings, numbered items, and what a page says that is not its story."""

from __future__ import annotations

from pathlib import Path

from partnermap.data.schema import LocalityRef, Record, Source
from partnermap.ingest.anchors import read_dates
from partnermap.ingest.blocks import split_blocks
from partnermap.ingest.dates import document_dates
from partnermap.ingest.propose import propose
from partnermap.ingest.repeats import matching_records
from partnermap.ingest.text import Document

OUTCOMES = """Outcomes of the Second ABC
1. Water Workshop: Held a water workshop for Chinese and U.S. officials before the second ABC.
2. Green Ports Program: Launched the Green Ports program during the second ABC.
3. Steering Committee Meeting: Decided to hold the annual steering committee meeting in June 2016 in conjunction with the ABC.
4. Study Tour: Officials from Tianjin will visit Seattle for a study tour in September.
5. Forest Cooperation: The two sides decided to continue cooperation on wetlands.
"""


def _document(text: str) -> Document:
    return Document(Path("test.txt"), text, "txt", "utf-8", "0" * 64)


def _by_type(text: str) -> dict[str, list[str | None]]:
    found: dict[str, list[str | None]] = {}
    for proposal in propose(_document(text)):
        found.setdefault(proposal.type.slug, []).append(proposal.date.value)
    return found


def test_items_take_the_date_of_the_event_the_document_reports_on():
    dates = read_dates(OUTCOMES)
    assert dates.context is not None
    assert dates.context[0] == ("ABC", 2)
    assert dates.context[1].value == "2016-06"
    assert [m.value for m in dates.mentions if m.text == "September"] == ["2016-09"]
    found = _by_type(OUTCOMES)
    assert found["workshop"] == ["2016"]  # "before the second ABC": its year only
    assert found["training"] == ["2016-09"]
    assert sorted(found["program"]) == ["2016-06", "2016-06"]  # "during", and the context


def test_an_agency_named_often_is_no_context():
    text = (
        "1. Workshop: DOE hosted a workshop in May 2014.\n"
        "2. Cooperation on grids: DOE and NEA decided to continue cooperation.\n"
        "3. DOE plans more exchanges.\n"
    )
    assert read_dates(text).context is None


def test_a_named_conference_dates_a_repost_without_year():
    text = (
        "时间:2021-04-08 14:28:42 来源:网络\n\n"
        "当地时间9月16日,峰会在洛杉矶举行。此次峰会是为落实去年11月发表的联合声明。\n\n"
        "这些举措都为在12月的巴黎气候大会上达成共识做了很好的铺垫。\n"
    )
    values = {m.text: m.value for m in read_dates(text).mentions}
    assert values["9月16日"] == "2015-09-16"
    assert values["去年11月"] == "2014-11"
    assert "2021" not in {(v or "")[:4] for k, v in values.items() if k != "2021-04-08"}
    # Without a conference to go by, the year stays unknown.
    assert [m.value for m in document_dates(text[: text.index("这些")]) if m.text == "9月16日"] == [
        None
    ]


def test_yearly_events_and_months_alone():
    texts = {
        "an Expo in October every year from 2016 in Zhenjiang": "2016-10",
        "从2016\n\n年起，每年十月份，镇江将": "2016-10",
    }
    for text, value in texts.items():
        assert [m.value for m in document_dates(text)] == [value]
    months = document_dates("decided to meet in March.\n5. Next meeting: planned for 2020.")
    assert [(m.text, m.day) for m in months] == [("March", None), ("2020", None)]
    assert document_dates("It may rain in may.") == []


def test_blocks_keep_item_numbers_headings_and_cut_items():
    text = (
        "1. 建立一年一度的双方交流合作机制。双方轮流组织一年一度的低碳领导人会议，总结交流合作\n\n"
        "事项进展情况。\n\n"
        "I. To establish an annual mechanism.\n\n"
        "一. 目标\n\n"
        "本战略旨在增强合作。\n\n"
        "36. China-U.S. Sister Cities:\nWelcomed the enhancement.\n"
    )
    blocks = split_blocks(text)
    assert [(b.number, b.item) for b in blocks] == [
        (1, True),
        (1, True),
        (1, True),
        (None, False),
        (36, True),
    ]
    assert "事项进展情况" in text[blocks[0].start : blocks[0].end]  # cut by a blank line
    assert text[blocks[4].start : blocks[4].heading_end] == "36. China-U.S. Sister Cities:"


def test_gatherings_declarations_and_what_happened_during_them():
    text = (
        "PORTLAND, Ore., May 1, 2018 (Xinhua) -- The third China-U.S. Mayors Climate Summit "
        "opened here on May 1, 2018. Mayors attended the summit.\n\n"
        "At the summit, the mayors issued a joint declaration on low-carbon cities.\n\n"
        "On the sidelines of the summit, Shenzhen and Portland signed a memorandum of "
        "understanding on electric buses.\n"
    )
    proposals = propose(_document(text))
    assert [(p.type.slug, p.date.value) for p in proposals] == [
        ("summit", "2018-05-01"),
        ("mou", "2018-05"),
    ]
    summit, mou = proposals
    assert any("declaration" in text[a:b] for a, b in summit.quotes)
    assert set(mou.locality_ids()) == {"geonames:1795565", "geonames:5746545"}


def test_chinese_gatherings_recalled_or_abroad_name_nothing_new():
    text = (
        "2015年11月2日，第三届中美省州长论坛在北京举行，多位省长参加会议。\n\n"
        "论坛前，广东省与华盛顿州举办了清洁能源研讨会。\n\n"
        "此次会议为在即将召开的巴黎气候大会上达成共识做了铺垫。\n"
    )
    found = _by_type(text)
    assert found == {"forum": ["2015-11-02"], "workshop": ["2015"]}


def test_headline_summary_and_page_navigation_name_nothing():
    text = (
        "Three agreements signed at sub-national forum\n\n"
        "On March 26, 2014, Jiangsu Province and the State of Ohio signed a memorandum of "
        "understanding.\n\n"
        "相关推荐\n\n"
        "2019年，某市与某州举行了新能源汽车展览会。\n"
    )
    assert _by_type(text) == {"mou": ["2014-03-26"]}


def test_two_mous_signed_at_one_summit_are_two():
    record = Record(
        id="zhenjiang-california-mou",
        title="MOU",
        type="mou",
        date="2015-09-15",
        sectors=["general"],
        parties=["Zhenjiang", "California"],
        localities=[
            LocalityRef(id="geonames:1784642", role="party"),
            LocalityRef(id="US-CA", role="party"),
            LocalityRef(id="geonames:5368361", role="site"),
        ],
        status="unknown",
        confidence="high",
        sources=[Source(document="x.txt", lines="1", quote="MOU")],
        summary="An MOU.",
    )
    text = (
        "新华社洛杉矶2015年9月16日电 首届中美气候智慧型/低碳城市峰会15日在洛杉矶开幕。\n\n"
        "会上，四川省人民政府与加利福尼亚州政府签署了清洁能源合作谅解备忘录。\n"
    )
    mou = next(p for p in propose(_document(text)) if p.type.slug == "mou")
    assert mou.date.value == "2015-09-15"
    assert matching_records(mou, [record]) == []
