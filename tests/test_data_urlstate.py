"""The URL holds the view: FilterState and language to a query string and back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from partnermap.data.filters import EVIDENCE_GROUPS, LEVEL_GROUPS, FilterState
from partnermap.data.urlstate import (
    Controls,
    Panels,
    UrlState,
    controls_from_query,
    from_controls,
    parse_query,
    query_from_controls,
    resolve_places,
    slider_years,
    to_query,
)
from partnermap.data.vocabulary import SECTORS, TYPES

ZHENJIANG = "geonames:1784642"
PLACES = {ZHENJIANG: ("Zhenjiang", "镇江"), "US-CA": ("California", "加利福尼亚州")}
BOUNDS = (1979, 2020)


def resolve(name: str) -> frozenset[str]:
    """A tiny resolver: ids as themselves, and either name of a known place."""
    return frozenset(
        pid for pid, names in PLACES.items() if name == pid or name.casefold() in names
    ) or frozenset(pid for pid, (en, zh) in PLACES.items() if name in (en, zh))


def label(place: frozenset[str], lang: str) -> str:
    return ", ".join(PLACES[pid][lang == "zh"] for pid in sorted(place))


years = st.one_of(st.none(), st.integers(1900, 2030))


@st.composite
def url_states(draw: st.DrawFn) -> UrlState:
    low, high = draw(years), draw(years)
    if low is not None and high is not None and low > high:
        low, high = high, low
    filters = FilterState(
        sectors=draw(st.frozensets(st.sampled_from(sorted(SECTORS)))),
        types=draw(st.frozensets(st.sampled_from(sorted(TYPES)))),
        year_from=low,
        year_to=high,
        place=draw(st.frozensets(st.sampled_from(sorted(PLACES)))),
        level=draw(st.one_of(st.none(), st.sampled_from(sorted(LEVEL_GROUPS)))),
        evidence=draw(st.one_of(st.none(), st.sampled_from(sorted(EVIDENCE_GROUPS)))),
    )
    return UrlState(filters, draw(st.sampled_from(["en", "zh"])))


@given(url_states())
def test_query_round_trip(state: UrlState) -> None:
    assert parse_query(to_query(state), resolve) == state


@given(url_states())
def test_one_state_one_url(state: UrlState) -> None:
    query = to_query(state)
    assert to_query(parse_query(query, resolve)) == query


def test_default_view_has_an_empty_query() -> None:
    assert to_query(UrlState()) == ""
    assert parse_query("", resolve) == UrlState()


def test_query_keys() -> None:
    query = (
        "?sector=culture&sector=clean-air&type=mou&level=city&from=2001&to=2015&place=镇江&lang=zh"
    )
    state = parse_query(query, resolve)
    assert state == UrlState(
        FilterState(
            sectors=frozenset({"culture", "clean-air"}),
            types=frozenset({"mou"}),
            year_from=2001,
            year_to=2015,
            place=frozenset({ZHENJIANG}),
            level="city",
        ),
        "zh",
    )
    assert state.unknown == ()
    assert to_query(state) == (
        "?sector=clean-air&sector=culture&type=mou&level=city&from=2001&to=2015"
        "&place=geonames%3A1784642&lang=zh"
    )


def test_parsing_is_forgiving_and_says_what_it_dropped() -> None:
    state = parse_query(
        "sector=energie&sector=culture&type=treaty&level=town&from=20x5&place=Atlantis&lang=fr&x=1",
        resolve,
    )
    assert state.filters == FilterState(sectors=frozenset({"culture"}))
    assert state.lang == "en"
    assert set(state.unknown) == {
        "sector=energie",
        "type=treaty",
        "level=town",
        "from=20x5",
        "place=Atlantis",
        "lang=fr",
        "x=1",
    }


def test_reversed_years_are_swapped() -> None:
    state = parse_query("from=2015&to=2001", resolve)
    assert (state.filters.year_from, state.filters.year_to) == (2001, 2015)


def test_place_search_accepts_several_names_in_either_language() -> None:
    assert resolve_places("镇江，California", resolve) == (
        frozenset({ZHENJIANG, "US-CA"}),
        [],
    )
    assert resolve_places("Zhenjiang, Atlantis", resolve) == (frozenset({ZHENJIANG}), ["Atlantis"])
    assert resolve_places("", resolve) == (frozenset(), [])
    assert resolve_places(None, resolve) == (frozenset(), [])


def test_a_slider_over_every_year_is_no_year_filter() -> None:
    state = from_controls([], [], "", [1979, 2020], frozenset(), "en", BOUNDS)
    assert state.filters == FilterState()
    state = from_controls(["culture"], None, "province", [1990, 2020], frozenset(), "zh", BOUNDS)
    assert state == UrlState(
        FilterState(sectors=frozenset({"culture"}), year_from=1990, level="province"), "zh"
    )
    assert slider_years(state.filters, BOUNDS) == [1990, 2020]


def _controls(**changes: object) -> Controls:
    values: dict[str, object] = {
        "sectors": [],
        "types": [],
        "level": "",
        "years": [1979, 2020],
        "place": "",
        "lang": "en",
    }
    values.update(changes)
    return Controls(**values)  # type: ignore[arg-type]


UNCHANGED = object()
NO_PANELS = Panels("sector", {"column": "count", "descending": True}, None)


def test_the_url_sets_the_controls_and_panels() -> None:
    query = "?sector=culture&from=2000&place=geonames:1784642&lang=zh"
    out = controls_from_query(query, BOUNDS, resolve, label, UNCHANGED)
    assert out == (["culture"], [], "", [2000, 2020], "镇江", "zh", "", *[UNCHANGED] * 3)
    out = controls_from_query("", BOUNDS, resolve, label, UNCHANGED)
    assert out == ([], [], "", [1979, 2020], "", "en", "", *[UNCHANGED] * 3)
    query = "?stack=type&sort=place&select=pair,geonames:1784642,US-CA"
    out = controls_from_query(query, BOUNDS, resolve, label, UNCHANGED)
    assert out[-3:] == (
        "type",
        {"column": "place", "descending": False},
        ["pair", ZHENJIANG, "US-CA"],
    )


def test_the_panels_round_trip_through_the_url() -> None:
    panels = Panels("type", {"column": "partners", "descending": True}, ["place", ZHENJIANG])
    query, _ = query_from_controls(_controls(), panels, "", BOUNDS, resolve)
    assert query == "?stack=type&sort=-partners&select=place%2Cgeonames%3A1784642"
    state = parse_query(query, resolve)
    assert (state.stack, state.sort, state.selection) == (
        "type",
        ("partners", True),
        ("place", ZHENJIANG),
    )
    assert query_from_controls(_controls(), NO_PANELS, "", BOUNDS, resolve)[0] == ""


def test_panel_values_a_page_never_sends_are_dropped() -> None:
    junk = Panels("<script>", {"column": "x;y"}, ["place", "<img>"])
    assert query_from_controls(_controls(), junk, "", BOUNDS, resolve)[0] == ""
    assert Panels(None, "sort", [1, 2]).state() == ("sector", ("count", True), None)
    state = parse_query("?stack=pie&sort=a%20b&select=place&select=nowhere,x", resolve)
    assert (state.stack, state.sort, state.selection) == ("sector", ("count", True), None)
    assert {"stack=pie", "sort=a b", "select=place", "select=nowhere,x"} <= set(state.unknown)


def test_the_controls_set_the_url() -> None:
    controls = _controls(sectors=["culture"], years=[1979, 2010], place="Zhenjiang", lang="zh")
    query, notice = query_from_controls(controls, NO_PANELS, "", BOUNDS, resolve)
    assert query == "?sector=culture&to=2010&place=geonames%3A1784642&lang=zh"
    assert notice == ""
    assert parse_query(query, resolve) == UrlState(
        FilterState(sectors=frozenset({"culture"}), year_to=2010, place=frozenset({ZHENJIANG})),
        "zh",
    )


def test_the_notice_names_what_matched_nothing() -> None:
    query, notice = query_from_controls(_controls(place="Atlantis"), NO_PANELS, "", BOUNDS, resolve)
    assert (query, notice) == ("", "No place named “Atlantis”.")
    # A mistyped link: what it held that means nothing is named once, in the link's language.
    opened = "?sector=energie&place=Atlantis&lang=zh"
    controls = _controls(place="Atlantis", lang="zh")
    query, notice = query_from_controls(controls, NO_PANELS, opened, BOUNDS, resolve)
    assert query == "?lang=zh"
    assert notice == "没有名为“Atlantis”的地点。 以下内容无匹配，已忽略：sector=energie"


class _Suggesting:
    """``resolve``, and places spelled like a name: what ``PlaceSearch`` offers."""

    def __call__(self, name: str) -> frozenset[str]:
        return resolve(name)

    def did_you_mean(self, name: str, lang: str) -> list[str]:
        return {"en": ["Zhenjiang", "Zhejiang", "Zhanjiang"], "zh": ["镇江", "浙江省"]}[lang]


def test_a_place_that_matched_nothing_is_said_in_words_with_places_it_may_mean() -> None:
    search = _Suggesting()
    _, notice = query_from_controls(_controls(place="Zhengjang"), NO_PANELS, "", BOUNDS, search)
    assert notice == "No place named “Zhengjang” — did you mean Zhenjiang, Zhejiang or Zhanjiang?"
    controls = _controls(place="Zhengjang", lang="zh")
    _, notice = query_from_controls(controls, NO_PANELS, "", BOUNDS, search)
    assert notice == "没有名为“Zhengjang”的地点——您要找的是不是镇江或浙江省？"
    assert "place=" not in notice
