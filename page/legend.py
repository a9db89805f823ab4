"""The map's legend, beside the map rather than over it: marks, links by kind and width, shading.

Built from the layers' own legend entries, so the legend and the map cannot disagree.
"""

from __future__ import annotations

from typing import Any

from dash import html

from partnermap.data import texts
from partnermap.data.view import MapView
from partnermap.layers import arcs, hubs, points, regions


def items(lang: str, everything: MapView | None = None) -> list[html.Li]:
    """The legend's entries in ``lang``: places by country (those of ``everything``, the
    unfiltered view), hubs, link kinds, links only listed, widths, shading."""
    places = points.legend_entries(everything, lang) if everything is not None else []
    swatches: list[tuple[dict[str, Any], str]] = [
        (_dot(entry["color"]), entry["label"]) for entry in places
    ]
    swatches += [(_diamond(e["color"]), e["label"]) for e in hubs.legend_entries(lang)]
    entries = arcs.legend_entries(lang)
    kinds, bands = entries[: len(arcs.KINDS)], entries[len(arcs.KINDS) :]
    swatches += [(_line(e["color"], 2.5, e["dash"]), e["label"]) for e in kinds]
    listed = arcs.listed_legend_entry(lang)
    swatches.append((_line(listed["color"], listed["width"], listed["dash"]), listed["label"]))
    widest = bands[-1]
    swatches.append(
        (_line(widest["color"], widest["width"], "solid"), texts.ui("legend_width", lang))
    )
    low, high = regions.COLORSCALE[1][1], regions.COLORSCALE[-1][1]
    shading = {
        "background": f"linear-gradient(90deg, {low}, {high})",
        "width": "28px",
        "height": "10px",
    }
    swatches.append((shading, texts.ui("legend_shading", lang)))
    return [
        html.Li([html.Span(className="swatch", style=style, **{"aria-hidden": "true"}), label])
        for style, label in swatches
    ]


def _dot(color: str) -> dict[str, Any]:
    return {"background": color, "borderRadius": "50%", "width": "10px", "height": "10px"}


def _diamond(color: str) -> dict[str, Any]:
    return {"background": color, "transform": "rotate(45deg)", "width": "9px", "height": "9px"}


def _line(color: str, width: float, dash: str) -> dict[str, Any]:
    style = {"dot": "dotted", "dash": "dashed"}.get(dash, "solid")
    return {"borderTop": f"{max(width, 1.5)}px {style} {color}", "width": "28px", "height": "0"}
