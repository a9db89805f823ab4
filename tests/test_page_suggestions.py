"""Place suggestions: every place of the view, both names and counts, old names as keys."""

from __future__ import annotations

from fixture_views import view

from partnermap.page import suggestions


def test_one_suggestion_per_place_with_its_names_and_count() -> None:
    v = view()
    items = suggestions.items(v, "en")
    assert len(items) == int((~v.points["national"]).sum())
    buttons = {li.children.children: li.children for li in items}
    zhenjiang = buttons["Zhenjiang · 镇江 — 3 agreements"]
    assert zhenjiang.to_plotly_json()["props"]["data-value"] == "Zhenjiang"
    assert "chinkiang" in zhenjiang.to_plotly_json()["props"]["data-keys"].split()
    assert all(li.hidden for li in items)


def test_the_list_says_no_match_in_either_language() -> None:
    box = suggestions.box(view(), "zh").to_plotly_json()["props"]
    assert "{query}" in box["data-no-match"] and "{name}" in box["data-did-you-mean"]
    assert "您要找的是不是" in box["data-did-you-mean"]
