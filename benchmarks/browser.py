"""Time a dashboard in chromium: the first page load, and filter change -> map repainted.

Everything is timed inside the page. An init script wraps ``fetch`` to note when each Dash
callback is sent and answered (and for which output), and listens to the map's
``plotly_afterplot``. A filter change sets one control through ``dash_clientside.set_props``,
exactly as a person's pick reaches the Dash renderer; it is repainted at the first
``plotly_afterplot`` after the answer of the ``map.figure`` callback arrived. Server time and
bytes come from the Resource Timing entries of the callbacks the change caused: server time
is ``responseStart - requestStart`` (the wait for the first byte, on loopback), bytes are the
transfer sizes (compressed body and headers).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Browser, Page

#: Debian's chromium and how every script and test here starts it: headless, and quiet (no
#: background requests, updates or sync), so it asks nothing of the network.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1440, "height": 1000}

_INIT = r"""
(() => {
  performance.setResourceTimingBufferSize(100000);
  const bench = (window.__bench = { inflight: 0, calls: [], afterplot: [], t0: 0 });
  const fetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === "string" ? input : input.url;
    if (!url.includes("_dash-update-component")) return fetch.apply(this, arguments);
    let output = "";
    try { output = JSON.parse(init.body).output; } catch (e) {}
    const call = { output, start: performance.now(), end: null };
    bench.calls.push(call);
    bench.inflight++;
    return fetch.apply(this, arguments)
      .then((response) => { call.end = performance.now(); return response; })
      .finally(() => { bench.inflight--; });
  };
})();
"""

_DRAWN = "() => document.querySelector('#map .scattergeo path.point') ? performance.now() : false"

_LISTEN = """() => {
  const gd = document.querySelector('#map .js-plotly-plot');
  const bench = window.__bench;
  bench.painted = new Map();
  // A message posted from the next animation frame arrives after that frame is painted.
  gd.on('plotly_afterplot', () => {
    const t = performance.now();
    bench.afterplot.push(t);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => bench.painted.set(t, performance.now());
      channel.port2.postMessage(0);
    });
  });
  const vertices = gd._fullData.reduce((n, t) => n + (t.lat || t.locations || []).length, 0);
  return { vertices, plotly: window.Plotly.version };
}"""

#: Sets a component property; a zoom's extent takes the map's current ``uirevision``, as the
#: page's own report of a zoom does (``callbacks.mapview``).
_CHANGE = """([id, prop, value]) => {
  if (value && value.revision === "current") {
    const gd = document.querySelector('#map .js-plotly-plot');
    value = { ...value, revision: String(gd._fullLayout.uirevision) };
  }
  window.__bench.t0 = performance.now();
  window.dash_clientside.set_props(id, { [prop]: value });
  return window.__bench.t0;
}"""

_REPAINTED = """() => {
  const b = window.__bench;
  const map = b.calls.find((c) => c.start >= b.t0 && c.output.includes('map.figure') && c.end !== null);
  const drawn = map && b.afterplot.find((t) => t >= map.end);
  if (drawn === undefined || !b.painted.has(drawn)) return false;
  return { repaint: drawn - b.t0, painted: b.painted.get(drawn) - b.t0, map_start: map.start };
}"""

_CALLBACKS = """(t0) => performance.getEntriesByType('resource')
  .filter((e) => e.name.includes('_dash-update-component') && e.startTime >= t0 - 1)
  .map((e) => ({ start: e.startTime, server: e.responseStart - e.requestStart,
                 bytes: e.transferSize }))"""

_PAGE_BYTES = """() => [...performance.getEntriesByType('navigation'),
                     ...performance.getEntriesByType('resource')]
  .reduce((n, e) => n + e.transferSize, 0)"""


@dataclass(frozen=True)
class PageLoad:
    """One first load of the page, with an empty cache."""

    #: From navigation start to the first place marker drawn on the map.
    to_map_s: float
    #: Everything transferred until the page went quiet: HTML, scripts, data, callbacks.
    bytes: int


#: A change to time: (kind, component id, property, value); kind is "filter", "selection" or "zoom".
Step = tuple[str, str, str, Any]
#: Zooms (centre lon, lat, projection scale): Europe, East Asia, North America, then the whole view.
ZOOMS = ((10.0, 50.0, 4.0), (115.0, 32.0, 3.0), (-95.0, 40.0, 3.0))


@dataclass(frozen=True)
class Change:
    """One timed change: a filter, a selection or a zoom."""

    kind: str

    #: From setting the control to the map's redraw after the map callback answered.
    repaint_ms: float
    #: From setting the control to the first frame painted after that redraw: what a person
    #: sees, including the layout and paint plotly leaves to the browser.
    painted_ms: float
    #: Server time of every callback the change caused, summed.
    server_ms: float
    #: Server time of the map callback alone.
    map_server_ms: float
    #: Transferred by those callbacks.
    bytes: int
    callbacks: int


def filter_changes(year_bounds: tuple[int, int], n: int) -> list[Step]:
    """Return ``n`` control changes, each different from the last.

    The cycle sets and widens a sector, a type, the years and the level, and clears them.
    """
    first, last = year_bounds
    mid = (first + last) // 2
    cycle = [
        ("filter-sector", ["trade-investment"]),
        ("filter-sector", ["trade-investment", "clean-air"]),
        ("filter-type", ["sister_city", "friendship"]),
        ("filter-years", [mid - 10, mid + 5]),
        ("filter-level", "province"),
        ("filter-years", [mid - 5, last]),
        ("filter-level", ""),
        ("filter-type", []),
        ("filter-years", [first, last]),
        ("filter-sector", []),
    ]
    steps = (cycle[i % len(cycle)] for i in range(n))
    return [("filter", cid, "value", value) for cid, value in steps]


def view_changes(places: Sequence[str]) -> list[Step]:
    """Zoom in three times and back out, then select each of ``places`` in turn and clear it."""
    zooms: list[Step] = [
        (
            "zoom",
            "map-extent",
            "data",
            {"lon": lon, "lat": lat, "scale": scale, "revision": "current"},
        )
        for lon, lat, scale in ZOOMS
    ]
    zooms.append(("zoom", "map-extent", "data", None))
    selections: list[Step] = [("selection", "selection", "data", ["place", p]) for p in places]
    selections.append(("selection", "selection", "data", None))
    return zooms + selections


def first_load(browser: Browser, url: str, timeout_s: float = 600) -> PageLoad:
    """Open ``url`` in a fresh browser context and time the first drawn map."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.add_init_script(_INIT)
        page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        drawn = page.wait_for_function(_DRAWN, polling="raf", timeout=timeout_s * 1000)
        to_map_ms = drawn.json_value()
        _settle(page, timeout_s)
        return PageLoad(to_map_ms / 1000, int(page.evaluate(_PAGE_BYTES)))
    finally:
        context.close()


@dataclass(frozen=True)
class Session:
    """Filter changes timed on one page."""

    #: Points, arc vertices and regions in the map as first drawn.
    vertices: int
    plotly_js: str
    changes: list[Change]


def time_changes(
    browser: Browser, url: str, changes: Sequence[Step], timeout_s: float = 600
) -> Session:
    """Make ``changes`` one after the other on a loaded page; time each."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.add_init_script(_INIT)
        page.goto(url, timeout=timeout_s * 1000)
        page.wait_for_function(_DRAWN, polling="raf", timeout=timeout_s * 1000)
        _settle(page, timeout_s)
        drawn = page.evaluate(_LISTEN)
        timed = [_change(page, change, timeout_s) for change in changes]
        return Session(drawn["vertices"], drawn["plotly"], timed)
    finally:
        context.close()


def _change(page: Page, change: Step, timeout_s: float) -> Change:
    t0 = page.evaluate(_CHANGE, list(change[1:]))
    done = page.wait_for_function(_REPAINTED, polling=10, timeout=timeout_s * 1000).json_value()
    _settle(page, timeout_s)
    entries = page.evaluate(_CALLBACKS, t0)
    map_entry = min(entries, key=lambda e: abs(e["start"] - done["map_start"]))
    return Change(
        kind=change[0],
        repaint_ms=done["repaint"],
        painted_ms=done["painted"],
        server_ms=sum(e["server"] for e in entries),
        map_server_ms=map_entry["server"],
        bytes=sum(e["bytes"] for e in entries),
        callbacks=len(entries),
    )


def _settle(page: Page, timeout_s: float, quiet_ms: int = 300) -> None:
    """Wait until no callback has been in flight for ``quiet_ms``."""
    deadline = time.monotonic() + timeout_s
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(25)
        if page.evaluate("window.__bench.inflight"):
            quiet_since = time.monotonic()
        elif (time.monotonic() - quiet_since) * 1000 >= quiet_ms:
            return
    raise TimeoutError(f"the page kept calling back for {timeout_s:.0f} s")
