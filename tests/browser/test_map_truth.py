"""The map tells the truth at a glance (issue 15), checked in chromium on the embedded data.

Counts agree between the summary and the timeline; no two drawn labels overlap; every arc lies
inside the map's frame; a selection is drawn, the rest dimmed, both ends framed; the year
filter fades the bars outside it; place suggestions appear while typing; laptop and phone
layouts. Every wait is for the page's own state, never for time.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from .harness import Dashboard

pytestmark = pytest.mark.browser

#: The map has drawn its labels and assets/labels.js has weighed every one of them.
_LABELS_PLACED = """() => {
  const gd = document.querySelector('#map .js-plotly-plot');
  const names = gd && gd._fullData && gd._fullData.find((t) => t.uid === 'place-names');
  const n = names && names.text ? names.text.length : 0;
  return n > 0 && gd.querySelectorAll('.trace.scattergeo text').length === n
    && gd.dataset.labelsFor === String(n);
}"""

#: The timeline has drawn bars.
_TIMELINE_DRAWN = """() => {
  const gd = document.querySelector('#timeline .js-plotly-plot');
  return gd && gd._fullData && gd._fullData.length > 0
    && gd.querySelectorAll('.trace.bars .point path').length > 0;
}"""

#: The geo frame of the map in page coordinates, and a projection of [lon, lat] into them.
_FRAME = """
  const gd = document.querySelector('#map .js-plotly-plot');
  const sp = gd._fullLayout.geo._subplot;
  const origin = gd.querySelector('.main-svg').getBoundingClientRect();
  const frame = {left: origin.left + sp.xaxis._offset, top: origin.top + sp.yaxis._offset};
  frame.right = frame.left + sp.xaxis._length;
  frame.bottom = frame.top + sp.yaxis._length;
  const project = (lon, lat) => {
    const [x, y] = sp.projection([lon, lat]);
    return [origin.left + x, origin.top + y];
  };
  const inside = ([x, y]) => x > frame.left && x < frame.right && y > frame.top && y < frame.bottom;
"""


def _open(board: Dashboard, query: str = "") -> Page:
    board.open(query)
    board.page.wait_for_function(_TIMELINE_DRAWN)
    return board.page


@pytest.fixture
def phone(browser: Browser, embedded_server: str) -> Iterator[Dashboard]:
    """The embedded data's dashboard on a 390x844 phone screen (not yet opened)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield Dashboard.watch(context.new_page(), embedded_server)
    context.close()


@pytest.fixture
def laptop(browser: Browser, embedded_server: str) -> Iterator[Dashboard]:
    """The embedded data's dashboard on a 1280x720 laptop screen (not yet opened)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    yield Dashboard.watch(context.new_page(), embedded_server)
    context.close()


def _summary_count(page: Page) -> int:
    return int(re.match(r"\d+", page.locator("#summary").inner_text()).group())


@pytest.mark.parametrize(
    "query",
    ["", "?sector=clean-air", "?sector=culture&stack=type", "?type=sister_city&from=1985&to=2005"],
)
def test_the_timeline_counts_the_agreements_the_summary_counts(
    embedded_dashboard: Dashboard, query: str
) -> None:
    page = _open(embedded_dashboard, query)
    years = re.findall(r"(?:from|to)=(\d{4})", query)
    low, high = (int(years[0]), int(years[1])) if years else (0, 10_000)
    bars = page.evaluate(
        """([low, high, filtered]) => {
          const gd = document.querySelector('#timeline .js-plotly-plot');
          let total = 0;
          for (const t of gd._fullData) {
            const undated = t.name === 'undated';
            t.x.forEach((year, i) => {
              if (undated ? !filtered : (year >= low && year <= high)) total += t.y[i];
            });
          }
          return total;
        }""",
        [low, high, bool(years)],
    )
    assert bars == _summary_count(page) > 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_two_drawn_map_labels_overlap(embedded_dashboard: Dashboard, lang: str) -> None:
    page = _open(embedded_dashboard, f"?lang={lang}")
    page.wait_for_function(_LABELS_PLACED)
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('#map .trace.scattergeo text')]
            .filter((t) => getComputedStyle(t).visibility !== 'hidden')
            .map((t) => { const r = t.getBoundingClientRect();
                          return [t.textContent, r.left, r.top, r.right, r.bottom]; })"""
    )
    assert len(boxes) >= 8, boxes  # the busiest places are named
    for a, b in itertools.combinations(boxes, 2):
        apart = a[3] <= b[1] or b[3] <= a[1] or a[4] <= b[2] or b[4] <= a[2]
        assert apart, (a, b)
    if lang == "zh":
        assert any(re.search(r"[\u4e00-\u9fff]", box[0]) for box in boxes)


def test_every_arc_lies_inside_the_map_frame(embedded_dashboard: Dashboard) -> None:
    page = _open(embedded_dashboard)
    outside = page.evaluate(
        "() => {"
        + _FRAME
        + """
          const out = [];
          for (const t of gd._fullData) {
            if (t.mode !== 'lines' || !t.uid.startsWith('arcs-')) continue;
            t.lat.forEach((lat, i) => {
              if (lat === null || Number.isNaN(lat)) return;
              if (!inside(project(t.lon[i], lat))) out.push([t.uid, t.lon[i], lat]);
            });
          }
          // A path cut by the frame runs along its edge: its box would touch the edge.
          gd.querySelectorAll('.trace.scattergeo path.js-line').forEach((path) => {
            const r = path.getBoundingClientRect();
            if (!r.width) return;
            if (r.top <= frame.top + 0.5 || r.bottom >= frame.bottom - 0.5
                || r.left <= frame.left + 0.5 || r.right >= frame.right - 0.5) {
              out.push(['path', r.left, r.top, r.right, r.bottom]);
            }
          });
          return out;
        }"""
    )
    drawn = page.evaluate(
        "() => document.querySelectorAll('#map .trace.scattergeo path.js-line').length"
    )
    assert drawn > 0
    assert outside == []


def _points_outside(page: Page, uids: list[str]) -> list:
    return page.evaluate(
        "(uids) => {"
        + _FRAME
        + """
          const out = [];
          for (const t of gd._fullData) {
            if (!uids.includes(t.uid)) continue;
            t.lat.forEach((lat, i) => {
              if (!inside(project(t.lon[i], lat))) out.push([t.uid, t.lon[i], lat]);
            });
          }
          return out;
        }""",
        uids,
    )


def test_a_table_row_selects_its_place_highlighted_and_framed(
    embedded_dashboard: Dashboard,
) -> None:
    page = _open(embedded_dashboard)
    page.locator("#data-table button.link", has_text="Zhenjiang").first.click()
    page.wait_for_function(
        """() => { const gd = document.querySelector('#map .js-plotly-plot');
                   const t = gd._fullData.find((t) => t.uid === 'selected-places');
                   return t && t.lat && t.lat.length >= 2; }"""
    )
    embedded_dashboard.settle()
    state = page.evaluate(
        """() => Object.fromEntries(document.querySelector('#map .js-plotly-plot')._fullData
              .map((t) => [t.uid, [t.opacity, (t.lat || []).length]]))"""
    )
    assert state["points-CN"][0] < 0.5 and state["points-US"][0] < 0.5  # the rest dimmed
    assert state["selected-links"][1] > 0
    assert _points_outside(page, ["selected-places"]) == []
    ringed = page.locator("#map .trace.scattergeo path.point").count()
    assert ringed >= state["selected-places"][1]


def test_searching_a_place_frames_both_ends_of_its_links(embedded_dashboard: Dashboard) -> None:
    page = _open(embedded_dashboard)
    page.fill("#place-search", "Zhenjiang")
    page.press("#place-search", "Enter")
    embedded_dashboard.settle()
    page.wait_for_function("() => location.search.includes('place=')")
    us = page.evaluate(
        """() => document.querySelector('#map .js-plotly-plot')._fullData
              .find((t) => t.uid === 'points-US').lat.length"""
    )
    assert us > 0  # Zhenjiang's US partners are drawn...
    assert _points_outside(page, ["points-CN", "points-US"]) == []  # ...and inside the frame


def test_the_year_filter_fades_the_bars_outside_it(embedded_dashboard: Dashboard) -> None:
    page = _open(embedded_dashboard, "?from=2008&to=2015")
    bars = page.evaluate(
        """() => [...document.querySelectorAll('#timeline .trace.bars .point path')].map(
              (p) => [p.__data__.p, Number(getComputedStyle(p).opacity)])"""
    )
    inside = [opacity for year, opacity in bars if 2008 <= year <= 2015]
    outside = [opacity for year, opacity in bars if not 2008 <= year <= 2015]
    assert inside and outside
    assert min(inside) == 1.0
    assert max(outside) < 0.5
    band = page.locator("#timeline .shapelayer path").first.bounding_box()
    assert band is not None and band["height"] > 50  # a band, not a line on the axis


def test_suggestions_appear_while_typing(embedded_dashboard: Dashboard) -> None:
    page = _open(embedded_dashboard)
    shown = "#place-suggestions li:not([hidden])"

    def type_and_wait(typed: str) -> None:
        # The list names the text its suggestions answer; until then it still shows the last.
        page.fill("#place-search", typed)
        page.wait_for_function(
            "(typed) => document.querySelector('#place-suggestions').dataset.answers === typed",
            arg=typed,
        )

    for typed, place in [("zhenjang", "Zhenjiang"), ("Peking", "Beijing"), ("镇", "镇江")]:
        type_and_wait(typed)
        first = page.locator(shown).first.inner_text()
        assert place in first and re.search(r"\d+ agreements?", first), (typed, first)
    type_and_wait("Bostn")
    page.locator(shown).first.locator("button").click()
    embedded_dashboard.settle()
    page.wait_for_function("() => location.search.includes('place=')")
    assert page.locator("#place-search").input_value() == "Boston"
    type_and_wait("Zqxwv")
    assert page.locator(shown).count() == 0
    assert "No place" in page.locator("#place-suggestions-status").inner_text()


def test_a_laptop_shows_map_and_timeline_without_scrolling(laptop: Dashboard) -> None:
    page = _open(laptop)
    for element in ("#map", "#timeline"):
        box = page.locator(element).bounding_box()
        assert box is not None and box["height"] > 100
        assert box["y"] >= 0 and box["y"] + box["height"] <= 720, (element, box)


#: The drawn map's frame, the bounding boxes of its geo layer and of its ocean (the sphere as
#: drawn, cut by the frame), and the map's own element, each as [left, top, width, height].
_MAP_AREA = (
    "() => {"
    + _FRAME
    + """
      const rect = (el) => { const r = el.getBoundingClientRect();
                             return [r.left, r.top, r.width, r.height]; };
      return {
        frame: [frame.left, frame.top, frame.right - frame.left, frame.bottom - frame.top],
        geo: rect(gd.querySelector('.geo')),
        ocean: rect(gd.querySelector('.geo .ocean path')),
        div: rect(document.querySelector('#map')),
      };
    }"""
)


def test_a_phone_map_fills_over_half_the_screen_height(phone: Dashboard) -> None:
    page = _open(phone)
    page.wait_for_function(_LABELS_PLACED)
    area = page.evaluate(_MAP_AREA)
    for part in ("frame", "geo", "ocean"):
        assert area[part][3] >= 844 / 2, (part, area)
    # The map is drawn across the whole box, not a world-shaped strip inside it.
    assert area["ocean"][2] >= area["div"][2] - 2 and area["ocean"][3] >= area["div"][3] - 2, area


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("screen", [(390, 844), (1280, 720), (1440, 1000)])
def test_no_drawn_label_crosses_the_map_frame(
    browser: Browser, embedded_server: str, screen: tuple[int, int], lang: str
) -> None:
    context = browser.new_context(viewport={"width": screen[0], "height": screen[1]})
    board = Dashboard.watch(context.new_page(), embedded_server)
    page = _open(board, f"?lang={lang}")
    page.wait_for_function(_LABELS_PLACED)
    found = page.evaluate(
        "() => {"
        + _FRAME
        + """
          const drawn = [...gd.querySelectorAll('.trace.scattergeo text')]
            .filter((t) => getComputedStyle(t).visibility !== 'hidden')
            .map((t) => { const r = t.getBoundingClientRect();
                          return [t.textContent, r.left, r.top, r.right, r.bottom]; });
          const cut = drawn.filter(([, l, t, r, b]) => l < frame.left - 0.5 || t < frame.top - 0.5
                                   || r > frame.right + 0.5 || b > frame.bottom + 0.5);
          return {drawn: drawn.length, cut};
        }"""
    )
    context.close()
    assert found["drawn"] >= 6, found  # the busiest places are named...
    assert found["cut"] == [], found  # ...and no name runs past the frame's edge


def test_a_phone_shows_the_map_first_legends_folded_years_readable(phone: Dashboard) -> None:
    page = _open(phone)
    page.wait_for_function(
        """() => { const gd = document.querySelector('#timeline .js-plotly-plot');
                   return gd.dataset.legendFolded === 'true' && gd.layout.showlegend === false
                     && !gd.querySelector('.legend'); }"""
    )
    map_box = page.locator("#map").bounding_box()
    filters_box = page.locator(".filters").bounding_box()
    assert map_box["y"] < filters_box["y"]  # the map before the filters
    assert map_box["width"] >= 340
    legend = page.locator("#map-legend").bounding_box()
    assert legend["height"] <= 32  # one line, scrolled sideways
    assert (
        page.evaluate("() => document.querySelector('#timeline .js-plotly-plot').layout.showlegend")
        is False
    )
    ticks = page.evaluate(
        """() => [...document.querySelectorAll('#timeline .xtick text')].map((t) => {
              const r = t.getBoundingClientRect();
              return [t.textContent, r.left, r.right, parseFloat(getComputedStyle(t).fontSize)]; })"""
    )
    assert len(ticks) >= 4
    assert all(size >= 11 for *_, size in ticks)
    ordered = sorted(ticks, key=lambda t: t[1])
    assert all(a[2] <= b[1] for a, b in itertools.pairwise(ordered)), ordered
