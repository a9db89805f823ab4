"""Place suggestions: every place of the view, both names and counts, old names as keys."""

from __future__ import annotations

import json

from fixture_views import view

from partnermap.page import suggestions


def test_one_suggestion_per_place_with_its_names_and_count() -> None:
    v = view()
    entries = suggestions.entries(v, "en")
    assert len(entries) == int((~v.points["national"]).sum())
    by_label = {label: (value, keys) for label, value, keys in entries}
    value, keys = by_label["Zhenjiang · 镇江 — 3 agreements"]
    assert value == "Zhenjiang"
    assert "chinkiang" in keys.split()


def test_the_places_travel_as_one_attribute_not_a_component_each() -> None:
    box = suggestions.box(view(), "en").to_plotly_json()["props"]
    assert box["children"] == []
    places = json.loads(box["data-places"])
    assert [tuple(place) for place in places] == suggestions.entries(view(), "en")


def test_the_list_says_no_match_in_either_language() -> None:
    box = suggestions.box(view(), "zh").to_plotly_json()["props"]
    assert "{query}" in box["data-no-match"] and "{name}" in box["data-did-you-mean"]
    assert "您要找的是不是" in box["data-did-you-mean"]
