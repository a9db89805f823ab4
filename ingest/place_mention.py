"""A place named in the text, and what every step of finding places shares: the countries
read by default, the tier of a place's own name, the size of a notable city."""

from __future__ import annotations

import re
from dataclasses import dataclass

from partnermap.geo.gazetteer import Place

#: The countries whose places any document's partners may be; a text that names another
#: country adds that one (see :func:`partnermap.ingest.places.find_places`).
COUNTRIES = frozenset({"CN", "US"})
#: A gazetteer city named in English must be this large to count without a preposition
#: ("in Oak Ridge"): capitalised words like "Energy" or "Union" are also small US towns.
NOTABLE_POPULATION = 100_000
NAME_TIER = 0
HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text.

    ``strength`` is "name" (the text names the place), "qualifier" (it only locates another
    place) or "weak" (a country adjective or "中美"). ``party`` is the name of the party when
    the mention is part of one ("Jiangsu Provincial People's Government"), else None.
    """

    start: int
    end: int
    text: str
    place: Place
    strength: str = "name"
    party: str | None = None
    confidence: float = 0.9
    ambiguous: bool = False
    #: Where the party's name ends (the mention's end when it is no party).
    outer_end: int = 0
    #: Whether the text says something happened at the place ("in Los Angeles", "在北京").
    site: bool = False
    #: The name, right after this place, of a place in it the gazetteer does not know
    #: ("沙威尼根市" after "魁北克省"): this place stands for that party's side, and is no
    #: party itself ("" when there is none).
    holds_unknown: str = ""
