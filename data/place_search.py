"""Place search: what a person typing a place name means, among the places of the data."""

from __future__ import annotations

import difflib
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Mapping

from partnermap.data import texts
from partnermap.data.filters import localities_named
from partnermap.data.place_names import close_matches, current_name, historical_names, key
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


#: How alike a name that matched nothing and a place's name must be for the place to be suggested
#: (difflib ratio; resolving a typo takes ``place_names.CLOSE``).
SUGGEST = 0.6
#: How much less alike than the closest a place may be and still be suggested beside it.
RUNNERS_UP = 0.15
#: How many places a "did you mean" names.
SUGGESTED = 3


def did_you_mean(name: str, localities: Mapping[str, Locality], n: int = SUGGESTED) -> list[str]:
    """Return the ids of up to ``n`` localities spelled most like ``name``, most alike first.

    Each locality answers to its English and Chinese names and its historical ones, compared
    as ``place_names.key`` does; places far less alike than the closest are left out, and of
    several localities with one English name, the first id is given.

    Parameters
    ----------
    name
        A name that matched no place.
    localities
        The localities of the data, by id.
    n
        How many to return at most.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> places = {"z": NS(name_en="Zhenjiang", name_zh="镇江"), "w": NS(name_en="Wuhan", name_zh=None)}
    >>> did_you_mean("Zhanjong", places), did_you_mean("Atlantis", places)
    (['z'], [])
    """
    old = defaultdict(list)
    for historical, current in historical_names().items():
        old[key(current)].append(historical)
    by_key: dict[str, list[str]] = defaultdict(list)
    for lid in sorted(localities):
        place = localities[lid]
        for spelled in (place.name_en, place.name_zh, *old[key(place.name_en)]):
            if spelled:
                by_key[key(spelled)].append(lid)
    wanted = key(name)
    close = difflib.get_close_matches(wanted, by_key, n=len(by_key), cutoff=SUGGEST)
    best = difflib.SequenceMatcher(None, wanted, close[0]).ratio() if close else 1.0
    found: dict[str, str] = {}
    for spelled in close:
        if difflib.SequenceMatcher(None, wanted, spelled).ratio() < best - RUNNERS_UP:
            break
        for lid in by_key[spelled]:
            found.setdefault(key(localities[lid].name_en), lid)
    return list(found.values())[:n]


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

    def did_you_mean(self, name: str, lang: str) -> list[str]:
        """The names, in ``lang``, of the places spelled most like ``name`` (``did_you_mean``)."""
        return [
            texts.name(self._localities[lid].name_en, self._localities[lid].name_zh, lang)
            for lid in did_you_mean(name, self._localities)
        ]

    def _geocoded(self, name: str, localities: Mapping[str, Locality]) -> frozenset[str]:
        spent = getattr(self._spent, "count", 0)
        if spent >= self._lookups:
            raise SearchBudgetSpent(name)
        self._spent.count = spent + 1
        return _geocoded(name, localities)
