"""Issue 18, tenth session: council documents (agenda statements, staff reports, minutes).

A council's agenda statement, staff report or request for action tells what the council is
asked to decide: its subject is no act, and the date under its label ("MEETING DATE:",
"Date:") is the meeting's or the report's, so nothing it only asks for takes it. A partnership
someone is asked to consider establishing is not made. Minutes and acts that record the
council's action keep their date. Lines from real pages, with their address beside each.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.council_pages import asks_council
from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document

DUBLIN_CA = "geonames:5344157"
JINHUA = "geonames:1805528"


def _records(text: str) -> list[tuple[str, str | None, list[str]]]:
    document = Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)
    return [(p.type.slug, p.date.value, sorted(p.locality_ids())) for p in propose(document)]


def test_a_partnership_a_council_is_asked_to_consider_is_not_made():
    # p09, https://citydocs.ci.dublin.ca.us/WebLink/DocView.aspx?dbid=0&id=862944&repo=CityofDublin
    text = (
        "DESCRIPTION: The Dublin Sister City Association has requested that the City of\n"
        "Dublin consider establishing a Sister City relationship with the City of Jinhua City, "
        "Zhejiang Province, the\nPeople's Republic of China.\n"
    )
    assert _records(text) == []


def test_an_agenda_statement_dates_nothing_by_its_meeting():
    # p09, https://citydocs.ci.dublin.ca.us/WebLink/DocView.aspx?dbid=0&id=862944&repo=CityofDublin
    text = (
        "AGENDA STATEMENT\n"
        "CITY COUNCIL MEETING DATE: September 19, 2006\n"
        "SUBJECT:\n"
        "Establishment of Sister City Relationship between the City of\n"
        "Dublin and Jinhua City, Zhejiang Province, the People's\n"
        "Republic of China\n"
        "RECOMMENDATION:\n"
        "1)\n"
        "Adopt Resolution approving Letter of Intent on the\n"
        "Establishment of a Friendly Exchange Relationship with\n"
        "Jinhua City, Zhejiang Province, the People's Republic of\n"
        "China.\n"
    )
    records = _records(text)
    assert records and all(date is None for _, date, _ in records)
    assert ("mou", None, sorted([DUBLIN_CA, JINHUA])) in records


def test_a_request_for_council_action_dates_nothing_by_its_own_date():
    # https://edocs.sbcity.org/WebLink/DocView.aspx?id=2020330&dbid=0&repo=SB (San Bernardino)
    text = (
        "CITY OF SAN BEF\\. ..ARDINO)e'REQUEST .-OR COUNCIL ACTION From: Thelma Press Mayor's "
        "Office Subject: Sister City Affiliation for Roxas, Phillipines )ept: Date: February 21, "
        "1990 Synopsis of Previous Council action: 10/2/89 -- Council approved request from City "
        "of Roxas, Phillipines, to become a sister City to San Bernardino. Recommended motion: "
        "Adopt resolution.\n"
    )
    records = _records(text)
    assert [(slug, date) for slug, date, _ in records] == [("sister_city", None)]


def test_minutes_that_record_the_vote_keep_the_meetings_date():
    # v01, http://docs.alamedaca.gov/WebLink/DocView.aspx?dbid=0&id=165910&repo=CityofAlameda
    minutes = (
        "MINUTES OF THE SPECIAL CITY COUNCIL MEETING\n"
        "THURSDAY- - OCTOBER 2, 2008- -6:00 P.M.\n"
        "AGENDA ITEM\n"
        "(08 -410) Recommendation to approve Memorandum of Understanding\n"
        "(MOU) regarding the formation and implementation of Sister City\n"
        "Relations between Alameda, California, the United States of America\n"
        "and Jiangyin, the People's Republic of China.\n"
        "Councilmember Matarrese moved approval of the staff recommendation.\n"
        "Councilmember deHaan seconded the motion, which carried by\n"
        "unanimous voice vote - 5.\n"
    )
    assert not asks_council(minutes)
    # https://sanbernardino.legistar.com/LegislationDetail.aspx?FullText=1&GUID=DFD2812F-A417-
    # 4197-9A8F-41DC0438C6E0&ID=6569470 (g12)
    passed = (
        "File #: 9659 Type: Consent Status: Passed File created: 2/29/2024 "
        "On agenda: 3/12/2024 Final action: 3/12/2024 "
        "Subject: Non-Financial Sister City Agreement with Wuxi, China\n"
        "Recommendation(s)\n"
    )
    assert not asks_council(passed)


def test_a_staff_report_and_an_agenda_statement_only_ask():
    # https://weblink.sanleandro.org/publicweblink8/0/doc/191321/Page1.aspx (San Leandro)
    assert asks_council(
        "CITY OF SAN LEANDRO\nSTAFF REPORT\nAPPROVED AND\nFORWARDED\nTO CITY COUNCIL\n"
        "DATE:\nJune 25, 2007\n"
    )
    # https://portal.laserfiche.com/Portal/DocView.aspx?id=63257&repo=r-d76fb24e (McCall)
    assert asks_council(
        "McCALL CITY COUNCIL AGENDA BILL Number Meeting Date AB 08-201 October 9, 2008\n"
        "RECOMMENDED ACTION: Direct staff to establish a Sister City committee consisting of "
        "community representatives.\n"
    )
