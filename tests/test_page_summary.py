"""Summary line: counts as numbers, and a clear message when nothing matches."""

from __future__ import annotations

import pytest
from fixture_views import view

from partnermap.layers import points
from partnermap.page.summary import summary


def test_summary_counts_agreements_places_and_years() -> None:
    v = view()
    assert summary(v, "en") == f"{len(v.records)} agreements · {len(v.points)} places · 1981–2015"
    assert summary(v, "zh") == f"{len(v.records)} 项协议 · {len(v.points)} 个地点 · 1981–2015"


def test_single_year_and_singular() -> None:
    v = view(sectors=frozenset({"nuclear-energy"}))
    assert summary(v, "en") == "1 agreement · 3 places · 2014"


def test_summary_names_the_evidence_filter() -> None:
    v = view(evidence="quoted")
    assert summary(v, "en").endswith(" · 1981–2015 · Quoted source")
    assert summary(v, "zh").endswith(" · 有引文来源")
    assert summary(view(evidence="listed"), "en").startswith("No agreement matches")


def test_nothing_matches() -> None:
    assert summary(view(sectors=frozenset({"public-health"})), "en").startswith(
        "No agreement matches these filters."
    )


def test_summary_says_when_the_map_draws_only_the_busiest(monkeypatch: pytest.MonkeyPatch) -> None:
    v = view()
    assert "draws" not in summary(v, "en")
    monkeypatch.setattr(points, "MAX_DRAWN", 5)
    text = summary(v, "en")
    assert f"{len(v.points)} places" in text
    assert f"the map draws the 5 places and {len(v.arcs)} links with most agreements" in text
    assert "地图仅绘制协议最多的 5 个地点" in summary(v, "zh")
