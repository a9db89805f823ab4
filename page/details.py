"""Details panel: the agreements behind a clicked place or arc, with their sources and quotes.

Record text reaches the page as Dash children (plain strings), so the browser shows it as text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from dash import html

from partnermap.data import texts
from partnermap.data.citations import cite
from partnermap.data.evidence import evidence_level
from partnermap.data.schema import Record, Source
from partnermap.data.view import MapView, node_name, selected_records

#: Where the app serves the source documents, relative to the page.
SOURCES_PATH = "sources/"

Selection = tuple[str, ...]

#: Agreements listed at most: a hub twinned with hundreds of towns would otherwise put thousands
#: of components on the page, and the Dash renderer slows with their square. The heading gives
#: the full count and says how many are listed.
MAX_LISTED = 50


def selection_from_click(click: Mapping[str, Any] | None) -> Selection | None:
    """What a map click points at: ("place", id), ("pair", a, b), ("region", id), ("regions",
    a, b) (an arc joining two first-level divisions), ("countries", a, b) (one joining two
    countries), or None.

    Examples
    --------
    >>> selection_from_click({"points": [{"customdata": ["place", "US-CA"]}]})
    ('place', 'US-CA')
    """
    points = (click or {}).get("points") or [{}]
    data = points[0].get("customdata")
    return tuple(data) if isinstance(data, list) and data and data[0] in _KINDS else None


def panel(
    view: MapView, selection: Sequence[str] | None, lang: str, drafts: frozenset[str] = frozenset()
) -> list[Any]:
    """The details panel's children for ``selection`` in ``view``.

    Parameters
    ----------
    view
        The filtered view: only kept records are listed.
    selection
        ("place", id) or ("pair", a, b). Without one, the records of the place filter are
        listed; with neither, or when nothing is kept, a hint.
    lang
        "en" or "zh".
    drafts
        Ids of records that are drafts awaiting review: they are marked as such.
    """
    chosen = tuple(selection) if selection else None
    if chosen:
        records = selected_records(view, chosen)
        names = chosen[1:]
    else:
        records = list(view.records) if view.state.place else []
        names = tuple(sorted(view.state.place))
    if not records:  # also for a selection a link names but this corpus does not have
        return [html.P(texts.ui("details_hint", lang), className="hint")]
    title = (" — " if chosen else ", ").join(node_name(view, pid, lang) for pid in names)
    heading = f"{title}: {texts.agreements(len(records), lang)}"
    if len(records) > MAX_LISTED:
        heading += texts.ui("details_shown", lang).format(n=MAX_LISTED)
    return [
        html.H3(heading),
        html.Ol(
            [
                html.Li(_record(record, lang, record.id in drafts))
                for record in records[:MAX_LISTED]
            ],
            className="records",
        ),
    ]


def _record(record: Record, lang: str, draft: bool = False) -> html.Article:
    title = record.title_zh if lang == "zh" and record.title_zh else record.title
    sectors = ", ".join(texts.sector(s, lang) for s in record.sectors)
    badge = [html.P(texts.ui("draft", lang), className="draft-badge")] if draft else []
    level = evidence_level(record)
    return html.Article(
        [
            *badge,
            html.H4(title),
            html.P(
                [
                    html.Span(record.date or texts.ui("undated", lang), className="date"),
                    " · ",
                    texts.agreement_type(record.type, lang),
                    " · ",
                    sectors,
                ],
                className="meta",
            ),
            html.P(texts.evidence(level, lang), className=f"evidence evidence-{level}"),
            *([html.P(record.date_note, className="date-note")] if record.date_note else []),
            html.P([html.Strong(texts.ui("parties", lang) + ": "), "; ".join(record.parties)]),
            *_status(record, lang),
            html.P(record.summary, className="summary-text"),
            *_caveat(record, lang),
            *[_source(source, lang) for source in record.sources],
            *_related(record, lang),
        ],
        className="record draft" if draft else "record",
    )


def _status(record: Record, lang: str) -> list[html.P]:
    if record.status == "unknown":
        return []
    until = f" ({record.end_date})" if record.end_date else ""
    text = texts.status(record.status, lang) + until
    return [html.P([html.Strong(texts.ui("status", lang) + ": "), text], className="status")]


def _caveat(record: Record, lang: str) -> list[html.P]:
    """A low-confidence flag, or a plain note, with what the sources say."""
    if record.confidence == "low":
        flag = html.Strong(texts.ui("low_confidence", lang) + ": ")
        return [html.P([flag, record.note or ""], className="flag-low", role="note")]
    if record.note:
        return [html.P([html.Strong(texts.ui("note", lang) + ": "), record.note], className="note")]
    return []


def _related(record: Record, lang: str) -> list[html.P]:
    if not record.related:
        return []
    return [html.P([html.Strong(texts.ui("related", lang) + ": "), ", ".join(record.related)])]


def _source(source: Source, lang: str) -> html.Figure:
    """The quote, then its source cited by name ("Publisher — Title (date)", as the exports
    cite it), linked to the document's lines or to the page."""
    citation = cite(source)
    if source.document:
        where = [
            html.A(
                str(citation),
                href=SOURCES_PATH + quote(source.document),
                target="_blank",
                rel="noopener",
            ),
            f", {texts.ui('lines', lang)} {source.lines}",
        ]
    else:
        where = [
            f"{citation.publisher} — ",
            html.A(source.url, href=source.url, target="_blank", rel="noopener noreferrer"),
            f" ({texts.ui('accessed', lang)} {source.accessed})",
        ]
    return html.Figure(
        [
            html.Blockquote(source.quote, className="quote"),
            html.Figcaption([texts.ui("source", lang) + ": ", *where]),
        ],
        className="source",
    )


_KINDS = {"place", "pair", "region", "regions", "countries"}
