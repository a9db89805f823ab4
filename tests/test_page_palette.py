"""The palettes for every reader: WCAG AA contrast, and told apart under colour-vision deficiencies.

Contrast: text at least 4.5:1 against its background (WCAG 2.1 SC 1.4.3); legend keys and the
marks of the map at least 3:1 against what they are drawn on (SC 1.4.11). Colour vision: the
colours that tell marks or links apart stay at least ``APART`` CIEDE2000 apart for normal vision
and simulated protanopia, deuteranopia and tritanopia (``colour_vision``); the shading of states
and provinces keeps its order of lightness and visible steps for all four.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from colour_vision import VISIONS, contrast, delta_e, lab, over, parse, simulate
from fixture_views import view

from partnermap.geo.basemap import ATTRIBUTION
from partnermap.layers import arcs, hubs, points, regions
from partnermap.layers.figure import map_skeleton

STYLE = Path(__file__).resolve().parent.parent / "assets" / "style.css"
WHITE = "#ffffff"
#: Colours that must be told apart (a category each) differ at least this much (CIEDE2000).
APART = 15.0
#: Neighbouring steps of the shading differ at least this much, for large areas.
STEP = 5.0
TEXT_AA, GRAPHICS_AA = 4.5, 3.0


def _css(selector: str, prop: str) -> str:
    """The value of ``prop`` in the rule for ``selector`` in assets/style.css, variables resolved."""
    css = STYLE.read_text(encoding="utf-8")
    rule = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert rule, f"no rule for {selector} in {STYLE.name}"
    value = re.search(rf"(?:^|[;\s]){re.escape(prop)}\s*:\s*([^;]+)", rule.group(1))
    assert value, f"no {prop} in the rule for {selector}"
    text = value.group(1).strip()
    variable = re.fullmatch(r"var\((--[\w-]+)\)", text)
    return _css(":root", variable.group(1)) if variable else text


def _rgb(colour: str, background: str = WHITE) -> tuple[float, float, float]:
    return over(colour, background)


def _basemap() -> dict[str, str]:
    geo = map_skeleton(view(), "en", ATTRIBUTION).layout.geo
    return {"land": geo.landcolor, "ocean": geo.oceancolor}


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


# What a person reads: (text colour, background colour), from the stylesheet.
TEXT_PAIRS = {
    "body text": (_css(":root", "--ink"), WHITE),
    "muted text (summary, hints, legend)": (_css(":root", "--muted"), WHITE),
    "muted text on panels": (_css(":root", "--muted"), _css(":root", "--panel")),
    "panel text": (_css(":root", "--ink"), _css(":root", "--panel")),
    "links and table buttons": (_css(":root", "--accent"), WHITE),
    "links on panels": (_css(":root", "--accent"), _css(":root", "--panel")),
    "place messages": (_css(".message", "color"), _css(":root", "--panel")),
    "quotes": (_css(":root", "--ink"), _css(".quote", "background")),
    "badges": (_css(".badge", "color"), _css(".badge", "background")),
}


@pytest.mark.parametrize("name", TEXT_PAIRS)
def test_text_meets_aa_contrast(name: str) -> None:
    text, background = TEXT_PAIRS[name]
    assert contrast(_rgb(text, background), _rgb(background)) >= TEXT_AA, (name, text, background)


def _legend_keys() -> dict[str, str]:
    keys = {f"places, {slot}": colour for slot, colour in points.COLORS.items()}
    keys |= {e["label"]: e["color"] for e in hubs.legend_entries("en")}
    keys |= {e["label"]: e["color"] for e in arcs.legend_entries("en")[: len(arcs.KINDS)]}
    keys["widest links"] = arcs.legend_entries("en")[-1]["color"]
    keys["shading, most agreements"] = regions.COLORSCALE[-1][1]
    return keys


@pytest.mark.parametrize("key", _legend_keys())
def test_legend_keys_stand_out_from_the_legend(key: str) -> None:
    colour = _legend_keys()[key]
    assert contrast(_rgb(colour), _rgb(WHITE)) >= GRAPHICS_AA, (key, colour)


# Not checked here: the venues' amber (layers/hubs.py) is 2.7:1 on land, told apart by its
# diamond; an amber of 3:1 comes within 15 of the Chinese red under deuteranopia. And the
# faintest links (one agreement, 45 % opaque) are under 2.2:1 by design; the table and the
# text twin give their counts.
@pytest.mark.parametrize("ground", ["land", "ocean"])
def test_places_and_link_kinds_stand_out_from_the_basemap(ground: str) -> None:
    background = _basemap()[ground]
    marks = {code: colour for code, colour in points.COLORS.items()}
    marks |= {k.key: k.color(arcs.BANDS[-1].opacity) for k in arcs.KINDS}
    low = {
        name: round(contrast(_rgb(colour, background), _rgb(background)), 2)
        for name, colour in marks.items()
    }
    assert min(low.values()) >= GRAPHICS_AA, low


def _apart(palette: dict[str, str], vision: str) -> dict[str, float]:
    seen = {name: simulate(_rgb(colour), vision) for name, colour in palette.items()}
    return {
        f"{a}/{b}": round(delta_e(seen[a], seen[b]), 1) for a, b in itertools.combinations(seen, 2)
    }


@pytest.mark.parametrize("vision", VISIONS)
def test_places_and_venues_are_told_apart(vision: str) -> None:
    distances = _apart({**points.COLORS, "hub": hubs.COLOR}, vision)
    assert min(distances.values()) >= APART, distances


@pytest.mark.parametrize("vision", VISIONS)
def test_link_kinds_are_told_apart(vision: str) -> None:
    distances = _apart({k.key: _hex(k.rgb) for k in arcs.KINDS}, vision)
    assert min(distances.values()) >= APART, distances


@pytest.mark.parametrize("vision", VISIONS)
def test_shading_keeps_its_order_and_its_steps(vision: str) -> None:
    seen = [simulate(parse(colour)[0], vision) for _, colour in regions.COLORSCALE]
    lightness = [lab(rgb)[0] for rgb in seen]
    assert lightness == sorted(lightness, reverse=True), lightness
    steps = [round(delta_e(a, b), 1) for a, b in itertools.pairwise(seen)]
    assert min(steps) >= STEP, steps
