"""Tolerant place names: historical spellings (``geo/historical_names.yaml``) and near misses.

The place search reads "Peking" as Beijing and "zhenjang" as Zhenjiang; the suggestions under
the search box list each place with its old names, so typing either finds it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

from partnermap.data.schema import Locality
from partnermap.geo.names import historical_names

#: How alike a typed name and a place's name must be to count as a typo of it (difflib ratio).
CLOSE = 0.85


def key(name: str) -> str:
    """A name as the search compares it: case, spaces, hyphens and apostrophes ignored.

    Examples
    --------
    >>> key("Xi'an"), key(" Tsing-tao ")
    ('xian', 'tsingtao')
    """
    return re.sub(r"[\s\-'’.]+", "", name).casefold()


def current_name(name: str) -> str | None:
    """The current name for a historical one ("Canton" -> "Guangzhou"), or None.

    Examples
    --------
    >>> current_name("canton"), current_name("Guangzhou")
    ('Guangzhou', None)
    """
    by_key = {key(old): new for old, new in historical_names().items() if key(old) != key(new)}
    return by_key.get(key(name))


def close_matches(name: str, localities: Mapping[str, Locality]) -> frozenset[str]:
    """The ids of the localities whose English name ``name`` misspells (one or two letters).

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> sorted(close_matches("zhenjang", {"z": NS(name_en="Zhenjiang"), "w": NS(name_en="Wuhan")}))
    ['z']
    """
    wanted = key(name)
    if len(wanted) < 4:
        return frozenset()
    names: dict[str, set[str]] = {}
    for lid, loc in localities.items():
        names.setdefault(key(loc.name_en), set()).add(lid)
    best = difflib.get_close_matches(wanted, list(names), n=1, cutoff=CLOSE)
    return frozenset(names[best[0]]) if best else frozenset()
