"""The dashboard in a real browser: what a person sees and does, on the test corpus."""

from __future__ import annotations

import functools
import json
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.data.view import MapView, build_index, build_view, regions_from_geojson
from partnermap.geo.basemap import admin1_geojson

from .harness import FIXTURE_DATA, Dashboard

pytestmark = pytest.mark.browser

ZHENJIANG = "geonames:1784642"
PLAN_TITLE = "Plan of Actions on Low Carbon Cooperation"
PLAN_QUOTE = "reach a Plan of Actions to cooperate with each other in the near term"


@functools.cache
def _index():  # type: ignore[no-untyped-def]
    return build_index(load_corpus(FIXTURE_DATA), regions_from_geojson(admin1_geojson()))


def expected(**filters: object) -> MapView:
    """The view the test corpus gives for ``filters``, computed without the browser."""
    return build_view(_index(), FilterState(**filters))  # type: ignore[arg-type]


def drawn(view: MapView) -> tuple[int, int]:
    """(places, links) the map draws for ``view``: countries are counted, never drawn."""
    return int((~view.points["national"]).sum()), len(view.arcs)


def _choose(board: Dashboard, dropdown: str, slug: str) -> None:
    board.page.click(f"#{dropdown}")
    board.page.click(f".dash-dropdown-option:has(input[value='{slug}'])")
    board.page.keyboard.press("Escape")
    board.settle()


def _slider(board: Dashboard) -> list[int]:
    thumbs = board.page.locator("#filter-years [role=slider]")
    return [int(thumbs.nth(i).get_attribute("aria-valuenow") or 0) for i in range(2)]


def _query(board: Dashboard) -> dict[str, list[str]]:
    return parse_qs(urlparse(board.page.url).query)


def test_page_loads_offline_without_console_errors(dashboard: Dashboard) -> None:
    requested: list[str] = []
    dashboard.page.on("request", lambda r: requested.append(urlparse(r.url).path))
    dashboard.open()
    view = expected()
    assert dashboard.map_counts() == drawn(view)
    assert dashboard.console_errors == []
    assert dashboard.external_requests == []
    # The basemap and the states-and-provinces shapes come from the app itself.
    assert "/basemap/world_110m.json" in requested
    assert "/geo/admin1.json" in requested


def test_embedded_data_page_loads_without_console_errors(embedded_dashboard: Dashboard) -> None:
    embedded_dashboard.open()
    assert embedded_dashboard.page.locator("#summary").inner_text().split()[0].isdigit()
    assert embedded_dashboard.console_errors == []
    assert embedded_dashboard.external_requests == []


def test_the_page_keeps_the_browsers_own_trim_and_parse_int(dashboard: Dashboard) -> None:
    # babel-polyfill replaces both with slower copies that plotly.js calls for every marker;
    # assets/builtins.js puts the browser's own back. The copies tell themselves apart by
    # U+180E, which they count as white space and the browser no longer does. The polyfill's
    # regeneratorRuntime, which Dash needs, stays.
    dashboard.open()
    found = dashboard.page.evaluate(
        """() => ['\\u180e'.trim().length, isNaN(parseInt('\\u180e1')),
                  isNaN(Number.parseInt('\\u180e1')),
                  ' x\\u00a0'.trim(), parseInt('08'), typeof window.regeneratorRuntime]"""
    )
    assert found == [1, True, True, "x", 8, "object"]
    assert dashboard.console_errors == []


def test_summary_states_the_counts(dashboard: Dashboard) -> None:
    dashboard.open()
    view = expected()
    first, last = view.years or (0, 0)
    summary = dashboard.page.locator("#summary").inner_text()
    assert summary == f"{len(view.records)} agreements · {len(view.points)} places · {first}–{last}"


def test_choosing_a_sector_changes_points_and_arcs(dashboard: Dashboard) -> None:
    dashboard.open()
    _choose(dashboard, "filter-sector", "climate-policy")
    view = expected(sectors=frozenset({"climate-policy"}))
    assert (len(view.points), len(view.arcs)) != (len(expected().points), len(expected().arcs))
    assert dashboard.map_counts() == drawn(view)
    assert _query(dashboard)["sector"] == ["climate-policy"]


def test_year_range_changes_timeline_and_map(dashboard: Dashboard) -> None:
    dashboard.open()
    timeline = "document.querySelector('#timeline .js-plotly-plot').layout.shapes || []"
    assert dashboard.page.evaluate(timeline) == []
    low = dashboard.page.locator("#filter-years [role=slider]").first
    low.focus()
    for key in ["PageUp"] * 3 + ["ArrowRight"] * 3:  # ten years a page: 1981 -> 2014
        low.press(key)
    dashboard.settle()
    assert _slider(dashboard) == [2014, 2015]
    view = expected(year_from=2014)
    assert dashboard.map_counts() == drawn(view)
    bands = dashboard.page.evaluate(timeline)
    assert [(s["x0"], s["x1"]) for s in bands] == [(2013.5, 2015.5)]
    assert dashboard.page.locator("#timeline .shapelayer path").count() > 0


def test_brushing_the_timeline_sets_the_slider(dashboard: Dashboard) -> None:
    dashboard.open()
    box = dashboard.page.locator("#timeline .js-plotly-plot .nsewdrag").bounding_box()
    assert box is not None
    x_of = dashboard.page.evaluate(
        """(years) => {
            const ax = document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis;
            return years.map(y => ax.l2p(y));
        }""",
        [1983.6, 1986.4],
    )
    y = box["y"] + box["height"] / 2
    dashboard.page.mouse.move(box["x"] + x_of[0], y)
    dashboard.page.mouse.down()
    dashboard.page.mouse.move(box["x"] + (x_of[0] + x_of[1]) / 2, y, steps=5)
    dashboard.page.mouse.move(box["x"] + x_of[1], y, steps=5)
    dashboard.page.mouse.up()
    dashboard.settle()
    assert _slider(dashboard) == [1984, 1986]
    view = expected(year_from=1984, year_to=1986)
    assert dashboard.map_counts() == drawn(view)
    assert _query(dashboard)["from"] == ["1984"]


def test_clicking_zhenjiang_shows_the_plan_of_actions_and_its_quote(dashboard: Dashboard) -> None:
    dashboard.open()
    place = expected().places.loc[ZHENJIANG]
    center = dashboard.page.evaluate(
        """([lon, lat]) => {
            for (const el of document.querySelectorAll('#map .scattergeo path.point')) {
                const d = el.__data__;
                if (d && d.lonlat && Math.abs(d.lonlat[0] - lon) < 1e-3
                        && Math.abs(d.lonlat[1] - lat) < 1e-3) {
                    const r = el.getBoundingClientRect();
                    return [r.x + r.width / 2, r.y + r.height / 2];
                }
            }
            return null;
        }""",
        [float(place["lon"]), float(place["lat"])],
    )
    assert center is not None
    dashboard.page.mouse.click(*center)
    dashboard.settle()
    details = dashboard.page.locator("#details")
    assert "Zhenjiang" in details.locator("h3").inner_text()
    assert PLAN_TITLE in details.inner_text()
    assert details.locator("blockquote", has_text=PLAN_QUOTE).count() == 1


def test_searching_in_chinese_finds_zhenjiang(dashboard: Dashboard) -> None:
    dashboard.open()
    search = dashboard.page.locator("#place-search")
    search.fill("镇江")
    search.press("Enter")
    dashboard.settle()
    assert _query(dashboard)["place"] == [ZHENJIANG]
    view = expected(place=frozenset({ZHENJIANG}))
    assert dashboard.map_counts() == drawn(view)
    assert "Zhenjiang" in dashboard.page.locator("#details h3").inner_text()
    assert PLAN_TITLE in dashboard.page.locator("#details").inner_text()
    center = dashboard.page.evaluate(
        "document.querySelector('#map .js-plotly-plot')._fullLayout.geo.center"
    )
    assert abs(center["lon"]) > 140  # across the Pacific: Zhenjiang and its US partners framed


def test_chinese_toggle_shows_chinese_names(dashboard: Dashboard) -> None:
    dashboard.open()
    dashboard.page.get_by_text("中文", exact=True).click()
    dashboard.settle()
    labels = dashboard.page.evaluate(
        """() => document.querySelector('#map .js-plotly-plot')._fullData
                .find(t => t.uid === 'place-names').text"""
    )
    assert "镇江" in labels and "洛杉矶" in labels
    assert dashboard.page.locator("#text-title").inner_text() == "中美地方合作伙伴关系"
    assert dashboard.page.locator("#data-table tbody").get_by_text("镇江", exact=True).count() == 1
    assert _query(dashboard)["lang"] == ["zh"]
    assert dashboard.page.evaluate("document.documentElement.lang") == "zh-CN"


def test_copied_url_restores_filters_and_language(dashboard: Dashboard) -> None:
    dashboard.open()
    _choose(dashboard, "filter-sector", "culture")
    dashboard.page.get_by_text("中文", exact=True).click()
    dashboard.settle()
    summary = dashboard.page.locator("#summary").inner_text()
    counts = dashboard.map_counts()
    copied = dashboard.page.url

    restored = Dashboard.watch(dashboard.page.context.new_page(), dashboard.base_url)
    restored.open(copied.removeprefix(dashboard.base_url + "/"))
    assert restored.page.locator("#summary").inner_text() == summary
    assert restored.map_counts() == counts
    assert restored.page.locator("#lang-toggle input[value=zh]").is_checked()
    assert restored.page.locator("#filter-sector").inner_text().strip() == "文化与友好交流"


def test_a_filter_matching_nothing_says_so(dashboard: Dashboard) -> None:
    dashboard.open("?sector=nuclear-energy&type=sister_city")
    assert "No agreement matches" in dashboard.page.locator("#summary").inner_text()
    assert dashboard.map_counts() == (0, 0)


def test_record_text_is_shown_as_text(dashboard: Dashboard) -> None:
    dashboard.open()
    dashboard.page.locator("#data-table button", has_text="Los Angeles").click()
    dashboard.settle()
    details = dashboard.page.locator("#details")
    assert "BYD & Los Angeles <electric bus> agreement ($)" in details.inner_text()
    assert details.locator("electric").count() == 0


def test_table_sorts_and_opens_details_by_keyboard(dashboard: Dashboard) -> None:
    dashboard.open()
    dashboard.page.locator("#data-table thead").get_by_role(
        "button", name="Place", exact=True
    ).click()
    dashboard.settle()
    names = dashboard.page.locator("#data-table tbody th").all_inner_texts()
    assert names == sorted(names)
    assert dashboard.page.locator("#data-table th[aria-sort=ascending]").count() == 1
    # The new table keeps the focus on the header that sorted it, and has a cell per column.
    expect(dashboard.page.locator("#data-table thead button[data-column=place]")).to_be_focused()
    columns = dashboard.page.locator("#data-table thead th").count()
    cells = dashboard.page.locator("#data-table tbody tr").evaluate_all(
        "(rows) => rows.map((row) => row.cells.length)"
    )
    assert cells and set(cells) == {columns}
    dashboard.page.locator("#data-table tbody button", has_text="Zhenjiang").focus()
    dashboard.page.keyboard.press("Enter")
    dashboard.settle()
    assert PLAN_TITLE in dashboard.page.locator("#details").inner_text()


def test_a_filter_change_sends_a_patch_not_the_figure(dashboard: Dashboard) -> None:
    dashboard.open()

    def map_answer(response) -> bool:  # type: ignore[no-untyped-def]
        return "_dash-update-component" in response.url and "map.figure" in (
            response.request.post_data or ""
        )

    with dashboard.page.expect_response(map_answer) as answer:
        _choose(dashboard, "filter-sector", "culture")
    update = answer.value.json()["response"]["map"]["figure"]
    assert update["__dash_patch_update"] == "__dash_patch_update"
    touched = {tuple(op["location"][:2]) for op in update["operations"]}
    assert ("layout", "geo") in touched and ("layout", "template") not in touched
    text = json.dumps(update)
    assert '"coordinates"' not in text  # the state and province shapes were fetched once
    assert '"bdata"' in text  # coordinates travel as typed arrays


def test_the_back_button_returns_to_the_previous_view(dashboard: Dashboard) -> None:
    dashboard.open()
    everything = dashboard.map_counts()
    _choose(dashboard, "filter-sector", "culture")
    assert dashboard.map_counts() != everything
    with dashboard.page.expect_event("load"):  # the page opens again at the previous address
        dashboard.page.go_back()
    dashboard.page.wait_for_selector("#map .scattergeo path.point")
    dashboard.settle()
    assert _query(dashboard) == {}
    assert dashboard.map_counts() == everything


def test_the_map_is_asked_for_without_waiting_for_the_url(dashboard: Dashboard) -> None:
    dashboard.open()
    before = len(dashboard.callbacks())
    _choose(dashboard, "filter-sector", "culture")  # settles: every callback answered
    steps = [
        (kind, "map" if "map.figure" in o else "url" if "url.search" in o else o)
        for kind, o in dashboard.callbacks()[before:]
    ]
    # One round trip: the map's callback goes out before the URL's answer is back.
    assert steps.index(("sent", "map")) < steps.index(("done", "url")), steps
    sent = [output for kind, output in steps if kind == "sent"]
    assert len(sent) == len(set(sent)), steps  # and no callback goes out twice


def test_a_link_reopens_the_selection_stacking_and_sort(dashboard: Dashboard) -> None:
    dashboard.open()
    page = dashboard.page
    page.locator("#data-table tbody button", has_text="Zhenjiang").click()
    page.locator("#timeline-facet").get_by_text("Agreement type").click()
    page.locator("#data-table thead").get_by_role("button", name="Place", exact=True).click()
    dashboard.settle()
    assert _query(dashboard) == {
        "stack": ["type"],
        "sort": ["place"],
        "select": [f"place,{ZHENJIANG}"],
    }

    restored = Dashboard.watch(page.context.new_page(), dashboard.base_url)
    restored.open(page.url.removeprefix(dashboard.base_url + "/"))
    assert PLAN_TITLE in restored.page.locator("#details").inner_text()
    assert restored.page.locator("#timeline-facet input[value=type]").is_checked()
    names = restored.page.locator("#data-table tbody th").all_inner_texts()
    assert names == sorted(names)
    assert restored.page.locator("#data-table th[aria-sort=ascending]").count() == 1


_LINK_MIDDLE = """() => {
    const gd = document.querySelector('#map .js-plotly-plot');
    const mid = gd._fullData.find((t) => t.uid === 'arc-midpoints');
    const geo = gd._fullLayout.geo._subplot;
    const [x, y] = geo.projection([mid.lon[0], mid.lat[0]]);
    const frame = gd.querySelector('.main-svg').getBoundingClientRect();
    return {x: frame.x + x, y: frame.y + y, pair: mid.customdata[0], text: mid.text[0]};
}"""


def test_hovering_the_middle_of_a_link_names_it_and_a_click_lists_its_agreements(
    dashboard: Dashboard,
) -> None:
    dashboard.open()
    link = dashboard.page.evaluate(_LINK_MIDDLE)
    kind, a, b = link["pair"]
    dashboard.page.mouse.move(link["x"], link["y"])
    label = dashboard.page.locator("#map .hoverlayer .hovertext")
    expect(label).to_have_count(1)
    assert link["text"].split("<br>")[0] in (label.text_content() or "")
    dashboard.page.mouse.click(link["x"], link["y"])
    dashboard.settle()
    assert _query(dashboard)["select"] == [f"{kind},{a},{b}"]
    view = expected()
    records = view.links.loc[(view.links["a"] == a) & (view.links["b"] == b), "record"]
    titles = {r.title for r in view.records if r.id in set(records)}
    details = dashboard.page.locator("#details").inner_text()
    assert titles and all(title in details for title in titles)
