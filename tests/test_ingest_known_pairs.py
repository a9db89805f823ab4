"""Issue 18, item 3: the partner of a known pair.

A text about a partnership often names its smaller place by its bare name. Alone, "Alameda" is
too small a name to count and "Rochester" is read as Rochester, New York; beside the place the
curated records pair it with (Jiangyin, Xianyang), it is that place's partner. Lines from the
Alameda Sun ("Alameda Forges Ties With Jiangyin, China", alamedasun.com/local-and-hometown/4020)
and KIMT (2023-03-09, "Rochester to host Chinese sister city Friday"), seen 2026-12-01.
"""

from __future__ import annotations

from partnermap.geo.gazetteer import load_gazetteer
from partnermap.ingest.known_pairs import known_partners
from partnermap.ingest.places import find_places

ALAMEDA = "geonames:5322737"
JIANGYIN = "cn:320281"
ROCHESTER_MN = "geonames:5043473"
ROCHESTER_NY = "geonames:5134086"
XIANYANG = "geonames:1790353"

_ALAMEDA_SUN = (
    "Students from Chinese Christian School sang and performed for visiting dignitaries last "
    "week when Alameda signed a sister-city agreement with Jiangyin, China"
)
_KIMT = (
    "The city of Rochester is hosting a delegation with Rochester's Chinese sister city, Xianyang."
)


def _places(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.id) for m in find_places(text) if m.strength == "name"]


def test_the_records_pair_the_places_of_these_lines():
    assert ALAMEDA in known_partners()[JIANGYIN]
    assert ROCHESTER_MN in known_partners()[XIANYANG]


def test_a_small_town_beside_its_known_partner_is_found():
    assert ("Alameda", ALAMEDA) in _places(_ALAMEDA_SUN)
    assert ("Jiangyin", JIANGYIN) in _places(_ALAMEDA_SUN)


def test_a_namesake_beside_the_partner_of_its_namesake_is_the_partner():
    assert _places(_KIMT) == [
        ("Rochester", ROCHESTER_MN),
        ("Rochester", ROCHESTER_MN),
        ("Xianyang", XIANYANG),
    ]


def test_a_namesake_the_text_pins_stays_what_the_text_says():
    # the same line with the other Rochester's state written after it
    pinned = _KIMT.replace("The city of Rochester", "The city of Rochester, New York,")
    assert ("Rochester", ROCHESTER_NY) in _places(pinned)
    assert load_gazetteer().places[ROCHESTER_NY].admin1 == "New York"
