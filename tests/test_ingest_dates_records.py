"""Issue 18, ninth round: record-keeping stamps, days before the page's, programme years.

A legislation record's "File created:" is when its file was opened: it dates nothing, and
where the page gives a decision's date ("Final action:", "approved on", "adopted") it is no
anchor either. "昨日" and "前日" count back from the page's own date unless the page says it
is a copy; "2017年度" names a programme's year, no event's. The sentences are real (fresh-8
g01, g12).
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.dates import document_dates, page_date
from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document

_G12 = (
    "File #: 9659\n"
    "Type: Consent Status: Passed\n"
    "File created: 2/29/2024 Department: Economic Development Department\n"
    "On agenda: 3/12/2024 Final action: 3/12/2024\n"
    "Subject: Non-Financial Sister City Agreement with Wuxi, China for Establishment of "
    "Diplomatic Relations\n\n"
    "REPORT/RECOMMENDATION TO THE BOARD OF SUPERVISORS OF SAN BERNARDINO COUNTY\n\n"
    "Approve a non-financial Sister City Agreement, including non-standard terms, with Wuxi, "
    "China for the establishment of diplomatic relations for a term of five years.\n"
)


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def test_a_files_creation_dates_nothing():
    mentions = document_dates(_G12)
    created = next(m for m in mentions if m.text == "2/29/2024")
    assert created.stamp
    assert [p.date.value for p in propose(_document(_G12))] == ["2024-03-12"]


def test_a_record_keeping_stamp_is_no_anchor_beside_a_decisions_date():
    assert page_date(document_dates(_G12), _G12) is None
    undecided = _G12.replace("Final action: 3/12/2024", "")
    assert page_date(document_dates(undecided), undecided).value == "2024-02-29"


def test_a_programme_year_is_no_event_date():
    text = (
        "更新时间:2016-10-20 10:40:28\n\n"
        "昨日,副市长邵为民会见日本大分市副市长久渡晃、议长永松弘基一行,"
        "两市签署2017年度友好交流协议书。\n"
    )
    assert [m.text for m in document_dates(text) if m.kind == "text"] == ["昨日"]
    assert [p.date.value for p in propose(_document(text))] == ["2016-10-19"]


def test_the_day_before_yesterday_counts_from_the_pages_date():
    text = "发布时间:2013-08-14\n前日,张女士从鄂州乘T168次列车返回石家庄。\n"
    day = next(m for m in document_dates(text) if m.text == "前日")
    assert day.value == "2013-08-12"
    copied = text.replace("\n前日", "  转载\n前日")
    assert next(m for m in document_dates(copied) if m.text == "前日").value is None
    assert not [
        m for m in document_dates("当前日益频繁的交流。前日本首相鸠山由纪夫") if m.text == "前日"
    ]


def test_a_stamp_in_traditional_script_is_a_stamp():
    text = (
        "中國台山市與巴西聖若澤多斯坎波斯市簽署友好合作關係備忘錄\n"
        "發佈時間:2023-02-24\n\n"
        "中國台山市與巴西聖保羅州聖若澤多斯坎波斯市友好合作關係備忘錄簽約儀式在線上舉行。\n"
    )
    stamp = next(m for m in document_dates(text) if m.text == "2023-02-24")
    assert stamp.kind == "posted"
    assert [p.date.value for p in propose(_document(text))] == [None]
    copied = "轉載\n" + text.replace("簽約儀式在線上舉行", "簽約儀式2月17日在線上舉行")
    assert page_date(document_dates(copied), copied) is None
