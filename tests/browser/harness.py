"""The browser-test harness: serve the dashboard on a free port and watch a page of it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Page, Request
from werkzeug.serving import BaseWSGIServer, make_server

from partnermap.app import create_app

FIXTURE_DATA = Path(__file__).resolve().parent.parent / "fixtures" / "dashboard"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


#: Logs every Dash callback request the page makes, in the page itself, as it happens: what the
#: tests wait on is then the page's own state, never a listener's list that may lag behind it.
CALLBACK_LOG = """(() => {
  const log = (window.__partnermapCallbacks = []);
  const fetch = window.fetch;
  window.fetch = function (resource, init) {
    const url = String((resource && resource.url) || resource);
    if (!url.includes("_dash-update-component")) return fetch.apply(this, arguments);
    let output = "";
    try { output = JSON.parse(init.body).output; } catch (e) {}
    log.push(["sent", output]);
    return fetch.apply(this, arguments).then(
      (r) => { log.push(["done", output]); return r; },
      (e) => { log.push(["failed", output]); throw e; });
  };
})();"""

#: True once the page has sent callbacks since the last settle (a count kept in the page, so a
#: reload starts it again), every one has its answer, and the Dash renderer has nothing pending
#: (its redux store's ``isLoading`` counts callbacks requested, blocked, executing, and answered
#: but not yet applied); then records the count.
_SETTLED = """() => {
  const log = window.__partnermapCallbacks || [];
  const sent = log.filter((e) => e[0] === "sent").length;
  const done = sent > (window.__partnermapSettled || 0) && 2 * sent === log.length
      && window.store && !window.store.getState().isLoading;
  if (done) window.__partnermapSettled = sent;
  return done;
}"""

#: True once every graph has drawn the figure the Dash store holds for it: plotly has taken its
#: data (``gd.data`` is the store's array) and dcc.Graph has finished ``Plotly.react`` (it marks
#: the graph ``dash-graph--pending`` until then).
_DRAWN = """() => {
  const state = window.store.getState();
  return [...document.querySelectorAll(".js-plotly-plot")].every((gd) => {
    const path = state.paths.strs[gd.closest("[id]").id];
    let node = state.layout;
    for (const key of path || []) node = node && node[key];
    const figure = node && node.props && node.props.figure;
    return !figure || (gd.data === figure.data && !gd.classList.contains("dash-graph--pending"));
  });
}"""

_TWO_FRAMES = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"


@dataclass
class Dashboard:
    """A page of the running dashboard and what it did."""

    page: Page
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    @classmethod
    def watch(cls, page: Page, base_url: str) -> Dashboard:
        """Start recording ``page``'s console errors, off-host requests and callbacks."""
        board = cls(page, base_url)
        page.add_init_script(CALLBACK_LOG)
        page.on("console", lambda m: m.type == "error" and board.console_errors.append(m.text))
        page.on("pageerror", lambda e: board.console_errors.append(str(e)))
        page.on("request", board._sent)
        return board

    def _sent(self, request: Request) -> None:
        if request.url.startswith("http") and urlparse(request.url).hostname not in LOOPBACK:
            self.external_requests.append(request.url)

    def open(self, query: str = "") -> None:
        """Load the page at ``query`` and wait until it has drawn its first view."""
        self.page.goto(self.base_url + "/" + query)
        self.page.wait_for_selector(
            "#map .scattergeo path.point, #summary:has-text('No agreement')"
        )
        self.settle()

    def callbacks(self) -> list[tuple[str, str]]:
        """("sent" | "done" | "failed", output) for every callback request, in page order."""
        return [tuple(entry) for entry in self.page.evaluate("window.__partnermapCallbacks")]

    def settle(self, timeout_s: float = 60.0) -> None:
        """Wait until the callbacks of the last change are answered, applied and drawn.

        Call it once after each action that changes a control: it waits for at least one
        callback sent since the last settle, so it cannot return before the change went out.
        """
        self.page.wait_for_function(_SETTLED, timeout=timeout_s * 1000)
        self.page.evaluate(_TWO_FRAMES)  # React hands the applied figures to the graphs
        self.page.wait_for_function(_DRAWN, timeout=timeout_s * 1000)

    def trace_lengths(self) -> dict[str, int]:
        """Points per map trace, by trace uid, as plotly drew them."""
        return self.page.evaluate(
            """() => Object.fromEntries(
                document.querySelector('#map .js-plotly-plot')._fullData.map(
                    t => [t.uid, (t.lat || t.locations || []).length]))"""
        )

    def map_counts(self) -> tuple[int, int]:
        """(places, arcs) on the map: the markers drawn in the page, and the links' middles
        (targets that draw no marker)."""
        lengths = self.trace_lengths()
        places = lengths["points-CN"] + lengths["points-US"]
        drawn = self.page.locator("#map .scattergeo path.point").count()
        markers = ("hubs", "selected-places", "place-names")
        assert drawn == places + sum(lengths[uid] for uid in markers)
        return places, lengths["arc-midpoints"]


def serve(data_dir: Path) -> Iterator[str]:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server: BaseWSGIServer = make_server("127.0.0.1", 0, create_app(data_dir).server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
