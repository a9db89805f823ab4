"""The browser-test harness: serve the dashboard on a free port and watch a page of it."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Page, Request
from werkzeug.serving import BaseWSGIServer, make_server

from partnermap.app import create_app

FIXTURE_DATA = Path(__file__).resolve().parent.parent / "fixtures" / "dashboard"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Dashboard:
    """A page of the running dashboard and what it did."""

    page: Page
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    in_flight: set[Request] = field(default_factory=set)

    @classmethod
    def watch(cls, page: Page, base_url: str) -> Dashboard:
        """Start recording ``page``'s console errors, off-host requests and callbacks."""
        board = cls(page, base_url)
        page.on("console", lambda m: m.type == "error" and board.console_errors.append(m.text))
        page.on("pageerror", lambda e: board.console_errors.append(str(e)))
        page.on("request", board._sent)
        page.on("requestfinished", board._done)
        page.on("requestfailed", board._done)
        return board

    def _done(self, request: Request) -> None:
        self.in_flight.discard(request)

    def _sent(self, request: Request) -> None:
        if request.url.startswith("http") and urlparse(request.url).hostname not in LOOPBACK:
            self.external_requests.append(request.url)
        if "_dash-update-component" in request.url:
            self.in_flight.add(request)

    def open(self, query: str = "") -> None:
        """Load the page at ``query`` and wait until it has drawn its first view."""
        self.page.goto(self.base_url + "/" + query)
        self.page.wait_for_selector(
            "#map .scattergeo path.point, #summary:has-text('No agreement')"
        )
        self.settle()

    def settle(self, quiet_ms: int = 400, timeout_s: float = 20.0) -> None:
        """Wait until no Dash callback has been in flight for ``quiet_ms``."""
        deadline = time.monotonic() + timeout_s
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
            if self.in_flight:
                quiet_since = time.monotonic()
            elif (time.monotonic() - quiet_since) * 1000 >= quiet_ms:
                return
        raise TimeoutError(f"the dashboard kept calling back for {timeout_s:.0f} s")

    def trace_lengths(self) -> dict[str, int]:
        """Points per map trace, by trace uid, as plotly drew them."""
        return self.page.evaluate(
            """() => Object.fromEntries(
                document.querySelector('#map .js-plotly-plot')._fullData.map(
                    t => [t.uid, (t.lat || t.locations || []).length]))"""
        )

    def map_counts(self) -> tuple[int, int]:
        """(places, arcs) on the map, from the markers drawn in the page."""
        lengths = self.trace_lengths()
        places = lengths["points-CN"] + lengths["points-US"]
        drawn = self.page.locator("#map .scattergeo path.point").count()
        assert drawn == places + lengths["arc-midpoints"]
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
