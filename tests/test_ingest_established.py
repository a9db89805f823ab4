"""Founding years (#18): a label "(Established: 1982)" beside a pair's name on a compiled page
dates that pair's founding."""

from pathlib import Path

from partnermap.ingest.dates import find_dates
from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document


def _document(text: str) -> Document:
    return Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)


def _dated(text: str) -> set[tuple[str, str | None]]:
    return {(p.type.slug, p.date.value) for p in propose(_document(text))}


# r09 (http://wachinawatchdigest.us/wachinawatchsisters.html, seen 2026-12-01): each pair's
# heading carries its founding year.
_WASHINGTON = (
    "Source: http://wachinawatchdigest.us/wachinawatchsisters.html\n"
    "Seen: 2026-12-01\n\n"
    "Washington's Sister Cities with China\n\n"
    "Washington-Sichuan Friendship State/Province (华盛顿-四川友好省州)- (Established: 1982)\n\n"
    "Seattle-Chongqing Sister Cities (西雅图-重庆友好城市)- (Established: 1983)\n"
)


def test_a_year_labelled_established_is_a_date():
    line = "Seattle-Chongqing Sister Cities (西雅图-重庆友好城市)- (Established: 1983)"
    assert [m.value for m in find_dates(line)] == ["1983"]


def test_a_pair_s_established_label_dates_its_founding():
    dated = _dated(_WASHINGTON)
    assert ("sister_state_province", "1982") in dated
    assert ("sister_city", "1983") in dated


def test_the_agreement_signed_in_the_labelled_year_gives_the_founding_its_month():
    text = _WASHINGTON.replace(
        "(Established: 1982)\n",
        "(Established: 1982)\n\nWA-SichuanThe agreement of the friendship relations between the "
        "State of Washington and the Province of Sichuan was signed in Chengdu in October 1982 "
        "by Governor John Spellman and Governor Lu Dadong.\n",
    )
    dated = _dated(text)
    assert ("sister_state_province", "1982-10") in dated
    assert not any(slug == "other" for slug, _ in dated)
