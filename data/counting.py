"""The counting rule shared by every number the dashboard and its exports show.

The unit is the agreement: a kept record counts once in any total, once for each place, state
or province, or linked pair it names, and once in the year it was signed. A record with several
sectors counts once when records are split by sector, under its primary sector (the first it
lists, the one its source leads with). A record without a year is counted as undated, never
dropped without a word.
"""

from __future__ import annotations

from partnermap.data.schema import Record

#: The year of an undated record in per-record year arrays.
UNDATED = -1


def primary_sector(record: Record) -> str:
    """The sector a record counts under when records are split by sector: its first.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> primary_sector(SimpleNamespace(sectors=["clean-air", "energy-efficiency"]))
    'clean-air'
    """
    return record.sectors[0]


def year_of(record: Record) -> int:
    """The record's year, or ``UNDATED``."""
    return record.year if record.year is not None else UNDATED
