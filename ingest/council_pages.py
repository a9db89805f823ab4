"""A council's agenda statement, staff report or request for action: what it only asks for.

Such a page ("AGENDA STATEMENT", "STAFF REPORT", "REQUEST FOR COUNCIL ACTION",
"RECOMMENDATION:") tells what a council is asked to decide, not an act: its subject is only
asked for, and the date at its head ("MEETING DATE: September 19, 2006", "Date: February 21,
1990") is the meeting's or the report's. Minutes and acts that record the council's action
("which carried by unanimous voice vote", "PASSED AND ADOPTED", "Status: Passed") are acts.
"""

from __future__ import annotations

import re

from partnermap.ingest.dates import DateMention

#: What a council's agenda statement, staff report or request for action calls itself.
_ASKING = re.compile(
    r"\bAGENDA\s+(?:STATEMENT|REPORT)\b|\bSTAFF\s+REPORT\b|\bREQUEST\W+F?OR\s+COUNCIL\s+ACTION\b|"
    r"^[ \t]*RECOMMEND(?:ATION|ED\s+ACTION)\s*:|\bRecommended\s+(?:action|motion)\s*:",
    re.M,
)
#: What says the council acted on it.
_ACTED = re.compile(
    r"\bmotion\b[^.]{0,80}\bcarried\b|\bpassed\s+and\s+(?:adopted|approved)\b|"
    r"\bstatus\s*:\s*(?:passed|adopted|approved)\b|\bfinal\s+action\s*:\s*\d",
    re.I,
)
#: A date's label ("MEETING DATE:", "Date:").
_DATE_LABEL = re.compile(r"\bdate\s*:\s*$", re.I)
#: How far into a page its name as an agenda statement or staff report is looked for.
_ASKING_CHARS = 1500


def asks_council(text: str, start: int = 0) -> bool:
    """Whether the page from ``start`` is a council's agenda statement, staff report or
    request for action that records no action taken.

    Parameters
    ----------
    text
        The document's text.
    start
        Where the page begins (after its provenance lines).

    Returns
    -------
    bool
        True when the page calls itself one ("AGENDA STATEMENT", "STAFF REPORT",
        "RECOMMENDATION:", "Recommended motion:") near its start and no line says the council
        acted ("motion … carried", "PASSED AND ADOPTED", "Status: Passed", "Final action:
        3/12/2024").
    """
    return bool(_ASKING.search(text, start, start + _ASKING_CHARS)) and not _ACTED.search(text)


def meeting_date(text: str, mention: DateMention | None) -> bool:
    """Whether ``mention`` is the date an asking page gives under a label ("MEETING DATE:
    September 19, 2006"): the meeting's or the report's, not an act's.

    Parameters
    ----------
    text
        The document's text.
    mention
        A record's date mention, if any.

    Returns
    -------
    bool
        True when a date label ends right before the mention on a page that only asks
        (:func:`asks_council`).
    """
    if mention is None or mention.inferred:
        return False
    labelled = _DATE_LABEL.search(text, max(0, mention.start - 40), mention.start)
    return labelled is not None and asks_council(text)
