"""Choropleth layer: every state and province, shaded by count, GeoJSON fetched by URL."""

from __future__ import annotations

from fixture_views import validated, view

from partnermap.geo.basemap import admin1_geojson
from partnermap.layers import regions


def test_one_choropleth_of_every_region() -> None:
    (trace,) = validated(regions.traces(view(), "en"))
    assert trace.type == "choropleth"
    assert len(trace.locations) == len(admin1_geojson()["features"])
    assert trace.geojson == regions.GEOJSON_PATH  # a URL: the shapes are not resent
    assert trace.featureidkey == "id"
    z = dict(zip(trace.locations, trace.z, strict=True))
    assert z["US-CA"] == 7 and z["cn:320000"] == 3 and z["cn:650000"] == 0
    assert trace.zmax == 7
    assert list(trace.customdata[0]) == ["region", trace.locations[0]]


def test_hover_names_both_languages_and_the_count() -> None:
    (trace,) = validated(regions.traces(view(), "zh"))
    hover = dict(zip(trace.locations, trace.text, strict=True))
    assert hover["cn:320000"] == "江苏省 · Jiangsu<br>3 项协议"
    (trace,) = validated(regions.traces(view(), "en"))
    assert dict(zip(trace.locations, trace.text, strict=True))["US-CA"].endswith("7 agreements")


def test_empty_view_keeps_the_regions_at_zero() -> None:
    (trace,) = validated(regions.traces(view(sectors=frozenset({"public-health"})), "en"))
    assert set(trace.z) == {0}
    assert trace.zmax == 1
