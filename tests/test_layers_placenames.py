"""Label layer: the busiest places named in the interface language."""

from __future__ import annotations

from fixture_views import LOS_ANGELES, validated, view

from partnermap.layers import placenames


def test_labels_the_busiest_places_in_either_language() -> None:
    (en,) = validated(placenames.traces(view(), "en"))
    (zh,) = validated(placenames.traces(view(), "zh"))
    assert en.mode == "text" and en.hoverinfo == "skip"
    assert len(en.text) == min(placenames.LABELLED, len(view().points))
    assert "Zhenjiang" in en.text and "镇江" in zh.text
    assert en.text[0] == view().points["name_en"].iloc[0]


def test_label_text_is_escaped() -> None:
    (trace,) = validated(placenames.traces(view(place=frozenset({LOS_ANGELES})), "en"))
    assert all("<" not in label for label in trace.text)
