"""Choropleth layer: US states and Chinese provinces shaded by their number of agreements."""

from __future__ import annotations

import math
from typing import Any

from partnermap.data import texts
from partnermap.data.view import MapView
from partnermap.layers.text import plotly_text

#: Where the app serves the states-and-provinces GeoJSON, relative to the page: the browser
#: fetches it once instead of receiving it with every figure update.
GEOJSON_PATH = "geo/admin1.json"
#: The first green is dark enough to tell one agreement from none under deuteranopia and
#: protanopia too (tests/test_page_palette.py).
COLORSCALE = [[0.0, "#f3f1ea"], [0.001, "#dcebd0"], [0.35, "#a8cf94"], [1.0, "#3f7f3a"]]


def traces(view: MapView, lang: str) -> list[dict[str, Any]]:
    """Return one choropleth of every state and province, coloured by its agreement count.

    A record counts once for each state or province it names, or names a place in.

    Parameters
    ----------
    view
        The filtered view; ``view.regions`` holds the counts.
    lang
        "en" or "zh", for the hover and colour bar text.
    """
    regions = view.regions
    hover = [
        plotly_text(texts.bilingual(en, zh, lang)) + "<br>" + texts.agreements(int(n), lang)
        for en, zh, n in zip(
            *(regions[c].tolist() for c in ("name_en", "name_zh", "count")), strict=True
        )
    ]
    zmax = max(1, int(regions["count"].to_numpy().max(initial=0)))
    return [
        {
            "type": "choropleth",
            "name": texts.ui("col_count", lang),
            "uid": "regions",
            "geojson": GEOJSON_PATH,
            "featureidkey": "id",
            "locations": list(regions["id"]),
            "z": regions["count"].to_numpy(),
            "zmin": 0,
            "zmax": zmax,
            "colorscale": COLORSCALE,
            # The dashboard's legend is the page's; an export shows this colour bar beside its map.
            "showscale": False,
            "marker": {"line": {"color": "#ffffff", "width": 0.5}},
            "text": hover,
            "customdata": [["region", rid] for rid in regions["id"].tolist()],
            "hovertemplate": "%{text}<extra></extra>",
            "colorbar": {
                "title": {"text": plotly_text(texts.ui("col_count", lang)), "side": "top"},
                "thickness": 10,
                "len": 0.35,
                "x": 0.99,
                "y": 0.02,
                "yanchor": "bottom",
                "xanchor": "right",
                "orientation": "v",
                "dtick": max(1, math.ceil(zmax / 4)),  # whole agreements only
            },
            "showlegend": False,
        }
    ]
