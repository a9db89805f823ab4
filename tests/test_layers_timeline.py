"""Timeline layer: stacked bars per year; the brush and the slider are one year range."""

from __future__ import annotations

import pytest
from fixture_views import validated, view

from partnermap.data.filters import FilterState
from partnermap.layers import timeline


def test_one_bar_trace_per_category_present() -> None:
    traces = validated(timeline.traces(view(), "en", "type"))
    names = [t.name for t in traces]
    assert "Sister cities" in names and "Action plan" in names
    sister = traces[names.index("Sister cities")]
    assert list(sister.x) == [1981, 1984, 1986]
    assert list(sister.y) == [1, 1, 1]
    by_sector = validated(timeline.traces(view(), "zh", "sector"))
    assert "文化与友好交流" in [t.name for t in by_sector]


def test_colours_stay_with_their_category() -> None:
    a = {t.name: t.marker.color for t in validated(timeline.traces(view(), "en", "sector"))}
    b = validated(timeline.traces(view(sectors=frozenset({"culture"})), "en", "sector"))
    assert all(a[t.name] == t.marker.color for t in b)


def test_the_year_filter_shows_as_a_band_and_fades_the_other_years() -> None:
    v = view(year_from=2014)
    layout = timeline.layout(v)
    assert layout["dragmode"] == "select"
    assert layout["xaxis"]["range"] == [1976.2, 2015.5]
    assert layout["selections"] == []
    (band,) = layout["shapes"]
    assert (band["x0"], band["x1"], band["layer"]) == (2013.5, 2015.5, "below")
    assert timeline.shapes(FilterState(), (1981, 2015)) == []
    assert timeline.skeleton(v).data == ()
    for trace in validated(timeline.traces(v, "en", "type")):
        points = trace.selectedpoints
        inside = set(range(len(trace.x)) if points is None else points)
        assert all((i in inside) == (year >= 2014) for i, year in enumerate(trace.x)), trace.name
        assert trace.unselected.marker.opacity < trace.selected.marker.opacity == 1


def test_no_year_filter_fades_nothing() -> None:
    for trace in validated(timeline.traces(view(), "en", "sector")):
        assert trace.selectedpoints is None


@pytest.mark.parametrize("facet", ["sector", "type"])
@pytest.mark.parametrize(
    "filters",
    [{}, {"sectors": frozenset({"climate-policy"})}, {"types": frozenset({"summit", "mou"})}],
)
def test_bars_and_the_undated_bar_add_up_to_the_kept_records(facet: str, filters: dict) -> None:
    v = view(**filters)
    total = sum(int(sum(t.y)) for t in validated(timeline.traces(v, "en", facet)))
    assert total == len(v.records)


def test_undated_records_have_their_own_bar_and_tick() -> None:
    v = view()
    assert v.undated == sum(r.year is None for r in v.records) > 0
    *_, undated = validated(timeline.traces(v, "zh", "sector"))
    assert undated.name == "日期不详" and list(undated.y) == [v.undated]
    axis = timeline.layout(v, "zh")["xaxis"]
    assert axis["ticktext"][axis["tickvals"].index(int(undated.x[0]))] == "无日期"


def test_the_legend_says_how_a_record_with_several_sectors_counts() -> None:
    title = timeline.layout(view(), "en", "sector")["legend"]["title"]["text"]
    assert "primary sector" in title and "once" in title
    hover = validated(timeline.traces(view(), "en", "sector"))[0].hovertemplate
    assert "first sector it lists" in hover


@pytest.mark.parametrize(
    ("selected", "years"),
    [
        ({"range": {"x": [2003.2, 2007.6]}}, [2004, 2007]),
        ({"range": {"x": [2007.6, 2003.2]}}, [2004, 2007]),
        ({"range": {"x": [1950, 2050]}}, [1981, 2015]),
        ({"range": {"x": [2003.2, 2003.4]}}, [1981, 2015]),
        (None, [1981, 2015]),
    ],
)
def test_brush_to_years(selected: dict | None, years: list[int]) -> None:
    assert timeline.years_from_brush(selected, (1981, 2015)) == years


def test_a_selection_without_a_range_is_plotly_echoing_the_slider() -> None:
    unchanged = object()
    assert timeline.years_from_brush({"points": []}, (1981, 2015), unchanged) is unchanged


def test_brush_round_trip() -> None:
    (brush,) = timeline.shapes(FilterState(year_from=1990, year_to=2000), (1981, 2015))
    selected = {"range": {"x": [brush["x0"], brush["x1"]]}}
    assert timeline.years_from_brush(selected, (1981, 2015)) == [1990, 2000]
