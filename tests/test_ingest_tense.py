"""Issue 18, seventh round: rules drawn from texts ingest had never seen (set fresh-6).

Each is general by construction and tested on a short real sentence of its page (named beside
it).
"""

from __future__ import annotations

from partnermap.ingest.dates import document_dates

# www.collegian.psu.edu, State College - Nizhyn (set fresh-6, f05); the page's date line
# ("date 2023-05-01") is a Monday.
ANNOUNCED = (
    "Source: https://www.collegian.psu.edu/news/borough/state-college-borough-council-to-host/\n\n"
    " date 2023-05-01 The State College Borough Council and Mayor Ezra Nanes will host a "
    "memorandum of understanding signing ceremony with Mayor Oleksandr Kodola from Nizhyn, "
    "Ukraine at 5:30 p.m. on Wednesday at the State College Municipal Building, according to "
    "a release."
)


def _weekdays(text: str) -> list[str | None]:
    return [m.value for m in document_dates(text) if m.basis.startswith("'Wednesday'")]


def test_a_weekday_told_in_the_future_tense_counts_forward_from_the_page():
    assert _weekdays(ANNOUNCED) == ["2023-05-03"]


def test_a_weekday_told_in_the_past_tense_still_counts_back():
    told = ANNOUNCED.replace("will host", "hosted")
    assert _weekdays(told) == ["2023-04-26"]
