"""Column-wise tables of places and names that a process unpickles in a fraction of a second.

A worldwide gazetteer holds about 230,000 places and 620,000 lookup keys. Pickled as objects
(a ``Place`` per place, a tuple of tuples per key) it takes seconds to load, and even a dict of
its keys takes most of a second to rebuild (every string is hashed again). So both tables are
sorted lists and arrays, searched by bisection, and build a place or an entry when asked.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from typing import Protocol

import numpy as np


class _PlaceLike(Protocol):
    id: str
    name_en: str
    name_zh: str | None
    level: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    parents: tuple[str, ...]
    twin: str | None


class PlaceTable(Mapping):
    """Places by id, stored as columns; ``table[id]`` builds the place.

    Parameters
    ----------
    places
        The places, in any order.
    make
        The class to build a place with (called with the fields as keywords).
    """

    def __init__(self, places: list[_PlaceLike], make: type) -> None:
        self._make = make
        #: The places built so far: the ones a process looks up are few and looked up often.
        self._built: dict = {}
        places = sorted(places, key=lambda place: place.id)
        self._ids = [place.id for place in places]
        self._text = {
            column: [getattr(place, column) for place in places]
            for column in ("name_en", "name_zh", "level", "country", "admin1", "twin")
        }
        # Parents as one string each: a tuple per place is most of an object pickle's cost.
        self._parents = ["|".join(place.parents) for place in places]
        self._lat = np.array([place.lat for place in places], dtype=np.float64)
        self._lon = np.array([place.lon for place in places], dtype=np.float64)
        self._population = np.array([place.population for place in places], dtype=np.int64)

    def __getitem__(self, place_id: str):
        place = self._built.get(place_id)
        if place is None:
            row = self._find(place_id)
            if row < 0:
                raise KeyError(place_id)
            place = self._built[place_id] = self.at(row)
        return place

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_built": {}}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def _find(self, place_id: object) -> int:
        if not isinstance(place_id, str):
            return -1
        row = bisect_left(self._ids, place_id)
        return row if row < len(self._ids) and self._ids[row] == place_id else -1

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, place_id: object) -> bool:
        return self._find(place_id) >= 0

    def row(self, place_id: str) -> int:
        """Return the row of a place, the number :class:`NameTable` stores."""
        row = self._find(place_id)
        if row < 0:
            raise KeyError(place_id)
        return row

    def id_at(self, row: int) -> str:
        """Return the id of the place in ``row``."""
        return self._ids[row]

    def at(self, row: int):
        """Build the place in ``row``."""
        text = self._text
        parents = self._parents[row]
        return self._make(
            id=self._ids[row],
            name_en=text["name_en"][row],
            name_zh=text["name_zh"][row],
            level=text["level"][row],
            country=text["country"][row],
            admin1=text["admin1"][row],
            lat=float(self._lat[row]),
            lon=float(self._lon[row]),
            population=int(self._population[row]),
            parents=tuple(parents.split("|")) if parents else (),
            twin=text["twin"][row],
        )


class NameTable:
    """Lookup key -> ``((place id, tier), ...)``, stored as one dict of offsets and two arrays.

    Parameters
    ----------
    entries
        Key -> {place id: tier}.
    places
        The table the ids are rows of.
    """

    def __init__(self, entries: Mapping[str, Mapping[str, int]], places: PlaceTable) -> None:
        self._places = places
        self._keys = sorted(entries)
        offsets = [0]
        rows: list[int] = []
        tiers: list[int] = []
        for key in self._keys:
            for place_id, tier in entries[key].items():
                rows.append(places.row(place_id))
                tiers.append(tier)
            offsets.append(len(rows))
        # array.array, not numpy: a slice of a few entries is what every lookup takes.
        self._offsets = array("q", offsets)
        self._rows = array("i", rows)
        self._tiers = array("b", tiers)

    def get(self, key: str, default=()) -> tuple[tuple[str, int], ...]:
        """Return the ``(place id, tier)`` pairs of ``key``, or ``default``."""
        index = bisect_left(self._keys, key)
        if index == len(self._keys) or self._keys[index] != key:
            return default
        start, end = self._offsets[index], self._offsets[index + 1]
        id_at = self._places.id_at
        return tuple(
            (id_at(row), tier)
            for row, tier in zip(self._rows[start:end], self._tiers[start:end], strict=True)
        )

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self.get(key))

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def items(self) -> Iterator[tuple[str, tuple[tuple[str, int], ...]]]:
        """Yield every key with its pairs."""
        for key in self._keys:
            yield key, self.get(key)
