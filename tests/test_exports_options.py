"""Export options a briefing needs: notes, a source line, print resolution, layer toggles."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from fixture_views import DATA, view

from partnermap.data.loader import load_corpus
from partnermap.exports.figure import briefing_figure
from partnermap.exports.request import LAYER_TOGGLES, PRINT_DPI, SIZES, ExportRequest

_LOCALITIES = load_corpus(DATA).localities


def _figure(**options: object) -> go.Figure:
    return briefing_figure(view(), ExportRequest("png", **options), _LOCALITIES)  # type: ignore[arg-type]


def _visible(figure: go.Figure, uid: str) -> bool:
    return next(t for t in figure.data if t.uid == uid).visible is not False


def test_every_layer_shows_unless_hidden() -> None:
    shown = _figure()
    assert all(_visible(shown, uid) for uid in ("place-names", "regions", "arc-midpoints"))
    assert shown.layout.showlegend is True
    hidden = _figure(hide=frozenset(LAYER_TOGGLES))
    assert not _visible(hidden, "place-names") and not _visible(hidden, "regions")
    arcs = [t for t in hidden.data if t.uid.startswith(("arcs-", "arc-midpoints"))]
    assert arcs and all(t.visible is False for t in arcs)
    assert hidden.layout.showlegend is False
    assert _visible(hidden, "points-CN")  # places are the map itself


def test_notes_and_an_own_source_line_are_printed() -> None:
    figure = _figure(notes="For the 12 May briefing", sources_text="Compiled by the desk <x>")
    side = " ".join(a.text for a in figure.layout.annotations)
    assert "For the 12 May briefing" in side
    assert "Compiled by the desk &lt;x&gt;" in side
    assert "Zhenjiang Municipal" not in side  # the own line replaces the listed sources


@pytest.mark.parametrize("size", ["a4", "letter"])
def test_print_resolution_is_300_dpi(size: str) -> None:
    request = ExportRequest("png", size=size, dpi=PRINT_DPI)
    width, _ = SIZES[size]
    assert round(width * request.png_scale) == round(width / 96 * 300)
    assert ExportRequest("png").png_scale == ExportRequest("png").scale


def test_unknown_options_are_refused() -> None:
    with pytest.raises(ValueError, match="layer"):
        ExportRequest("png", hide=frozenset({"rivers"}))
    with pytest.raises(ValueError, match="dpi"):
        ExportRequest("png", dpi=5000)
