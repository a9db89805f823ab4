"""Issue 18, ninth session: a proposal is a record a reader can place or date.

An agreement told with one country or none and no date ("the fourth country with whom the
National Conference of State Legislators signed an international partnership agreement") is no
record; one with a local party, or with its date, is kept for review even when the partner is
not found, and so is a gathering at its one place. Sentences from the development part's pages, named
beside each.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.propose import propose
from partnermap.ingest.text import Document


def _records(text: str) -> list[tuple[str, str | None, list[str]]]:
    document = Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64)
    return [(p.type.slug, p.date.value, p.locality_ids()) for p in propose(document)]


def test_an_undated_agreement_of_one_country_is_no_record():
    # m12, donegaldaily.com (Buncrana programme page)
    text = (
        "Ireland will be only the fourth country with whom the National Conference of State "
        "Legislators signed an international partnership agreement.\n"
    )
    assert _records(text) == []


def test_a_dated_agreement_of_one_party_found_is_kept_for_review():
    # f05, statecollege.com (State College and Nizhyn)
    text = (
        "date 2023-05-01 The State College Borough Council and Mayor Ezra Nanes will host a "
        "memorandum of understanding signing ceremony with Mayor Oleksandr Kodola from Nizhyn, "
        "Ukraine at 5:30 p.m. on Wednesday at the State College Municipal Building, according "
        "to a release.\n"
    )
    assert [(slug, date) for slug, date, _ in _records(text)] == [("mou", "2023-05-03")]
