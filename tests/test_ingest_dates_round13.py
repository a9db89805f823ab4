"""Exact dates of the thirteenth round (#18): a weekday in a sentence without tense takes
the tense of the next one; a participle after "be" is no past."""

from pathlib import Path

from partnermap.ingest.propose import propose
from partnermap.ingest.relative import WEEKDAY, weekday_basis
from partnermap.ingest.text import Document


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _basis(sentence: str) -> str:
    return weekday_basis(WEEKDAY.search(sentence), sentence)


def test_a_weekday_without_tense_takes_the_tense_of_the_next_sentence():
    # k09 (theolympian.com, a Saturday's story): the marina's signing comes on Sunday.
    assert _basis(
        "One takes place at Swantown Marina along East Bay on Sunday afternoon. The Port of "
        "Olympia will sign a sister-marina agreement with a similarly sized port"
    ) == ("weekday:ahead:6")
    assert _basis(
        "The occasion is bringing an entourage from Japan to Olympia on Sunday and Monday. "
        "Governor Jay Inslee and other Washington officials will sign a renewal"
    ) == ("weekday:ahead:6")
    # A past form in its own sentence keeps the weekday gone by, whatever follows.
    assert _basis(
        "The delegation arrived in Olympia on Sunday. The governor will sign a renewal"
    ) == ("weekday:on:6")


def test_a_participle_after_be_is_no_past_tense():
    # v05 (fwsistercities.org, posted on Tuesday 2011-10-11): the officials come on Sunday.
    assert _basis(
        "Official agreements will be signed by Mayors Price and Li Zaiyong Mayor Li Zaiyong of "
        "Guiyang, China, along with seven other Guiyang officials, arrive in Fort Worth on "
        "Sunday to sign the official document"
    ) == ("weekday:ahead:6")
    assert _basis("The agreement was signed on Sunday") == "weekday:on:6"


# k09 (http://www.theolympian.com/2013/08/17/2676699/washington-hyogo-will-renew-alliance.html,
# seen 2026-11-30): a story of Saturday, August 17, 2013 tells a signing of the next day.
_MARINA = (
    "Source: http://www.theolympian.com/2013/08/17/2676699/washington-hyogo-will-renew-alliance"
    ".html\n\n"
    "One takes place at Swantown Marina along East Bay on Sunday afternoon. The Port of "
    "Olympia will sign a sister-marina agreement with a similarly sized port in the Kobe area "
    "– the Shin Nishinomiya Yacht Harbor.\n"
)


def test_a_signing_told_without_tense_on_a_weekday_is_dated_forward_from_the_page():
    dates = {p.date.value for p in propose(_document(_MARINA))}
    assert "2013-08-18" in dates
    assert "2013-08-11" not in dates
