"""The map's text twin: what the map shows and what is selected, in English and Chinese."""

from __future__ import annotations

import pytest
from fixture_views import CALIFORNIA, ZHENJIANG, view

from partnermap.layers import points
from partnermap.layers.text_twin import describe

EVERYTHING_EN = (
    "The map shows 12 agreements between 16 places (8 in China, 8 in United States), joined by 5 links."
    " Years: 1981–2015."
    " Most agreements: California (4 agreements), Los Angeles (4 agreements),"
    " Shenzhen (3 agreements)."
    " Events and programmes drawn at their venues: 5."
    " National-level agreements, not drawn: 1."
)
EVERYTHING_ZH = (
    "地图显示 16 个地点（中国 8 个，美国 8 个）之间的 12 项协议，共 5 条连线。"
    "年份：1981–2015。"
    "协议最多的地点：加利福尼亚州（4 项协议）、洛杉矶（4 项协议）、深圳（3 项协议）。"
    "在举办地绘出的活动和项目：5 项。"
    "国家层面协议（不在地图上绘出）：1 项。"
)


def test_the_whole_map_in_english_and_chinese() -> None:
    assert describe(view(), "en") == EVERYTHING_EN
    assert describe(view(), "zh") == EVERYTHING_ZH


def test_the_counts_follow_the_filters() -> None:
    v = view(sectors=frozenset({"nuclear-energy"}))
    assert describe(v, "en") == (
        "The map shows 1 agreement between 2 places (2 in China),"
        " joined by 0 links. Years: 2014."
        " Most agreements: Haiyang (1 agreement), Sanmen County (1 agreement)."
        " Events and programmes drawn at their venues: 1."
    )
    assert describe(v, "zh").startswith("地图显示 2 个地点（中国 2 个）之间的 1 项协议")


def test_a_map_showing_nothing_says_so() -> None:
    v = view(sectors=frozenset({"public-health"}))
    assert describe(v, "en") == "The map shows nothing: no agreement matches these filters."
    assert describe(v, "zh") == "地图上没有内容：没有符合筛选条件的协议。"


def test_a_selected_place_and_link_are_named_with_their_agreements() -> None:
    v = view()
    assert describe(v, "en", ["place", ZHENJIANG]) == (
        EVERYTHING_EN + " Selected: Zhenjiang, 3 agreements."
    )
    assert describe(v, "zh", ["pair", ZHENJIANG, CALIFORNIA]) == (
        EVERYTHING_ZH + "已选择：镇江 — 加利福尼亚州，2 项协议。"
    )


def test_a_selection_with_nothing_kept_is_not_mentioned() -> None:
    assert describe(view(), "en", ["place", "geonames:0"]) == EVERYTHING_EN
    assert describe(view(year_to=1990), "en", ["place", ZHENJIANG]) == describe(
        view(year_to=1990), "en"
    )


def test_it_says_when_the_map_draws_only_the_busiest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(points, "MAX_DRAWN", 5)
    text = describe(view(), "en")
    assert text.endswith(
        "Note: the map draws the 5 places and 5 links with most agreements; filter to see the rest."
    )
    assert "注意：地图仅绘制协议最多的 5 个地点" in describe(view(), "zh")
