"""The filter state of a view, and the records it selects.

One ``FilterState`` is the single truth of what a person is looking at: the CLI builds it from
flags, the dashboard from its controls and URL. ``select`` applies it to records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from partnermap.data.evidence import evidence_level
from partnermap.data.schema import Locality, Record
from partnermap.data.vocabulary import SECTORS, TYPES

#: The level filter's choices, each the locality levels it keeps.
LEVEL_GROUPS: dict[str, frozenset[str]] = {
    "city": frozenset({"city", "county"}),
    "province": frozenset({"province", "state"}),
}
#: The evidence filter's choices, each the evidence levels (``evidence.evidence_level``) it
#: keeps: a quoted source (stating or implying the record), or a compiled list only.
EVIDENCE_GROUPS: dict[str, frozenset[str]] = {
    "quoted": frozenset({"stated", "implied"}),
    "listed": frozenset({"listed"}),
}


@dataclass(frozen=True)
class FilterState:
    """What to show: empty sets and None mean "no restriction".

    Attributes
    ----------
    sectors
        Keep records with at least one of these sector slugs.
    types
        Keep records of one of these type slugs.
    year_from, year_to
        Keep dated records whose year lies in this closed range; undated records are dropped
        as soon as either bound is set.
    place
        Keep records naming a locality whose id is in this set (resolved from a place name).
    level
        Keep records naming a locality of this level group (a key of ``LEVEL_GROUPS``);
        checking it needs the localities table.
    evidence
        Keep records whose evidence level is in this group (a key of ``EVIDENCE_GROUPS``):
        "quoted" for records a quoted source supports, "listed" for those only listed.
    """

    sectors: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    year_from: int | None = None
    year_to: int | None = None
    place: frozenset[str] = frozenset()
    level: str | None = None
    evidence: str | None = None

    def __post_init__(self) -> None:
        unknown_sectors = sorted(self.sectors - SECTORS.keys())
        if unknown_sectors:
            raise ValueError(f"unknown sector {unknown_sectors[0]!r}; valid: {', '.join(SECTORS)}")
        unknown_types = sorted(self.types - TYPES.keys())
        if unknown_types:
            raise ValueError(f"unknown type {unknown_types[0]!r}; valid: {', '.join(TYPES)}")
        if self.year_from and self.year_to and self.year_from > self.year_to:
            raise ValueError(f"year range {self.year_from}-{self.year_to} is empty (from > to)")
        if self.level is not None and self.level not in LEVEL_GROUPS:
            raise ValueError(f"unknown level {self.level!r}; valid: {', '.join(LEVEL_GROUPS)}")
        if self.evidence is not None and self.evidence not in EVIDENCE_GROUPS:
            raise ValueError(
                f"unknown evidence {self.evidence!r}; valid: {', '.join(EVIDENCE_GROUPS)}"
            )

    def keeps(self, record: Record, localities: Mapping[str, Locality] | None = None) -> bool:
        """Return True when ``record`` passes every active filter.

        ``localities`` is needed only by the level filter.
        """
        table = localities or {}
        if self.level is not None and not any(
            ref.id in table and table[ref.id].level in LEVEL_GROUPS[self.level]
            for ref in record.localities
        ):
            return False
        if self.evidence is not None and (
            evidence_level(record) not in EVIDENCE_GROUPS[self.evidence]
        ):
            return False
        if self.sectors and self.sectors.isdisjoint(record.sectors):
            return False
        if self.types and record.type not in self.types:
            return False
        if self.year_from is not None or self.year_to is not None:
            year = record.year
            if year is None:
                return False
            if self.year_from is not None and year < self.year_from:
                return False
            if self.year_to is not None and year > self.year_to:
                return False
        return not self.place or any(ref.id in self.place for ref in record.localities)


def select(
    records: Iterable[Record],
    state: FilterState,
    localities: Mapping[str, Locality] | None = None,
) -> list[Record]:
    """Return the records that ``state`` keeps, in their original order."""
    return [record for record in records if state.keeps(record, localities)]


def localities_named(
    name: str,
    localities: Mapping[str, Locality],
    resolve: Callable[[str], Iterable[str]] | None = None,
) -> frozenset[str]:
    """Return the ids of the localities a person means by ``name``.

    Parameters
    ----------
    name
        An id, or an English or Chinese name (case-insensitive, a prefix is enough).
    localities
        The known localities, by id.
    resolve
        Optional geocoder hook returning candidate ids for names the table alone cannot match.
    """
    wanted = name.strip().casefold()
    if not wanted:
        return frozenset()
    if name.strip() in localities:
        return frozenset({name.strip()})
    found = {
        loc.id
        for loc in localities.values()
        if any(
            candidate and candidate.casefold().startswith(wanted)
            for candidate in (loc.name_en, loc.name_zh)
        )
    }
    if not found and resolve is not None:
        found = {lid for lid in resolve(name) if lid in localities}
    return frozenset(found)
