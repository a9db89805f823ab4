"""Place suggestions: the places whose names start like what is typed, with counts, or words."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_views import view

from partnermap.app import create_app
from partnermap.page import suggestions

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "dashboard"


def _labels(typed: str, lang: str = "en") -> list[str]:
    return [label for label, _ in suggestions.matching(view(), typed, lang)["items"]]


def test_a_prefix_of_any_name_suggests_the_place_with_its_count() -> None:
    # Exact starts first, then one letter off (from four letters on).
    assert _labels("zhen") == ["Zhenjiang · 镇江 — 3 agreements", "Shenzhen · 深圳 — 3 agreements"]
    assert _labels("zhenj") == ["Zhenjiang · 镇江 — 3 agreements"]
    assert _labels("镇", "zh") == ["镇江 · Zhenjiang — 3 项协议"]
    assert suggestions.matching(view(), "Zhen", "en")["items"][0][1] == "Zhenjiang"


def test_an_old_name_and_a_typo_find_the_place() -> None:
    assert _labels("chinkiang") == ["Zhenjiang · 镇江 — 3 agreements"]
    assert _labels("zhenjang") == ["Zhenjiang · 镇江 — 3 agreements"]


def test_nothing_typed_suggests_nothing() -> None:
    assert suggestions.matching(view(), "  ", "en") == {"items": [], "status": ""}


def test_no_match_says_so_and_names_the_nearest() -> None:
    near = suggestions.matching(view(), "Zhxnjxxng", "en")  # three letters off
    assert near["items"] == []
    assert near["status"] == "No place matches “Zhxnjxxng” — did you mean Zhenjiang?"
    far = suggestions.matching(view(), "Qqqqqqqqqq", "zh")
    assert far["status"] == "数据中没有与“Qqqqqqqqqq”相符的地点。"


def test_at_most_a_few_are_suggested_busiest_first(monkeypatch: pytest.MonkeyPatch) -> None:
    v = view()
    places = v.points[~v.points["national"]]
    starting = places[places["name_en"].str.lower().str.startswith("s")]
    assert len(starting) > 2
    monkeypatch.setattr(suggestions, "MAX_SHOWN", 2)
    values = [value for _, value in suggestions.matching(v, "s", "en")["items"]]
    assert values == starting["name_en"].tolist()[:2]
    assert starting["count"].is_monotonic_decreasing


def test_the_page_asks_its_server_with_its_own_url_query() -> None:
    client = create_app(FIXTURE).server.test_client()
    answer = client.get("/suggest?lang=zh&q=zhenj").get_json()
    assert answer == {"items": [["镇江 · Zhenjiang — 3 项协议", "Zhenjiang"]], "status": ""}
    # The filters of the query apply (Zhenjiang's agreements are of 2015), its place does not.
    assert client.get("/suggest?from=2016&q=zhenj").get_json()["items"] == []
    assert client.get("/suggest?place=Boston&q=zhenj").get_json() == {
        "items": [["Zhenjiang · 镇江 — 3 agreements", "Zhenjiang"]],
        "status": "",
    }
