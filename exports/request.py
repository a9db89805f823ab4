"""What an export is asked for: format, filters, selection, language, title, page size and map
extent."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import TYPE_CHECKING, Any

from partnermap.data import texts
from partnermap.data.filters import FilterState
from partnermap.data.schema import Locality
from partnermap.data.texts import LANGUAGES
from partnermap.data.urlstate import SELECTION_KINDS

if TYPE_CHECKING:  # pandas and the view load with the export, not with the command line
    import pandas as pd

    from partnermap.data.view import CorpusIndex

#: Every export format, and the file suffix and media type of each.
FORMATS: dict[str, tuple[str, str]] = {
    "png": (".png", "image/png"),
    "pdf": (".pdf", "application/pdf"),
    "svg": (".svg", "image/svg+xml"),
    "html": (".html", "text/html"),
    "geojson": (".geojson", "application/geo+json"),
    "csv": (".csv", "text/csv"),
}

#: The formats drawn as a composed briefing figure through kaleido.
IMAGE_FORMATS = ("png", "pdf", "svg")

#: Page sizes in CSS pixels (96 per inch): a 16:9 slide, A4 and US letter in landscape.
SIZES: dict[str, tuple[int, int]] = {
    "slide": (1280, 720),
    "a4": (1123, 794),
    "letter": (1056, 816),
}


#: PNG pixels per CSS pixel unless asked otherwise: sharp on slides and retina screens.
DEFAULT_SCALE = 2.0
#: The map layers an image export may leave out.
LAYER_TOGGLES = ("labels", "links", "shading", "legend")
#: Print resolution: PNG dots per inch for an A4 or letter page (CSS has 96 pixels per inch).
PRINT_DPI = 300

_MAX_PLACES_LISTED = 40


@dataclass(frozen=True)
class ExportRequest:
    """One export, described independently of where it was asked for.

    Attributes
    ----------
    format
        One of ``FORMATS``.
    state
        The filters of the view being exported.
    lang
        Interface language of labels and legend, "en" or "zh".
    title
        The figure title; None for the default built from the filters.
    size
        One of ``SIZES`` (image formats only).
    scale
        Pixels per CSS pixel of a PNG.
    notes
        Words of the person's own, printed under the counts (image formats).
    sources_text
        Their own source line; replaces the listed sources beside the map (the PDF's page of
        every source stays).
    dpi
        PNG dots per inch (``PRINT_DPI`` for print), overriding ``scale``; None for ``scale``.
    hide
        Map layers to leave out of an image, from ``LAYER_TOGGLES``.
    geo
        The extent of the map as the viewer left it: a plotly ``layout.geo`` fragment
        (center, projection scale, axis ranges), and the ``uirevision`` it was left under when
        known. Empty means "fit the shown places"; so does a zoom left under another
        ``uirevision`` (made before the selection or the place filter last changed).
    selection
        The selection to draw whole, as ``partnermap.data.urlstate.UrlState.selection``: e.g.
        ("place", id) or ("countries", a, b); None for none.
    """

    format: str
    state: FilterState = field(default_factory=FilterState)
    lang: str = "en"
    title: str | None = None
    size: str = "slide"
    scale: float = DEFAULT_SCALE
    geo: Mapping[str, Any] = field(default_factory=dict)
    notes: str = ""
    sources_text: str = ""
    dpi: int | None = None
    hide: frozenset[str] = frozenset()
    selection: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        _check_choice("format", self.format, FORMATS)
        _check_choice("language", self.lang, LANGUAGES)
        _check_choice("size", self.size, SIZES)
        if not 0.1 <= self.scale <= 8:
            raise ValueError(f"scale {self.scale} is out of range (0.1-8)")
        if self.dpi is not None and not 72 <= self.dpi <= 600:
            raise ValueError(f"dpi {self.dpi} is out of range (72-600)")
        for layer in sorted(self.hide):
            _check_choice("layer", layer, LAYER_TOGGLES)
        if self.selection is not None:
            kind, *ids = self.selection or ("",)
            _check_choice("selection", kind, SELECTION_KINDS)
            if len(ids) != SELECTION_KINDS[kind]:
                raise ValueError(f"a {kind} selection names {SELECTION_KINDS[kind]} id(s)")

    @property
    def png_scale(self) -> float:
        """PNG pixels per CSS pixel: ``dpi`` / 96 when asked for, else ``scale``."""
        return self.dpi / 96 if self.dpi else self.scale

    @property
    def pixels(self) -> tuple[int, int]:
        """Width and height of the page in CSS pixels."""
        return SIZES[self.size]

    @property
    def suffix(self) -> str:
        """The file name suffix of the format, with its dot."""
        return FORMATS[self.format][0]

    @property
    def media_type(self) -> str:
        """The MIME type of the format."""
        return FORMATS[self.format][1]


def filter_state(
    localities: Mapping[str, Locality],
    sectors: Iterable[str] = (),
    types: Iterable[str] = (),
    year_from: int | None = None,
    year_to: int | None = None,
    place: str | None = None,
    evidence: str | None = None,
) -> FilterState:
    """Build the filter state of an export from raw values, naming the valid ones on a mistake.

    Parameters
    ----------
    localities
        The known localities, by id, to resolve ``place`` against.
    sectors, types
        Sector and type slugs.
    year_from, year_to
        Closed year range; None leaves a side open.
    place
        A locality id, or the start of an English or Chinese place name.
    evidence
        "quoted" or "listed" (``partnermap.data.filters.EVIDENCE_GROUPS``); None for all.

    Returns
    -------
    FilterState

    Raises
    ------
    ValueError
        For an unknown sector or type (the message lists the valid slugs), an empty year range,
        or a place that names no known locality (the message lists some that do).
    """
    from partnermap.data.place_search import place_ids  # the geocoder loads only for a place filter

    ids: frozenset[str] = frozenset()
    if place:
        ids = place_ids(place, localities)
        if not ids:
            raise ValueError(
                f"no place matches {place!r}; valid: {_place_names(place, localities)}"
            )
    return FilterState(
        sectors=frozenset(sectors),
        types=frozenset(types),
        year_from=year_from,
        year_to=year_to,
        place=ids,
        evidence=evidence,
    )


def check_selection(selection: tuple[str, ...] | None, index: CorpusIndex) -> None:
    """Refuse a selection that names an id the data does not have.

    Parameters
    ----------
    selection
        As ``ExportRequest.selection``; None passes.
    index
        The corpus arrays: places are ``index.places``, divisions and countries the other
        ``index.nodes`` (``country:CC`` for a country).

    Raises
    ------
    ValueError
        Naming the first unknown id and suggesting the known ids of its kind whose id or name
        is spelled most like it, if any.
    """
    if selection is None:
        return
    kind, *ids = selection
    known = _selectable(kind, index)
    for typed in ids:
        if typed not in known.index:
            raise ValueError(
                f"{typed!r} is not a known id for a {kind!r} selection; {_suggested(typed, known)}"
            )


def _selectable(kind: str, index: CorpusIndex) -> pd.DataFrame:
    """The ``index.nodes`` a selection of ``kind`` may name: places for a place or a pair, else
    the divisions or the countries that come after them."""
    places = len(index.places)
    if kind in ("place", "pair"):
        return index.nodes.iloc[:places]
    rest = index.nodes.iloc[places:]
    country = rest.index.str.startswith("country:")
    return rest[country] if kind == "countries" else rest[~country]


def _suggested(typed: str, known: pd.DataFrame) -> str:
    """ "did you mean ..." with the known ids most like ``typed``, by id (also without its
    prefix: "CN" for "country:CN") or by name (``place_search.did_you_mean``)."""
    from partnermap.data.place_search import SUGGESTED, did_you_mean

    ids = list(dict.fromkeys(known.index))
    bare = [i for i in ids if i.rsplit(":", 1)[-1].casefold() == typed.casefold()]
    spelled = get_close_matches(typed, ids, n=SUGGESTED, cutoff=0.6)
    named = did_you_mean(typed, {row.Index: row for row in known.itertuples()})
    found = list(dict.fromkeys([*bare, *spelled, *named]))[:SUGGESTED]
    if not found:
        return "no known id or name is spelled like it"
    listed = ", ".join(
        f"{i} ({texts.bilingual(known.at[i, 'name_en'], known.at[i, 'name_zh'])})" for i in found
    )
    return f"did you mean {listed}?"


def _place_names(typed: str, localities: Mapping[str, Locality]) -> str:
    """Known place names for an error message: the closest to ``typed`` first, then A to Z."""
    names = sorted({loc.name_en for loc in localities.values()})
    close = get_close_matches(typed, names, n=5, cutoff=0.5)
    shown = list(dict.fromkeys([*close, *names]))[:_MAX_PLACES_LISTED]
    more = len(names) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "") + " (or a locality id)"


def _check_choice(what: str, value: str, valid: Iterable[str]) -> None:
    if value not in valid:
        raise ValueError(f"unknown {what} {value!r}; valid: {', '.join(valid)}")


def extent_of(report: Mapping[str, Any] | None) -> dict[str, Any]:
    """The map extent a person left, as the page reports it after a zoom or a pan (the
    ``map-extent`` store: ``lon``, ``lat``, ``scale`` and the ``uirevision`` it was made under),
    as a ``layout.geo`` fragment that keeps that ``uirevision``.

    Examples
    --------
    >>> extent_of({"lon": 120.0, "lat": 30.0, "scale": 4, "revision": "home"})
    {'center': {'lon': 120.0, 'lat': 30.0}, 'projection': {'scale': 4}, 'uirevision': 'home'}
    >>> extent_of(None)
    {}
    """
    if not report:
        return {}
    return {
        "center": {"lon": report.get("lon"), "lat": report.get("lat")},
        "projection": {"scale": report.get("scale")},
        "uirevision": str(report.get("revision", "")),
    }
