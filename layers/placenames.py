"""Label layer: the names of the busiest places, in the interface language."""

from __future__ import annotations

from typing import Any

from partnermap.data import texts
from partnermap.data.view import MapView
from partnermap.layers.text import plotly_text

#: How many places get a label: the ones with the most agreements.
LABELLED = 12


def traces(view: MapView, lang: str) -> list[dict[str, Any]]:
    """Return one text trace naming the ``LABELLED`` places with the most agreements.

    Parameters
    ----------
    view
        The filtered view; ``view.points`` is sorted most agreements first.
    lang
        "en" or "zh": which name to write.
    """
    top = view.points.head(LABELLED)
    return [
        {
            "type": "scattergeo",
            "name": "place-names",
            "uid": "place-names",
            "lat": top["lat"].to_numpy(),
            "lon": top["lon"].to_numpy(),
            "mode": "text",
            "text": [
                plotly_text(texts.name(en, zh, lang))
                for en, zh in zip(top["name_en"], top["name_zh"], strict=True)
            ],
            "textposition": "top center",
            "textfont": {"size": 11, "color": "#222222"},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    ]
