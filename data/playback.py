"""Year playback: which years the map shows at each step of the play control.

Playback moves the year filter, so the map, the timeline, the counts and the URL follow it the
same way they follow the slider. Two modes: the agreements signed in one year, year after year
(``"year"``), or every agreement up to that year (``"cumulative"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

MODES = ("year", "cumulative")


def next_frame(years: Sequence[int], bounds: tuple[int, int], mode: str) -> list[int] | None:
    """The years of the step after ``years``, or None when ``years`` reach the last year.

    Parameters
    ----------
    years
        The year filter now, ``[from, to]``.
    bounds
        The first and last year of the corpus.
    mode
        ``"year"``: the next year alone; ``"cumulative"``: from the first year to the next.

    Examples
    --------
    >>> next_frame([1990, 1990], (1979, 2020), "year")
    [1991, 1991]
    >>> next_frame([1990, 1990], (1979, 2020), "cumulative")
    [1979, 1991]
    >>> next_frame([1979, 2020], (1979, 2020), "year") is None
    True
    """
    first, last = bounds
    upcoming = int(years[1]) + 1
    if upcoming > last:
        return None
    return [upcoming, upcoming] if mode == "year" else [first, upcoming]


def frames(bounds: tuple[int, int], mode: str) -> list[list[int]]:
    """Every step of a playback over ``bounds``, in order: what ``export --per-year`` writes.

    Examples
    --------
    >>> frames((2001, 2003), "year")
    [[2001, 2001], [2002, 2002], [2003, 2003]]
    >>> frames((2001, 2003), "cumulative")
    [[2001, 2001], [2001, 2002], [2001, 2003]]
    """
    first, last = bounds
    return [[year if mode == "year" else first, year] for year in range(first, last + 1)]


def frame_path(out: Path, year: int) -> Path:
    """The file of one year's frame: ``out`` with the year before its suffix.

    Examples
    --------
    >>> frame_path(Path("frames/map.png"), 2015).as_posix()
    'frames/map-2015.png'
    """
    return out.with_name(f"{out.stem}-{year}{out.suffix}")


def toggled(playing: bool, years: Sequence[int], bounds: tuple[int, int], mode: str) -> list[int]:
    """The years shown when the play button is pressed: where playback resumes or starts.

    Pausing keeps the years shown. Starting from the last year, or from a range that is not a
    step of ``mode``, starts again at the first year.

    Examples
    --------
    >>> toggled(False, [1979, 2020], (1979, 2020), "year")
    [1979, 1979]
    >>> toggled(False, [1995, 1995], (1979, 2020), "year")
    [1995, 1995]
    >>> toggled(True, [1995, 1995], (1979, 2020), "year")
    [1995, 1995]
    """
    now = [int(years[0]), int(years[1])]
    if playing:
        return now
    is_step = now[0] == now[1] if mode == "year" else now[0] == bounds[0]
    if not is_step or now[1] >= bounds[1]:
        return [bounds[0], bounds[0]]
    return now
