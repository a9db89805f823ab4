"""Issue 18: names the gazetteer's sources lack, curated in ``data/place_overrides.yaml``;
each form is quoted from a real sentence of the page named beside it.

- Chinese-Canadian media name a province by a one-character short form and 省; each form is
  that province, and none shadows a Chinese province ("安徽省" is still Anhui).
"""

from __future__ import annotations

import pytest

from partnermap.geo.geocode import Context, geocode


def _id(name: str) -> str | None:
    match = geocode(name, Context()).match
    return match.id if match else None


@pytest.mark.parametrize(
    ("name", "province"),
    [
        # q06 (dev): "与亚省省长施特默签订协议".
        ("亚省", "adm1:CA.01"),
        # mingpaocanada.com, 2019-05-01: "阿省省長康尼".
        ("阿省", "adm1:CA.01"),
        # mingshengbao.com, aid=850739: "卑诗省长尹大卫(David Eby)昨日公布新内阁名单".
        ("卑诗", "adm1:CA.02"),
        ("卑诗省", "adm1:CA.02"),
        # huaqiaoxinbao.com, 2025-02-28: "安省省选结果出炉".
        ("安省", "adm1:CA.08"),
        # creader.com, 2026-01-14: "魁省省长勒格(François Legault)…宣布下台".
        ("魁省", "adm1:CA.10"),
        # heraldmonthly.ca, 2023-03: "加航宣佈停飛沙省與卡加里的航綫班".
        ("沙省", "adm1:CA.11"),
        # zh.wikipedia, 紐賓士域省: "紐賓士域省 (英語:New Brunswick)".
        ("紐賓士域省", "adm1:CA.04"),
    ],
)
def test_a_canadian_province_by_its_short_form(name: str, province: str) -> None:
    assert _id(name) == province


@pytest.mark.parametrize("name", ["安徽省", "安徽"])
def test_a_short_form_shadows_no_chinese_province(name: str) -> None:
    # v07 (dev): "安徽省与安塔利亚省建立友好省际关系".
    assert _id(name) == "cn:340000"
