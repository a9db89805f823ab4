"""The page: one small builder per panel, and every piece of interface text per language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go
from dash import dcc, html

from partnermap.data import texts
from partnermap.data.context import ContextTotal, context_totals
from partnermap.data.dataset import Dataset
from partnermap.data.view import MapView
from partnermap.data.vocabulary import SECTORS, TYPES
from partnermap.page import export_menu, ids, legend, playback, table

#: Interface text shown as an element's children, by ``partnermap.data.texts`` key.
TEXT_KEYS = (
    "filters",
    "sector",
    "type",
    "level",
    "evidence",
    "years",
    *playback.LABEL_KEYS,
    "place",
    "map_title",
    "timeline_title",
    "timeline_hint",
    "stack_by",
    "details",
    "export",
    "language",
    "about",
    "about_text",
)
LANG_OPTIONS = [
    {"label": texts.ui("language_name", lang), "value": lang} for lang in texts.LANGUAGES
]
#: Graph options: the basemap comes from the app itself, never from plotly's CDN.
MAP_CONFIG = {
    "topojsonURL": "basemap/",
    "displaylogo": False,
    "scrollZoom": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "toImage"],
}


def page(
    map_figure: go.Figure,
    timeline_figure: go.Figure,
    year_bounds: tuple[int, int] | None,
    dataset: Dataset | None = None,
    everything: MapView | None = None,
) -> html.Div:
    """The whole page, in English; the URL then sets the filters and language.

    ``dataset`` gives the header its title (the catalogue's neutral one without a dataset)
    and the About panel its summary line; ``everything``, the unfiltered view, gives the
    legend its countries.
    """
    described = dataset or Dataset()
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.SELECTION),
            dcc.Store(id=ids.MAP_ANSWERED),
            dcc.Store(id=ids.MAP_EXTENT),
            dcc.Store(id=ids.MAP_BOX),
            dcc.Store(id=ids.TABLE_SORT, data=table.DEFAULT_SORT),
            header(described),
            html.Div(
                [
                    filter_panel(year_bounds),
                    html.Main(
                        [map_panel(map_figure, everything), timeline_panel(timeline_figure)],
                        className="main",
                    ),
                    details_panel(),
                ],
                className="grid",
            ),
            html.Section(
                html.Div(id=ids.DATA_TABLE, className="table-wrap"),
                className="table-panel",
                **{"aria-label": texts.ui("table_title", "en")},
            ),
            about_panel(context_totals(), described),
        ],
        className="page",
    )


def about_panel(totals: Sequence[ContextTotal], dataset: Dataset) -> html.Details:
    """What the data is: the dataset's own summary line (kept out of the header, which must
    leave a laptop's screen to the map), then what the map is a subset of: the nationwide
    totals, each with its source."""
    return html.Details(
        [
            html.Summary(_text("about")),
            html.P(dataset.summary("en"), id=ids.DATASET_SUMMARY, className="dataset-summary"),
            html.P(_text("about_text")),
            html.Ul(about_items(totals, "en"), id=ids.ABOUT_TOTALS),
        ],
        id=ids.ABOUT,
        className="about-panel",
    )


def about_items(totals: Sequence[ContextTotal], lang: str) -> list[html.Li]:
    """One line per nationwide total, its detail in ``lang`` where the data gives one."""
    items = []
    for total in totals:
        detail = (total.detail_zh if lang == "zh" else None) or total.detail
        items.append(
            html.Li(
                f"{total.year}: {total.pairs}"
                + (f" ({detail})" if detail else "")
                + f" — {total.source}"
            )
        )
    return items


def header(dataset: Dataset) -> html.Header:
    """The dataset's title, the view's summary line, language toggle and export menu."""
    return html.Header(
        [
            html.H1(dataset.title("en"), id=ids.TITLE),
            html.P(id=ids.SUMMARY),
            html.Div(
                [
                    html.Div(
                        [
                            html.Label(
                                _text("language"),
                                htmlFor=ids.LANG_TOGGLE,
                                className="visually-hidden",
                            ),
                            dcc.RadioItems(
                                id=ids.LANG_TOGGLE,
                                options=LANG_OPTIONS,
                                value="en",
                                inline=True,
                                className="lang-toggle",
                            ),
                        ]
                    ),
                    export_menu.menu(),
                ],
                className="header-tools",
            ),
        ],
        className="header",
    )


def filter_panel(year_bounds: tuple[int, int] | None) -> html.Aside:
    """Sector, type, level, evidence, years and place controls."""
    first, last = year_bounds or (2000, 2001)
    texts = translations("en")
    return html.Aside(
        [
            html.H2(_text("filters")),
            _field(
                "sector",
                dcc.Dropdown(
                    id=ids.FILTER_SECTOR,
                    multi=True,
                    value=[],
                    options=texts[ids.FILTER_SECTOR, "options"],
                    placeholder=texts[ids.FILTER_SECTOR, "placeholder"],
                ),
            ),
            _field(
                "type",
                dcc.Dropdown(
                    id=ids.FILTER_TYPE,
                    multi=True,
                    value=[],
                    options=texts[ids.FILTER_TYPE, "options"],
                    placeholder=texts[ids.FILTER_TYPE, "placeholder"],
                ),
            ),
            _field(
                "level",
                dcc.RadioItems(
                    id=ids.FILTER_LEVEL, value="", options=texts[ids.FILTER_LEVEL, "options"]
                ),
            ),
            _field(
                "evidence",
                dcc.RadioItems(
                    id=ids.FILTER_EVIDENCE,
                    value="",
                    options=texts[ids.FILTER_EVIDENCE, "options"],
                ),
            ),
            _field(
                "years",
                dcc.RangeSlider(
                    id=ids.FILTER_YEARS,
                    min=first,
                    max=last,
                    step=1,
                    value=[first, last],
                    marks=_year_marks(first, last),
                    tooltip={"placement": "bottom", "always_visible": False},
                    updatemode="mouseup",
                ),
                playback.controls(),
            ),
            _field(
                "place",
                dcc.Input(
                    id=ids.PLACE_SEARCH,
                    type="search",
                    debounce=True,
                    value="",
                    placeholder=texts[ids.PLACE_SEARCH, "placeholder"],
                    autoComplete="off",
                ),
                html.Div(id=ids.PLACE_SUGGESTIONS_BOX),
                html.P(
                    id=ids.PLACE_SUGGESTIONS_STATUS,
                    className="message",
                    **{"aria-live": "polite"},
                ),
                html.P(id=ids.PLACE_MESSAGE, className="message", role="status"),
            ),
        ],
        className="filters",
        **{"aria-labelledby": ids.text("filters")},
    )


def map_panel(figure: go.Figure, everything: MapView | None = None) -> html.Section:
    """The map, and its legend (its places' countries those of ``everything``)."""
    return html.Section(
        [
            html.H2(_text("map_title"), className="visually-hidden"),
            dcc.Graph(
                id=ids.MAP, figure=figure, config=MAP_CONFIG, className="map", responsive=True
            ),
            html.P(
                id=ids.MAP_TEXT,
                role="status",
                className="visually-hidden",
                **{"aria-live": "polite", "aria-atomic": "true"},
            ),
            html.Ul(legend.items("en", everything), id=ids.MAP_LEGEND, className="map-legend"),
            html.Div(id=ids.NATIONAL, className="national-panel"),
        ],
        className="map-panel",
    )


def timeline_panel(figure: go.Figure) -> html.Section:
    """The timeline with its stack-by choice."""
    return html.Section(
        [
            html.Div(
                [
                    html.H2(_text("timeline_title")),
                    html.Label(_text("stack_by"), htmlFor=ids.TIMELINE_FACET, className="label"),
                    dcc.RadioItems(
                        id=ids.TIMELINE_FACET,
                        value="sector",
                        inline=True,
                        options=translations("en")[ids.TIMELINE_FACET, "options"],
                    ),
                ],
                className="timeline-head",
            ),
            dcc.Graph(
                id=ids.TIMELINE,
                figure=figure,
                config={"displaylogo": False, "displayModeBar": False},
                className="timeline",
                responsive=True,
            ),
            html.P(_text("timeline_hint"), className="hint"),
        ],
        className="timeline-panel",
    )


def details_panel() -> html.Aside:
    """Where a clicked place's or arc's agreements are listed."""
    return html.Aside(
        [html.H2(_text("details")), html.Div(id=ids.DETAILS, tabIndex="-1")],
        className="details-panel",
        **{"aria-labelledby": ids.text("details")},
    )


def translated_props() -> list[tuple[str, str]]:
    """Every (component id, property) that changes with the interface language."""
    return list(translations("en"))


def translations(
    lang: str, dataset: Dataset | None = None, everything: MapView | None = None
) -> dict[tuple[str, str], Any]:
    """The value of every translated (component id, property) in ``lang``; the header's
    title and summary line are ``dataset``'s, the legend's countries ``everything``'s."""
    described = dataset or Dataset()
    return {
        **{(ids.text(key), "children"): texts.ui(key, lang) for key in TEXT_KEYS},
        (ids.TITLE, "children"): described.title(lang),
        (ids.DATASET_SUMMARY, "children"): described.summary(lang),
        (ids.FILTER_SECTOR, "options"): _options(SECTORS, lang),
        (ids.FILTER_SECTOR, "placeholder"): texts.ui("sector_any", lang),
        (ids.FILTER_TYPE, "options"): _options(TYPES, lang),
        (ids.FILTER_TYPE, "placeholder"): texts.ui("type_any", lang),
        (ids.FILTER_LEVEL, "options"): [
            {"label": texts.ui("level_all", lang), "value": ""},
            {"label": texts.ui("level_city", lang), "value": "city"},
            {"label": texts.ui("level_province", lang), "value": "province"},
        ],
        (ids.FILTER_EVIDENCE, "options"): [
            {"label": texts.ui("evidence_all", lang), "value": ""},
            {"label": texts.ui("evidence_quoted", lang), "value": "quoted"},
            {"label": texts.ui("evidence_listed", lang), "value": "listed"},
        ],
        (ids.PLAY_MODE, "options"): playback.mode_options(lang),
        (ids.TIMELINE_FACET, "options"): [
            {"label": texts.ui("sector", lang), "value": "sector"},
            {"label": texts.ui("type", lang), "value": "type"},
        ],
        (ids.PLACE_SEARCH, "placeholder"): texts.ui("place_hint", lang),
        (ids.ABOUT_TOTALS, "children"): about_items(context_totals(), lang),
        (ids.MAP_LEGEND, "children"): legend.items(lang, everything),
    }


def _text(key: str) -> html.Span:
    return html.Span(texts.ui(key, "en"), id=ids.text(key))


def _field(key: str, *controls: Any) -> html.Div:
    return html.Div([html.Label(_text(key), htmlFor=controls[0].id), *controls], className="field")


def _options(table_: dict, lang: str) -> list[dict[str, str]]:
    return [{"label": term.label(lang), "value": slug} for slug, term in table_.items()]


#: Steps between the years marked under the slider, finest first.
_MARK_STEPS = (5, 10, 20, 25, 50, 100)
#: The most steps the slider's span may hold: four-digit labels stand apart on the filter
#: panel's width (about 225 px) up to about four and a half of them.
_MAX_MARK_STEPS = 4.5


def _year_marks(first: int, last: int) -> dict[int, str]:
    step = next((s for s in _MARK_STEPS if (last - first) / s <= _MAX_MARK_STEPS), 100)
    # Leave room round the end labels so neighbouring marks do not overlap.
    inner = range(first - first % step + step, last - step // 2, step)
    marks = {year: str(year) for year in inner if year - first > step // 2}
    return {first: str(first), **marks, last: str(last)}
