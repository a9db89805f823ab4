"""Dates and types of fresh-12's round (#18): a weekday before the future tense of its
sentence, a renewal told as a record of its own."""

from pathlib import Path

from partnermap.ingest.propose import propose
from partnermap.ingest.relative import WEEKDAY, weekday_basis
from partnermap.ingest.text import Document


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _basis(sentence: str) -> str:
    return weekday_basis(WEEKDAY.search(sentence), sentence)


def test_the_first_tense_after_a_weekday_tells_its_week_when_none_is_before_it():
    # k09 (theolympian.com) and m10 (Austin - Limerick): what is still to come.
    assert _basis("at 11:30 a.m. Monday and will sign a renewal") == "weekday:ahead:0"
    assert _basis("On Thursday afternoon, Limerick Mayor John Moran … are set to participate") == (
        "weekday:ahead:3"
    )
    # A past tense after it keeps the weekday gone by; a tense before it still rules.
    assert _basis("The Delhi Government on Monday extended the agreement and said") == (
        "weekday:on:0"
    )
    assert _basis("Officials signed it on Monday and will meet again") == "weekday:on:0"


# k09 (http://www.theolympian.com/2013/08/17/2676699/washington-hyogo-will-renew-alliance.html,
# seen 2026-11-30): a story of Saturday, August 17, 2013 tells what comes on Monday.
_OLYMPIA = (
    "Source: http://www.theolympian.com/2013/08/17/2676699/washington-hyogo-will-renew-alliance"
    ".html\n\n"
    "Gov. Jay Inslee and other Washington officials are welcoming the visitors at the Temple "
    "of Justice at 11:30 a.m. Monday and will sign a renewal of the two states' friendship "
    "agreement at 3:30 p.m. in the Senate Chambers.\n"
)


def test_a_signing_to_come_on_a_weekday_is_dated_forward_from_the_page():
    dates = {p.date.value for p in propose(_document(_OLYMPIA))}
    assert "2013-08-19" in dates
    assert "2013-08-12" not in dates


def test_a_renewal_told_with_its_date_is_a_record_of_its_own():
    # k09: the renewal on the coming Monday, not a friendship founded that day.
    found = {(p.type.slug, p.date.value) for p in propose(_document(_OLYMPIA))}
    assert ("other", "2013-08-19") in found
    assert ("friendship", "2013-08-19") not in found
    # g07 (kxoradio.com, "Reaffirming an old agreement"): a reaffirmation signed.
    text = (
        "The ceremony was held Wednesday evening in Calexico. Calexico Mayor Armando Real and the "
        "Mayor of Mexicali, Mexico then signed a reaffirmation of a Sister City agreement.\n"
    )
    assert [p.type.slug for p in propose(_document(text))] == ["other"]


def test_a_renewal_signed_as_a_memorandum_is_that_memorandum():
    # z03 (https://www.ktsf.com/2024/05/22/shanghai-mayor-visits-sf/): the memorandum that
    # reaffirms the partnership is the one record, no renewal beside it.
    text = (
        "Source: https://www.ktsf.com/2024/05/22/shanghai-mayor-visits-sf/\n\n"
        "舊金山(三藩市)市長布里德週二在舊金山市府舉行招待會歡迎龔正,雙方並簽署重申雙方姊妹城市"
        "關係的備忘錄。\n"
    )
    assert [p.type.slug for p in propose(_document(text))] == ["mou"]
