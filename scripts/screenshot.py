"""Take the README's pictures: the dashboard on three screens, and a PNG and a PDF export.

    .venv/bin/python scripts/screenshot.py [--data DIR] [--query "?sector=culture"] [--out DIR]

Serves the app on a free local port and loads it in Debian's chromium through Playwright (no
browser download, no request off this machine); each picture is taken once the map has drawn
its labels and the timeline its bars, never after a fixed wait. The exports are made the way
``partnermap export`` makes them; the PDF's pages are also saved as PNGs (``pdftoppm``).
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from partnermap.app import create_app
from partnermap.benchmarks.browser import CHROMIUM, CHROMIUM_ARGS
from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.exports.build import corpus_index, export
from partnermap.exports.render import Renderer
from partnermap.exports.request import ExportRequest
from partnermap.geo.basemap import BASEMAP_DIR

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs"
#: File name -> (width, height, whole page or the first screen only).
SCREENS = {
    "dashboard.png": (1440, 1000, True),
    "dashboard-laptop.png": (1280, 720, False),
    "dashboard-phone.png": (390, 844, False),
}
#: The map has drawn its labels (assets/labels.js weighed them) and the timeline its bars.
_DRAWN = """() => {
  const map = document.querySelector('#map .js-plotly-plot');
  const names = map && map._fullData && map._fullData.find((t) => t.uid === 'place-names');
  const n = names && names.text ? names.text.length : 0;
  const bars = document.querySelectorAll('#timeline .trace.bars .point path').length;
  return n > 0 && map.dataset.labelsFor === String(n) && bars > 0;
}"""


def screenshots(data_dir: Path, query: str, out: Path) -> list[Path]:
    """Serve ``data_dir`` and save the page at ``query`` on each of ``SCREENS`` in ``out``."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, create_app(data_dir).server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    saved = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, (width, height, whole) in SCREENS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(f"http://127.0.0.1:{server.server_port}/{query}")
                page.wait_for_function(_DRAWN, timeout=60_000)
                page.wait_for_load_state("networkidle")
                saved.append(out / name)
                page.screenshot(path=str(saved[-1]), full_page=whole)
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return saved


def exports(data_dir: Path, out: Path) -> list[Path]:
    """An A4 PNG and PDF of the whole data, and the PDF's pages as PNGs."""
    corpus = load_corpus(data_dir)
    index = corpus_index(corpus)
    saved = []
    with Renderer(BASEMAP_DIR) as renderer:
        for fmt in ("png", "pdf"):
            request = ExportRequest(fmt, size="a4", scale=1.0)
            saved.append(out / f"export-a4.{fmt}")
            saved[-1].write_bytes(export(request, corpus.localities, index, renderer).content)
    pages = out / "export-a4-pdf-page"
    subprocess.run(["pdftoppm", "-png", "-r", "72", str(saved[-1]), str(pages)], check=True)
    return [*saved, *sorted(out.glob("export-a4-pdf-page-*.png"))]


def main() -> None:
    """Parse the command line and take the pictures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=EMBEDDED_DATA_DIR, help="data directory")
    parser.add_argument("--query", default="", help='URL query, e.g. "?lang=zh"')
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write to")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in [*screenshots(args.data, args.query, args.out), *exports(args.data, args.out)]:
        print(path)


if __name__ == "__main__":
    main()
