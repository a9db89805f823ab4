"""The dashboard's state in its URL: a ``FilterState`` and a language, to and from a query string.

Query keys: ``sector`` and ``type`` (repeatable vocabulary slugs), ``level`` (``city`` or
``province``), ``evidence`` (``quoted`` or ``listed``), ``from`` and ``to`` (years), ``place`` (repeatable locality id or name) and
``lang`` (``en`` or ``zh``) choose what is shown; ``stack`` (what the timeline's bars are
stacked by), ``sort`` (the table's column, ``-`` first for largest first) and ``select`` (the
place or link whose agreements the details panel lists, e.g. ``place,geonames:1784642``) how.
Parsing is forgiving: a value that means nothing is dropped and reported, so a mistyped link
still opens the rest of its view.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import astuple, dataclass, field, replace
from typing import Any, Protocol, runtime_checkable
from urllib.parse import parse_qsl, urlencode

from partnermap.data import texts
from partnermap.data.filters import EVIDENCE_GROUPS, LEVEL_GROUPS, FilterState
from partnermap.data.texts import LANGUAGES
from partnermap.data.vocabulary import SECTORS, TYPES

#: What the timeline can be stacked by, the first the default.
STACKS = ("sector", "type")
#: The table's sort when the URL names none: most agreements first.
DEFAULT_SORT = ("count", True)
#: What a selection points at, and how many ids each kind takes.
SELECTION_KINDS = {"place": 1, "region": 1, "pair": 2, "regions": 2, "countries": 2}
_ID = re.compile(r"[\w:.-]{1,40}")
_COLUMN = re.compile(r"[a-z_]{1,20}")
#: Separators between several place names typed in one search box.
_PLACE_SEPARATORS = re.compile(r"[,，、;；]")
#: Place names one search looks up: each may cost the geocoder milliseconds, so a search of
#: thousands of names (or ids) would hold a worker for seconds.
MAX_PLACE_NAMES = 10

#: Resolves one place id or name to the locality ids it means (empty when none).
Resolver = Callable[[str], frozenset[str]]


@runtime_checkable
class Suggesting(Protocol):
    """A resolver that also names the places a name that matched nothing may mean
    (``partnermap.data.place_search.PlaceSearch``)."""

    def __call__(self, name: str) -> frozenset[str]: ...

    def did_you_mean(self, name: str, lang: str) -> list[str]:
        """The names, in ``lang``, of the places spelled most like ``name``, best first."""
        ...


@dataclass(frozen=True)
class UrlState:
    """Everything a URL holds: what to show, and in which language.

    Attributes
    ----------
    filters
        The filter state.
    lang
        The interface language, "en" or "zh".
    stack
        What the timeline's bars are stacked by, one of ``STACKS``.
    sort
        The table's sort: (column, largest first).
    selection
        The details panel's selection, e.g. ("place", id) or ("pair", a, b); None for none.
    unknown
        The query values that were dropped, as "key=value" (for a notice; not serialised).
    skipped
        How many place names were not looked up (past ``MAX_PLACE_NAMES``, or past the
        resolver's budget; for a notice; not serialised).
    """

    filters: FilterState = field(default_factory=FilterState)
    lang: str = "en"
    stack: str = STACKS[0]
    sort: tuple[str, bool] = DEFAULT_SORT
    selection: tuple[str, ...] | None = None
    unknown: tuple[str, ...] = field(default=(), compare=False)
    skipped: int = field(default=0, compare=False)


def parse_query(query: str, resolve_place: Resolver) -> UrlState:
    """Read a URL query string.

    Parameters
    ----------
    query
        The query, with or without its leading "?".
    resolve_place
        Maps a ``place`` value (an id or a name) to locality ids.

    Returns
    -------
    UrlState
        The state; values that mean nothing are left out and listed in ``unknown``.

    Examples
    --------
    >>> parse_query("?sector=culture&from=1980&lang=zh", lambda name: frozenset()).filters.year_from
    1980
    """
    pairs = parse_qsl(query.lstrip("?"), keep_blank_values=False)
    values: dict[str, list[str]] = {}
    for key, value in pairs:
        values.setdefault(key, []).append(value.strip())
    unknown: list[str] = [f"{key}={value}" for key, value in pairs if key not in _KEYS]

    def pick(key: str, valid: Iterable[str]) -> list[str]:
        allowed = set(valid)
        unknown.extend(f"{key}={v}" for v in values.get(key, []) if v not in allowed)
        return [v for v in values.get(key, []) if v in allowed]

    def year(key: str) -> int | None:
        text = (values.get(key) or [""])[-1]
        if text and not re.fullmatch(r"\d{4}", text):
            unknown.append(f"{key}={text}")
        return int(text) if re.fullmatch(r"\d{4}", text) else None

    place_values = list(dict.fromkeys(values.get("place", [])))
    found, unmatched, skipped = _resolve_each(place_values, resolve_place)
    place = set(found)
    unknown.extend(f"place={value}" for value in unmatched)
    year_from, year_to = year("from"), year("to")
    if year_from is not None and year_to is not None and year_from > year_to:
        year_from, year_to = year_to, year_from
    levels = pick("level", LEVEL_GROUPS)
    evidence = pick("evidence", EVIDENCE_GROUPS)
    langs = pick("lang", LANGUAGES)
    stacks = pick("stack", STACKS)
    sorts = [v for v in values.get("sort", []) if _COLUMN.fullmatch(v.removeprefix("-"))]
    unknown.extend(f"sort={v}" for v in values.get("sort", []) if v not in sorts)
    selections = [s for s in values.get("select", []) if _selection(s)]
    unknown.extend(f"select={v}" for v in values.get("select", []) if v not in selections)
    filters = FilterState(
        sectors=frozenset(pick("sector", SECTORS)),
        types=frozenset(pick("type", TYPES)),
        year_from=year_from,
        year_to=year_to,
        place=frozenset(place),
        level=levels[-1] if levels else None,
        evidence=evidence[-1] if evidence else None,
    )
    return UrlState(
        filters,
        langs[-1] if langs else "en",
        stacks[-1] if stacks else STACKS[0],
        (sorts[-1].lstrip("-"), sorts[-1].startswith("-")) if sorts else DEFAULT_SORT,
        _selection(selections[-1]) if selections else None,
        tuple(unknown),
        skipped,
    )


def _selection(text: str) -> tuple[str, ...] | None:
    """A ``select`` value as a selection, or None when it is not one.

    Examples
    --------
    >>> _selection("pair,geonames:1784642,US-CA")
    ('pair', 'geonames:1784642', 'US-CA')
    """
    kind, *ids = text.split(",")
    if SELECTION_KINDS.get(kind) != len(ids) or not all(_ID.fullmatch(i) for i in ids):
        return None
    return (kind, *ids)


def to_query(state: UrlState) -> str:
    """Write ``state`` as a query string (with its "?", or "" for the default view).

    Values are sorted so one state has one URL; place ids are written as ids.

    Examples
    --------
    >>> to_query(UrlState(FilterState(sectors=frozenset({"culture"}), year_from=1980), "zh"))
    '?sector=culture&from=1980&lang=zh'
    """
    f = state.filters
    pairs = [
        *(("sector", s) for s in sorted(f.sectors)),
        *(("type", t) for t in sorted(f.types)),
        *([("level", f.level)] if f.level else []),
        *([("evidence", f.evidence)] if f.evidence else []),
        *([("from", str(f.year_from))] if f.year_from is not None else []),
        *([("to", str(f.year_to))] if f.year_to is not None else []),
        *(("place", p) for p in sorted(f.place)),
        *([("lang", state.lang)] if state.lang != "en" else []),
        *([("stack", state.stack)] if state.stack != STACKS[0] else []),
        *([("sort", "-" * state.sort[1] + state.sort[0])] if state.sort != DEFAULT_SORT else []),
        *([("select", ",".join(state.selection))] if state.selection else []),
    ]
    return "?" + urlencode(pairs) if pairs else ""


@dataclass(frozen=True)
class Controls:
    """The values of the dashboard's filter controls, as Dash gives and takes them."""

    sectors: list[str]
    types: list[str]
    level: str
    years: list[int]
    place: str
    lang: str
    evidence: str = ""


@dataclass(frozen=True)
class Panels:
    """How the page shows its view, as Dash gives and takes it.

    Attributes
    ----------
    stack
        The timeline's "stack by" value.
    sort
        The table's sort, ``{"column": ..., "descending": ...}``.
    selection
        The details panel's selection, e.g. ``["place", id]``, or None.
    """

    stack: Any
    sort: Any
    selection: Any

    def state(self) -> tuple[str, tuple[str, bool], tuple[str, ...] | None]:
        """The values as ``UrlState`` holds them; anything a page would not send is dropped."""
        stack = self.stack if self.stack in STACKS else STACKS[0]
        sort = self.sort if isinstance(self.sort, dict) else {}
        column = sort.get("column")
        valid = isinstance(column, str) and _COLUMN.fullmatch(column)
        order = (column, bool(sort.get("descending"))) if valid else DEFAULT_SORT
        chosen = self.selection
        if not (isinstance(chosen, list | tuple) and all(isinstance(i, str) for i in chosen)):
            return stack, order, None
        return stack, order, _selection(",".join(chosen))


def resolve_places(text: str | None, resolve_place: Resolver) -> tuple[frozenset[str], list[str]]:
    """Resolve the place search box: names separated by commas, each in English or Chinese.

    Returns
    -------
    tuple
        The locality ids found, and the names that matched nothing.
    """
    found, unmatched, _ = resolve_place_names(text, resolve_place)
    return found, unmatched


def resolve_place_names(
    text: str | None, resolve_place: Resolver
) -> tuple[frozenset[str], list[str], int]:
    """``resolve_places``, and how many names were not looked up (see ``_resolve_each``)."""
    names = [name.strip() for name in _PLACE_SEPARATORS.split(text or "") if name.strip()]
    return _resolve_each(list(dict.fromkeys(names)), resolve_place)


def _resolve_each(
    names: Sequence[str], resolve_place: Resolver
) -> tuple[frozenset[str], list[str], int]:
    """Resolve the first ``MAX_PLACE_NAMES`` names: the ids found, the names that matched
    nothing, and how many were not looked up (past the cap, or refused by the resolver's
    budget with a ``LookupError``)."""
    found: set[str] = set()
    unmatched: list[str] = []
    skipped = max(0, len(names) - MAX_PLACE_NAMES)
    for name in names[:MAX_PLACE_NAMES]:
        try:
            ids = resolve_place(name)
        except LookupError:
            skipped += 1
            continue
        found |= ids
        if not ids:
            unmatched.append(name)
    return frozenset(found), unmatched, skipped


def from_controls(
    sectors: Sequence[str] | None,
    types: Sequence[str] | None,
    level: str | None,
    years: Sequence[int] | None,
    place: frozenset[str],
    lang: str | None,
    year_bounds: tuple[int, int] | None,
    evidence: str | None = None,
) -> UrlState:
    """Build the state from the dashboard's controls.

    A year slider spanning the whole corpus means "no year filter", so undated records stay.

    Parameters
    ----------
    sectors, types
        The chosen slugs.
    level
        A ``LEVEL_GROUPS`` key, or ""/None for all levels.
    years
        The slider's [from, to]; anything but two four-digit years is ignored.
    place
        The locality ids of the place search (``resolve_places``).
    lang
        "en" or "zh".
    year_bounds
        The corpus's first and last year.
    evidence
        An ``EVIDENCE_GROUPS`` key, or ""/None for every record.
    """
    low, high = years if _four_digit_pair(years) else (None, None)
    first, last = year_bounds or (None, None)
    filters = FilterState(
        sectors=frozenset(sectors or ()),
        types=frozenset(types or ()),
        year_from=low if low != first else None,
        year_to=high if high != last else None,
        place=place,
        level=level or None,
        evidence=evidence or None,
    )
    return UrlState(filters, lang if lang in LANGUAGES else "en")


def slider_years(filters: FilterState, year_bounds: tuple[int, int] | None) -> list[int]:
    """The year slider's [from, to] for ``filters``: the corpus bounds where no year is set."""
    first, last = year_bounds or (0, 0)
    return [
        filters.year_from if filters.year_from is not None else first,
        filters.year_to if filters.year_to is not None else last,
    ]


def controls_from_query(
    query: str,
    year_bounds: tuple[int, int] | None,
    resolve_place: Resolver,
    place_label: Callable[[frozenset[str], str], str],
    unchanged: object = None,
) -> tuple[Any, ...]:
    """The controls' and panels' values for a URL, when the page opens at it.

    Parameters
    ----------
    query
        The URL's query string.
    year_bounds
        The corpus's first and last year.
    resolve_place
        Maps one place id or name to locality ids.
    place_label
        Writes locality ids as the search box shows them, in a language.
    unchanged
        What to return for a panel value the URL leaves as the page starts it (Dash's
        ``no_update``: the panel then draws once, not twice).

    Returns
    -------
    tuple
        Each control's value in ``Controls`` field order, then each in ``Panels`` order.
    """
    state = parse_query(query, resolve_place)
    panels = Panels(
        stack=state.stack if state.stack != STACKS[0] else unchanged,
        sort={"column": state.sort[0], "descending": state.sort[1]}
        if state.sort != DEFAULT_SORT
        else unchanged,
        selection=list(state.selection) if state.selection else unchanged,
    )
    values = Controls(
        sectors=sorted(state.filters.sectors),
        types=sorted(state.filters.types),
        level=state.filters.level or "",
        years=slider_years(state.filters, year_bounds),
        place=place_label(state.filters.place, state.lang),
        lang=state.lang,
        evidence=state.filters.evidence or "",
    )
    return (*astuple(values), panels.stack, panels.sort, panels.selection)


def state_from_controls(
    controls: Controls, year_bounds: tuple[int, int] | None, resolve_place: Resolver
) -> tuple[UrlState, list[str]]:
    """The state the controls show, and the names in the place box that matched nothing."""
    place, unmatched, skipped = resolve_place_names(controls.place, resolve_place)
    state = from_controls(
        controls.sectors,
        controls.types,
        controls.level,
        controls.years,
        place,
        controls.lang,
        year_bounds,
        controls.evidence,
    )
    return replace(state, skipped=skipped), unmatched


def query_from_controls(
    controls: Controls,
    panels: Panels,
    query: str,
    year_bounds: tuple[int, int] | None,
    resolve_place: Resolver,
) -> tuple[str, str]:
    """The URL query for the controls' and panels' values, and a notice naming what was ignored.

    Parameters
    ----------
    controls
        The controls' current values.
    panels
        The panels' current values.
    query
        The URL's query before this change: what it held that meant nothing (a mistyped link)
        is named in the notice.
    year_bounds
        The corpus's first and last year.
    resolve_place
        Maps one place id or name to locality ids; when it is ``Suggesting``, the notice says
        which places a name that matched nothing may mean.

    Returns
    -------
    tuple
        The new query, and a notice (text naming what was ignored, or "").
    """
    shown, unmatched = state_from_controls(controls, year_bounds, resolve_place)
    state = UrlState(shown.filters, shown.lang, *panels.state())
    opened = parse_query(query, resolve_place)
    places = list(unmatched)
    places += [v[6:] for v in opened.unknown if v.startswith("place=") and v[6:] not in places]
    unknown = [v for v in opened.unknown if not v.startswith("place=")]
    notice = _notice(unknown, state.lang, shown.skipped + opened.skipped)
    said = _no_such_places(places, state.lang, resolve_place)
    return to_query(state), " ".join(part for part in (said, notice) if part)


def _no_such_places(names: Sequence[str], lang: str, resolve_place: Resolver) -> str:
    """Say, for each name that matched no place, that none is so named, and which places the
    name may mean: "No place named “Zhengjang” — did you mean Zhenjiang, Zhejiang or Zhanjiang?"
    """
    sentences = []
    for name in names[:_NOTICE_NAMES]:
        near = (
            resolve_place.did_you_mean(name, lang) if isinstance(resolve_place, Suggesting) else []
        )
        if near:
            listed = near[-1]
            if len(near) > 1:
                listed = (
                    texts.ui("list_sep", lang).join(near[:-1]) + texts.ui("list_or", lang) + listed
                )
            sentences.append(texts.ui("place_did_you_mean", lang).format(name=name, places=listed))
        else:
            sentences.append(texts.ui("place_unknown", lang).format(name=name))
    if len(names) > _NOTICE_NAMES:
        sentences.append(texts.ui("more", lang).format(n=len(names) - _NOTICE_NAMES))
    return ("" if lang == "zh" else " ").join(sentences)


def _four_digit_pair(years: object) -> bool:
    """Whether ``years`` is a slider value: two four-digit years (a crafted request may not be)."""
    return (
        isinstance(years, list | tuple)
        and len(years) == 2
        and all(type(year) is int and 1000 <= year <= 9999 for year in years)
    )


#: How many ignored values a notice names; it counts the rest.
_NOTICE_NAMES = 10


def _notice(unknown: Sequence[str], lang: str, skipped: int = 0) -> str:
    parts = []
    if skipped:
        parts.append(texts.ui("notice_not_looked_up", lang).format(n=skipped, most=MAX_PLACE_NAMES))
    if unknown:
        named = texts.ui("list_sep", lang).join(unknown[:_NOTICE_NAMES])
        if len(unknown) > _NOTICE_NAMES:
            named += " " + texts.ui("more", lang).format(n=len(unknown) - _NOTICE_NAMES)
        parts.append(texts.ui("notice_ignored", lang).format(values=named))
    return " ".join(parts)


_KEYS = {
    "sector",
    "type",
    "level",
    "evidence",
    "from",
    "to",
    "place",
    "lang",
    "stack",
    "sort",
    "select",
}
