"""Place search: what a person typing a place name means, among the places of the data."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping

from partnermap.data.filters import localities_named
from partnermap.data.place_names import close_matches, current_name
from partnermap.data.schema import Locality
from partnermap.geo.gazetteer import load_gazetteer
from partnermap.geo.geocode import geocode

#: The geocoder's answer for a name: the ids among the localities it means or contains.
Geocoded = Callable[[str, Mapping[str, Locality]], frozenset[str]]


def place_ids(
    name: str, localities: Mapping[str, Locality], geocoded: Geocoded | None = None
) -> frozenset[str]:
    """Return the locality ids a place search for ``name`` finds.

    A historical name is read as today's ("Peking" as Beijing, ``historical_names.yaml``). A
    locality id or the start of a name in the table wins; otherwise the offline geocoder reads
    the spellings the table does not hold ("镇江市人民政府"), and a state or province with no
    agreement of its own stands for the places inside it; last, a name one or two letters off
    ("zhenjang") finds the place it misspells.

    Parameters
    ----------
    name
        What the person typed, in English or Chinese.
    localities
        The localities of the data, by id.
    geocoded
        What the geocoder finds among ``localities`` for a name the table does not hold
        (default ``_geocoded``; ``PlaceSearch`` passes one that counts its look-ups).

    Examples
    --------
    >>> place_ids("Atlantis", {})
    frozenset()
    """
    look_up = geocoded or _geocoded
    name = current_name(name) or name
    found = localities_named(name, localities, resolve=lambda text: look_up(text, localities))
    return found or close_matches(name, localities)


def _geocoded(name: str, localities: Mapping[str, Locality]) -> frozenset[str]:
    """The ids among ``localities`` the geocoder's match for ``name`` means or contains."""
    match = geocode(name).match
    if match is None:
        return frozenset()
    places = load_gazetteer().places
    inside = {lid for lid in localities if lid in places and match.id in places[lid].parents}
    return frozenset({match.id, match.twin} & localities.keys() | inside)


class SearchBudgetSpent(LookupError):
    """A name the geocoder would have to read after this request's look-ups are spent."""


class PlaceSearch:
    """``place_ids`` over one locality table, remembered, with a budget per request.

    Each new spelling costs the geocoder milliseconds, so a request naming hundreds of them
    would hold a worker for seconds. Answers are remembered (the latest ``remembered`` names),
    so the several callbacks of one change, and every later visitor, look a name up once; and
    each request may send at most ``lookups`` names to the geocoder. Past that a name is not
    looked up: ``SearchBudgetSpent`` is raised and the search says so in words.

    Parameters
    ----------
    localities
        The localities of the data, by id.
    lookups
        Geocoder look-ups per request (``new_request`` starts one).
    remembered
        How many names' answers are kept.
    """

    def __init__(
        self, localities: Mapping[str, Locality], lookups: int = 4, remembered: int = 4096
    ) -> None:
        self._localities = localities
        self._lookups = lookups
        self._remembered = remembered
        self._answers: OrderedDict[str, frozenset[str]] = OrderedDict()
        self._lock = threading.Lock()
        self._spent = threading.local()  # requests run one per thread

    def new_request(self) -> None:
        """Start a request's budget of look-ups (a Flask ``before_request`` hook)."""
        self._spent.count = 0

    def __call__(self, name: str) -> frozenset[str]:
        """The locality ids a search for ``name`` finds (see ``place_ids``).

        Raises
        ------
        SearchBudgetSpent
            When ``name`` needs the geocoder and this request has used up its look-ups.
        """
        key = name.strip()
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
        answer = place_ids(key, self._localities, self._geocoded)
        with self._lock:
            self._answers[key] = answer
            if len(self._answers) > self._remembered:
                self._answers.popitem(last=False)
        return answer

    def _geocoded(self, name: str, localities: Mapping[str, Locality]) -> frozenset[str]:
        spent = getattr(self._spent, "count", 0)
        if spent >= self._lookups:
            raise SearchBudgetSpent(name)
        self._spent.count = spent + 1
        return _geocoded(name, localities)
