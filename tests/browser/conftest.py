"""Browser tests: the dashboard served on a free local port, driven by Debian's chromium.

The server and browser live as long as this package of tests (other tests start their own
Playwright). Every page records its console errors, the requests it sends to hosts other than
its own, and the Dash callbacks in flight, so a test can wait for the page to settle and check
it stayed offline.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from partnermap.benchmarks.browser import CHROMIUM, CHROMIUM_ARGS
from partnermap.data.loader import EMBEDDED_DATA_DIR

from .harness import FIXTURE_DATA, Dashboard, serve


@pytest.fixture(scope="package")
def fixture_server() -> Iterator[str]:
    """The dashboard on the small test corpus (tests/fixtures/dashboard)."""
    yield from serve(FIXTURE_DATA)


@pytest.fixture(scope="package")
def embedded_server() -> Iterator[str]:
    """The dashboard on the embedded data, as ``partnermap serve`` runs it."""
    yield from serve(EMBEDDED_DATA_DIR)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _dashboard(browser: Browser, base_url: str) -> Iterator[Dashboard]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    board = Dashboard.watch(context.new_page(), base_url)
    yield board
    context.close()
    assert not board.external_requests, board.external_requests


@pytest.fixture
def dashboard(browser: Browser, fixture_server: str) -> Iterator[Dashboard]:
    """A fresh page of the dashboard on the test corpus (not yet opened)."""
    yield from _dashboard(browser, fixture_server)


@pytest.fixture
def embedded_dashboard(browser: Browser, embedded_server: str) -> Iterator[Dashboard]:
    """A fresh page of the dashboard on the embedded data (not yet opened)."""
    yield from _dashboard(browser, embedded_server)
