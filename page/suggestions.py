"""Place suggestions: every place of the view under the search box, EN and 中文, with counts.

The places travel as one JSON attribute of the list (``data-places``), not as a component
each: a world registry has tens of thousands of places, and the Dash renderer slows with the
square of the components on the page (a list of 3,000 buttons held a 1,500-record page for 80 s).
``assets/suggest.js`` shows the ones that match what is being typed (a prefix of any of their
names, old names included, or one letter off) as buttons, and says in words when none does,
naming the nearest. Each suggestion is a button carrying the name the search box receives.
"""

from __future__ import annotations

import json
from collections import defaultdict

from dash import html

from partnermap.data import texts
from partnermap.data.place_names import historical_names, key
from partnermap.data.view import MapView
from partnermap.page import ids


def box(view: MapView, lang: str) -> html.Ul:
    """The suggestions list: empty until something is typed, its places in ``data-places``."""
    return html.Ul(
        [],
        id=ids.PLACE_SUGGESTIONS,
        className="suggestions",
        **{
            "aria-label": texts.ui("suggestions_label", lang),
            "data-places": json.dumps(entries(view, lang), ensure_ascii=False),
        },
        **messages(lang),
    )


def entries(view: MapView, lang: str) -> list[tuple[str, str, str]]:
    """One suggestion per place below country level, busiest first.

    Each is (label, value, keys): the label reads e.g. "Zhenjiang · 镇江 — 9 agreements", the
    value is the English name (what the search reads), and the keys are every name it answers
    to, compared as ``place_names.key`` does, separated by spaces.
    """
    old = defaultdict(list)
    for historical, current in historical_names().items():
        old[key(current)].append(historical)
    places = view.points[~view.points["national"]]
    return [
        (
            f"{texts.bilingual(row.name_en, row.name_zh, lang)} — "
            f"{texts.agreements(int(row.count), lang)}",
            row.name_en,
            " ".join(
                key(name)
                for name in (row.name_en, row.name_zh, *old[key(row.name_en)])
                if isinstance(name, str) and name
            ),
        )
        for row in places.itertuples()
    ]


def messages(lang: str) -> dict[str, str]:
    """The words the suggestions list says itself, as ``data-*`` attributes of the list."""
    return {
        "data-no-match": texts.ui("suggest_none", lang),
        "data-did-you-mean": texts.ui("suggest_did_you_mean", lang),
    }
