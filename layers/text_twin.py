"""The map in words: what a view draws, as sentences a screen reader speaks or an export carries.

The dashboard's live region (``callbacks.describe``) and the image exports' titles and
descriptions (``exports.accessible``) say the same thing, from the same view and selection.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from partnermap.data import texts
from partnermap.data.view import MapView, selected_records
from partnermap.layers.figure import drawn_note

#: How many of the places with most agreements the description names.
BUSIEST = 3


def describe(view: MapView, lang: str, selection: Sequence[str] | None = None) -> str:
    """Say what the map of ``view`` shows, in ``lang``, then what ``selection`` holds.

    The agreements kept, the places drawn by country and the links joining them, the years, the
    places with most agreements, the events drawn at their venues, the national agreements left
    off the map, what the map leaves out when it draws only the busiest, and the selection with
    its agreements ("Selected: Zhenjiang, 2 agreements.").

    Parameters
    ----------
    view
        The filtered view.
    lang
        "en" or "zh".
    selection
        ("place", id), ("pair", a, b), ("region", id), ("regions", a, b) or ("countries", a,
        b), or None. A selection that names nothing kept in ``view`` is not mentioned.

    Returns
    -------
    str
        One or more sentences, every word from ``data/texts.yaml``.

    Examples
    --------
    A view that keeps nothing says so: ``describe(empty_view, "en")`` returns
    "The map shows nothing: no agreement matches these filters."
    """
    if not view.records:
        return texts.ui("twin_nothing", lang)
    drawn = view.points[~view.points["national"]]
    sentences = [
        texts.ui("twin_counts", lang).format(
            agreements=texts.agreements(len(view.records), lang),
            places=texts.places(len(drawn), lang),
            by_country=texts.by_country(drawn["country"], lang),
            links=_links(len(view.arcs), lang),
        )
    ]
    if view.years:
        first, last = view.years
        years = str(first) if first == last else f"{first}–{last}"
        sentences.append(texts.ui("twin_years", lang).format(years=years))
    if len(drawn):
        sentences.append(texts.ui("twin_busiest", lang).format(places=_busiest(drawn, lang)))
    if len(view.hubs):
        sentences.append(texts.ui("twin_hubs", lang).format(n=len(view.hubs)))
    if view.national:
        sentences.append(texts.ui("twin_national", lang).format(n=len(view.national)))
    note = drawn_note(view, lang)
    if note:
        sentences.append(texts.ui("twin_drawn", lang).format(note=note))
    chosen = selected_records(view, selection)
    if selection and chosen:
        sentences.append(
            texts.ui("twin_selected", lang).format(
                name=" — ".join(_name(view, node, lang) for node in selection[1:]),
                agreements=texts.agreements(len(chosen), lang),
            )
        )
    return _join(sentences, lang)


def _name(view: MapView, node: str, lang: str) -> str:
    """A place's or a state's or province's name in ``lang``, or its id when neither."""
    if node in view.places.index:
        row = view.places.loc[node]
    else:
        regions = view.regions[view.regions["id"] == node]
        if regions.empty:
            return node
        row = regions.iloc[0]
    zh = row["name_zh"] if isinstance(row["name_zh"], str) else None
    return texts.name(row["name_en"], zh, lang)


def _links(count: int, lang: str) -> str:
    return texts.ui("links_one" if count == 1 else "links_other", lang).format(n=count)


def _busiest(drawn: pd.DataFrame, lang: str) -> str:
    """The ``BUSIEST`` places with most agreements (ties by name), with their counts."""
    names = [
        texts.name(en, zh, lang)
        for en, zh in zip(
            drawn["name_en"].tolist(), drawn["name_zh"].fillna("").tolist(), strict=True
        )
    ]
    top = drawn.assign(label=names).sort_values(
        ["count", "label"], ascending=[False, True], kind="stable"
    )
    return texts.ui("list_sep", lang).join(
        texts.ui("twin_place_count", lang).format(
            name=row.label, count=texts.agreements(int(row.count), lang)
        )
        for row in top.head(BUSIEST).itertuples(index=False)
    )


def _join(sentences: list[str], lang: str) -> str:
    # Chinese full stops need no space after them; English ones do.
    return ("" if lang == "zh" else " ").join(sentences)
