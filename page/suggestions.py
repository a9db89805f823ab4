"""Place suggestions: every place of the view under the search box, EN and 中文, with counts.

``assets/suggest.js`` shows the ones that match what is being typed (a prefix of any of their
names, old names included, or one letter off), and says in words when none does, naming the
nearest. Each suggestion is a button carrying the name the search box receives.
"""

from __future__ import annotations

from collections import defaultdict

from dash import html

from partnermap.data import texts
from partnermap.data.place_names import historical_names, key
from partnermap.data.view import MapView
from partnermap.page import ids


def box(view: MapView, lang: str) -> html.Ul:
    """The suggestions list, its items hidden until something is typed."""
    return html.Ul(
        items(view, lang),
        id=ids.PLACE_SUGGESTIONS,
        className="suggestions",
        **{"aria-label": texts.ui("suggestions_label", lang)},
        **messages(lang),
    )


def items(view: MapView, lang: str) -> list[html.Li]:
    """One suggestion per place below country level, busiest first.

    Each carries ``data-value`` (the English name, what the search reads) and ``data-keys``
    (every name it answers to, compared as ``place_names.key`` does), and reads e.g.
    "Zhenjiang · 镇江 — 9 agreements".
    """
    old = defaultdict(list)
    for historical, current in historical_names().items():
        old[key(current)].append(historical)
    places = view.points[~view.points["national"]]
    return [
        html.Li(
            html.Button(
                f"{texts.bilingual(row.name_en, row.name_zh, lang)} — "
                f"{texts.agreements(int(row.count), lang)}",
                type="button",
                className="suggestion",
                **{
                    "data-value": row.name_en,
                    "data-keys": " ".join(
                        key(name)
                        for name in (row.name_en, row.name_zh, *old[key(row.name_en)])
                        if isinstance(name, str) and name
                    ),
                },
            ),
            hidden=True,
        )
        for row in places.itertuples()
    ]


def messages(lang: str) -> dict[str, str]:
    """The words the suggestions list says itself, as ``data-*`` attributes of the list."""
    return {
        "data-no-match": texts.ui("suggest_none", lang),
        "data-did-you-mean": texts.ui("suggest_did_you_mean", lang),
    }
