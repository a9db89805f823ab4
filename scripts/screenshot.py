"""Take the README screenshot of the dashboard: serve the app, load it in chromium, save a PNG.

    .venv/bin/python scripts/screenshot.py [--data DIR] [--query "?sector=culture"] [--out PATH]

Uses Debian's chromium through Playwright (no browser download) and makes no request off
this machine.
"""

from __future__ import annotations

import argparse
import logging
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from partnermap.app import create_app
from partnermap.benchmarks.browser import CHROMIUM, CHROMIUM_ARGS
from partnermap.data.loader import EMBEDDED_DATA_DIR

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "dashboard.png"


def screenshot(
    data_dir: Path, query: str, out: Path, width: int = 1440, height: int = 1000
) -> Path:
    """Serve ``data_dir`` on a free local port and save the page at ``query`` as ``out``."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, create_app(data_dir).server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(f"http://127.0.0.1:{server.server_port}/{query}")
            page.wait_for_selector("#map .scattergeo .point", timeout=30_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1000)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=True)
            browser.close()
    finally:
        server.shutdown()
    return out


def main() -> None:
    """Parse the command line and take the screenshot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=EMBEDDED_DATA_DIR, help="data directory")
    parser.add_argument("--query", default="", help='URL query, e.g. "?lang=zh"')
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="PNG to write")
    args = parser.parse_args()
    print(screenshot(args.data, args.query, args.out))


if __name__ == "__main__":
    main()
