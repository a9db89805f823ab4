"""The map's text twin: the live region that says what the map now shows, and what is selected."""

from __future__ import annotations

from collections.abc import Sequence

from partnermap.data import texts
from partnermap.data.view import MapView
from partnermap.layers.text_twin import describe
from partnermap.page.details import selected_records


def twin(view: MapView, selection: Sequence[str] | None, lang: str) -> str:
    """Say in ``lang`` what the map of ``view`` shows, then what ``selection`` holds.

    Parameters
    ----------
    view
        The filtered view.
    selection
        ("place", id), ("pair", a, b), ("region", id) or ("regions", a, b), or None. A selection
        that names nothing kept in ``view`` is not mentioned.
    lang
        "en" or "zh".

    Returns
    -------
    str
        ``layers.text_twin.describe``'s sentences, then e.g. "Selected: Zhenjiang · 镇江, 2
        agreements."
    """
    sentences = [describe(view, lang)]
    chosen = tuple(selection) if selection else None
    records = selected_records(view, chosen)
    if chosen and records:
        name = " — ".join(_name(view, each, lang) for each in chosen[1:])
        sentences.append(
            texts.ui("twin_selected", lang).format(
                name=name, agreements=texts.agreements(len(records), lang)
            )
        )
    return ("" if lang == "zh" else " ").join(sentences)


def _name(view: MapView, place_id: str, lang: str) -> str:
    """A place's or a state's or province's name in ``lang``, or its id when neither."""
    if place_id in view.places.index:
        row = view.places.loc[place_id]
    else:
        regions = view.regions[view.regions["id"] == place_id]
        if regions.empty:
            return place_id
        row = regions.iloc[0]
    zh = row["name_zh"] if isinstance(row["name_zh"], str) else None
    return texts.name(row["name_en"], zh, lang)
