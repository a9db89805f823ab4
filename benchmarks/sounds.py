"""Measure sound-alike suggestions: does a Chinese transcription suggest the place it writes?

Run: ``.venv/bin/python benchmarks/sounds.py``. The labelled set is GeoNames' own: every
place outside China (and Japan and Korea, whose names are read, not transcribed) that the
gazetteer has a Chinese name for, the name's stem as the query (its suffix 市, 州, 县... cut).
The sound index is built from English names alone, so a place's Chinese name never finds
itself. Places are split by a digest of their id: four fifths development, one fifth held
out (``benchmarks/sounds.py held``), which was scored once, after the rules were set.

For each query whose key has ``sounds.MIN_KEY`` sounds or more, prints how often the first
suggestion is the place (a place of the same English name counts), given the country alone
and given the country and the first-level division, as the text's context would: precision
over the queries that get a suggestion, recall over all; and how often the place is among the
first three suggestions.
"""

from __future__ import annotations

import hashlib
import sys

from partnermap.geo.gazetteer import load_gazetteer
from partnermap.geo.geocode import Context, sounding_like
from partnermap.geo.names import zh_stem
from partnermap.geo.sounds import MIN_KEY, chinese_sound

#: Countries whose places' Chinese names are read in their own characters, not by sound.
READ_NOT_HEARD = frozenset({"CN", "HK", "MO", "TW", "JP", "KR", "KP"})


def labelled(part: str) -> list[tuple[str, str, str, str | None, str]]:
    """(query, place id, country, first-level division, English name) of one part."""
    items = []
    for place in load_gazetteer().places.values():
        if not place.name_zh or place.country in READ_NOT_HEARD or place.level == "country":
            continue
        held = int(hashlib.sha256(place.id.encode()).hexdigest(), 16) % 5 == 0
        stem = zh_stem(place.name_zh)[0]
        if held == (part == "held") and len(chinese_sound(stem)) >= MIN_KEY:
            items.append((stem, place.id, place.country, place.admin1, place.name_en))
    return items


def score(part: str) -> None:
    """Print the first suggestion's precision and recall for ``part``."""
    items = labelled(part)
    for scope in ("country", "division"):
        answered = right = listed = 0
        for query, place_id, country, admin1, name in items:
            within = (admin1,) if scope == "division" and admin1 else ()
            heard = sounding_like(query, Context(country=country, within=within))
            if scope == "division" and admin1:
                heard = [p for p in heard if p.admin1 == admin1]
            if heard:
                answered += 1
                right += heard[0].id == place_id or heard[0].name_en == name
                listed += any(p.id == place_id or p.name_en == name for p in heard[:3])
        print(
            f"{part:5s} {scope:9s} n {len(items):6,d}  suggested {answered:6,d}  "
            f"first: precision {right / max(1, answered):.2f} recall "
            f"{right / max(1, len(items)):.2f}  in the first 3: {listed / max(1, len(items)):.2f}"
        )


if __name__ == "__main__":
    score(sys.argv[1] if len(sys.argv) > 1 else "dev")
