"""Label layer: the busiest places named first, no two labels overlapping, in either language."""

from __future__ import annotations

import itertools

import pytest
from fixture_views import LOS_ANGELES, validated, view

from partnermap.data.view import MapView
from partnermap.layers import figure, placenames, projection


def _labels(v: MapView, lang: str, box: tuple[float, float] = placenames.BOX) -> list[dict]:
    return placenames.place(v, lang, figure.frame_of(v), box)


def test_labels_the_busiest_places_in_either_language() -> None:
    v = view()
    (en,) = validated(placenames.traces(v, "en", figure.frame_of(v)))
    (zh,) = validated(placenames.traces(v, "zh", figure.frame_of(v)))
    assert en.mode == "markers+text" and en.hoverinfo == "skip" and en.marker.opacity == 0
    assert "Zhenjiang" in en.text and "镇江" in zh.text
    busiest = v.points[~v.points["national"]]["name_en"].iloc[0]
    assert en.text[0] == busiest


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("box", [(760.0, 395.0), (360.0, 190.0)])
def test_no_two_labels_overlap_and_each_lies_inside_the_map(lang: str, box: tuple) -> None:
    placed = _labels(view(), lang, box)
    assert placed
    for a, b in itertools.combinations(placed, 2):
        assert not placenames._overlap(a["box"], b["box"]), (a["text"], b["text"])
    assert all(p["box"][0] >= 0 and p["box"][2] <= box[0] for p in placed)


def test_a_crowded_label_is_left_out_not_drawn_over_another() -> None:
    everything = _labels(view(), "en", (760.0, 395.0))
    small = _labels(view(), "en", (200.0, 104.0))
    assert len(small) < len(everything)


def test_no_frame_no_labels() -> None:
    (trace,) = placenames.traces(view(), "en", None)
    assert len(trace["text"]) == 0


def test_countries_are_never_labelled() -> None:
    texts = {p["text"] for p in _labels(view(), "en")}
    assert not texts & {"China", "United States"}


def test_label_text_is_escaped() -> None:
    v = view(place=frozenset({LOS_ANGELES}))
    (trace,) = validated(placenames.traces(v, "en", figure.frame_of(v)))
    assert all("<" not in label for label in trace.text)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("box", [(356.0, 439.0), (624.0, 325.0), (784.0, 408.0)])
def test_every_label_lies_inside_the_frame_plotly_draws(lang: str, box: tuple) -> None:
    v = view()
    frame = figure.frame_of(v, None, box)
    left, top, right, bottom = projection.frame_box(*box)
    placed = placenames.place(v, lang, frame, box)
    assert placed
    for p in placed:
        x0, y0, x1, y1 = p["box"]
        assert left <= x0 and x1 <= right and top <= y0 and y1 <= bottom, p
