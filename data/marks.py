"""What a record is on the map: a link between two places, a hub at a venue, or national.

The mark of each type is declared in ``vocabulary.MARKS``. A record keeps its type's mark when
its places fit it; otherwise:

- a link type with other than two parties below country level, of any countries (an MOU of
  five cities), is a hub at its host, else its first party or participant below country level;
- a hub type stands at its host, else its site, else its first place below country level;
- a record whose parties are all countries (a national framework, even one signed in a city) is
  national: counted, listed beside the map and in the table, never a mark on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from partnermap.data.schema import Locality, Record
from partnermap.data.vocabulary import MARKS

#: The level of a national party: not a point on the map.
NATIONAL_LEVEL = "country"


@dataclass(frozen=True)
class Mark:
    """A record's mark.

    Attributes
    ----------
    kind
        "link", "hub" or "national".
    ends
        A link's two party locality ids, in order of country code then id; () otherwise.
    venue
        A hub's locality id; None otherwise.
    participants
        How many distinct places take part (every locality but a mere site).
    """

    kind: str
    ends: tuple[str, ...] = ()
    venue: str | None = None
    participants: int = 0


def mark(record: Record, localities: Mapping[str, Locality]) -> Mark:
    """Return how ``record`` is drawn, given the locality table.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> places = {"a": NS(level="city", country="CN"), "b": NS(level="state", country="US")}
    >>> ref = lambda i, role: NS(id=i, role=role)
    >>> mark(NS(type="sister_city", localities=[ref("a", "party"), ref("b", "party")]), places)
    Mark(kind='link', ends=('a', 'b'), venue=None, participants=2)
    """
    local = [ref for ref in record.localities if localities[ref.id].level != NATIONAL_LEVEL]
    participants = len({ref.id for ref in record.localities if ref.role != "site"})
    if MARKS[record.type] == "link":
        parties = sorted(
            {ref.id for ref in local if ref.role == "party"},
            key=lambda p: (localities[p].country, p),
        )
        if len(parties) == 2:
            # Ends in order of country code, whatever the countries (CN before US).
            return Mark("link", ends=(parties[0], parties[1]), participants=participants)
        venues = _by_role(local, ("host", "party", "participant"))
    else:
        venues = _by_role(local, ("host", "site", "party", "participant"))
    if not venues:
        return Mark("national", participants=participants)
    return Mark("hub", venue=venues[0], participants=participants)


def _by_role(refs: list, roles: tuple[str, ...]) -> list[str]:
    """The ids of ``refs`` whose role is in ``roles``, in the order of ``roles``."""
    return [ref.id for role in roles for ref in refs if ref.role == role]
