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


def test_the_year_filter_shows_as_a_brush() -> None:
    v = view(year_from=2014)
    layout = timeline.layout(v)
    assert layout["dragmode"] == "select"
    assert layout["xaxis"]["range"] == [1980.5, 2015.5]
    (brush,) = layout["selections"]
    assert (brush["x0"], brush["x1"]) == (2013.5, 2015.5)
    assert timeline.selections(FilterState(), (1981, 2015)) == []
    assert timeline.skeleton(v).data == ()


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
    (brush,) = timeline.selections(FilterState(year_from=1990, year_to=2000), (1981, 2015))
    selected = {"range": {"x": [brush["x0"], brush["x1"]]}}
    assert timeline.years_from_brush(selected, (1981, 2015)) == [1990, 2000]
