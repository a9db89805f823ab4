"""Issue 18, eleventh round: place precision, no place proposed that is not a party; each rule
general, tested on a short real sentence of the page named beside it.

- A name abroad written with a division's word ("Ishikawa Prefecture", "Fukuoka Prefectural
  Government") is the division, not the city that shares its name, and so is the same name
  told bare in the same text.
"""

from __future__ import annotations

from pathlib import Path

from partnermap.ingest.places import find_places
from partnermap.ingest.propose import Proposal, propose
from partnermap.ingest.text import Document


def _proposals(text: str) -> list[Proposal]:
    return propose(Document(Path("page.txt"), text, "txt", "utf-8", "0" * 64))


def _ids(text: str) -> list[str]:
    return [m.place.id for m in find_places(text) if m.strength == "name"]


# tribuneindia.com, Delhi - Fukuoka friendship agreement extended (fresh-9, k11).
DELHI = (
    "The Delhi Government on Monday extended the Friendship Agreement with Japan's Fukuoka "
    "Prefectural Government (FPG) for three years.\n\n"
    'Kejriwal said: "Delhi and Fukuoka have had a Friendship Agreement since March 5, 2007 and I '
    'am delighted that the same is now being extended."'
)


def test_a_prefectural_government_is_the_prefecture_not_its_capital() -> None:
    """(k11) "Fukuoka Prefectural Government" is Fukuoka Prefecture, and "Delhi and Fukuoka"
    later in the text is the same prefecture: the city of Fukuoka is no party."""
    assert "adm1:JP.07" in _ids(DELHI)
    assert "geonames:1863967" not in _ids(DELHI)
    ids = {i for p in _proposals(DELHI) for i in p.locality_ids()}
    assert "adm1:JP.07" in ids
    assert "geonames:1863967" not in ids


def test_a_prefecture_in_a_list_of_partners_is_the_prefecture() -> None:
    """(w02) Jeonbuk's partners listed as "Ishikawa Prefecture (10th September, 2001)": the
    prefecture, not the city of Ishikawa."""
    ids = _ids("  • Ishikawa Prefecture (10th September, 2001) of Japan")
    assert ids[0] == "adm1:JP.15"
