"""Every component id of the dashboard, shared by the layout, the callbacks and the tests."""

from __future__ import annotations

# Stable hooks for tests and links.
MAP = "map"
TIMELINE = "timeline"
FILTER_SECTOR = "filter-sector"
FILTER_TYPE = "filter-type"
FILTER_LEVEL = "filter-level"
FILTER_EVIDENCE = "filter-evidence"
FILTER_YEARS = "filter-years"
#: Year playback: the play button, what each step shows, and the clock that steps it.
PLAY = "play"
PLAY_MODE = "play-mode"
PLAY_CLOCK = "play-clock"
PLACE_SEARCH = "place-search"
DETAILS = "details"
DATA_TABLE = "data-table"
#: The property of DATA_TABLE holding the table as JSON (page/table.py; drawn by assets/table.js).
TABLE_JSON = "data-places"
SUMMARY = "summary"
#: The page's title: the dataset's own, or the catalogue's neutral one.
TITLE = "text-title"
#: The dataset's own summary line, in the About panel (``partnermap.data.dataset``).
DATASET_SUMMARY = "dataset-summary"
#: The map's text twin: a live region saying what the map shows (``layers.text_twin``).
MAP_TEXT = "map-text"
LANG_TOGGLE = "lang-toggle"
EXPORT_MENU = "export-menu"
ABOUT = "about"
ABOUT_TOTALS = "about-totals"
MAP_LEGEND = "map-legend"
PLACE_SUGGESTIONS_BOX = "place-suggestions-box"
#: The list and status line of the suggestions, as ``assets/suggest.js`` finds them.
PLACE_SUGGESTIONS = "place-suggestions"
PLACE_SUGGESTIONS_STATUS = "place-suggestions-status"
NATIONAL = "national"

# Internal.
URL = "url"
PLACE_MESSAGE = "place-message"
TIMELINE_FACET = "timeline-facet"
SELECTION = "selection"
MAP_ANSWERED = "map-answered"
#: The map's extent after a person zooms or pans it (``partnermap.layers.detail.in_view``).
MAP_EXTENT = "map-extent"
#: The map's width and height in pixels as the page lays it out: a phone's map gets a tall frame.
MAP_BOX = "map-box"
TABLE_SORT = "table-sort"
EXPORT_SUMMARY = "export-summary"
EXPORT_BODY = "export-body"
EXPORT_TITLE = "export-title"
EXPORT_SIZE = "export-size"
EXPORT_NOTES = "export-notes"
EXPORT_SOURCES = "export-sources"
EXPORT_PRINT = "export-print"
EXPORT_LAYERS = "export-layers"
EXPORT_DOWNLOAD = "export-download"
EXPORT_STATUS = "export-status"
#: Pattern-matching id type of the format buttons: ``{"type": EXPORT_FORMAT_BUTTON, "format": "png"}``.
EXPORT_FORMAT_BUTTON = "export-format"

#: The controls whose values make the view, in ``partnermap.data.urlstate.Controls`` order.
CONTROLS = (
    (FILTER_SECTOR, "value"),
    (FILTER_TYPE, "value"),
    (FILTER_LEVEL, "value"),
    (FILTER_YEARS, "value"),
    (PLACE_SEARCH, "value"),
    (LANG_TOGGLE, "value"),
    (FILTER_EVIDENCE, "value"),
)
#: How the panels show the view, in ``partnermap.data.urlstate.Panels`` order: also in the URL.
PANELS = ((TIMELINE_FACET, "value"), (TABLE_SORT, "data"), (SELECTION, "data"))


def text(key: str) -> str:
    """The id of the element showing interface text ``key`` (a key of ``partnermap.data.texts``)."""
    return f"text-{key.replace('_', '-')}"
