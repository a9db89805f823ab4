"""The dashboard at world scale: zooming in draws finer links, a selected place draws all of them.

Served on a synthetic world registry (``benchmarks.synthetic``) with one town twinned with more
places than the map used to draw (300 links), so the count drawn is checked against the data.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

from partnermap.benchmarks.synthetic import write_dataset
from partnermap.page.details import MAX_LISTED

from .harness import _SETTLED, Dashboard, serve

#: How long the page may take to answer (a world registry on a busy two-core machine).
WAIT_MS = 60_000
#: More partners than the map's old cap of 300 drawn links.
HUB_PARTNERS = 320


def _partners_of(place: str, directory: Path) -> tuple[set[str], int]:
    """The places ``place`` is a party with in the records of ``directory``, and how many
    records name it: read from the files."""
    partners: set[str] = set()
    naming = 0
    for path in (directory / "records").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for record in yaml.load(text, Loader=yaml.CSafeLoader)["records"]:
            parties = {loc["id"] for loc in record["localities"] if loc.get("role") == "party"}
            if place in parties:
                partners |= parties - {place}
                naming += 1
    return partners, naming


def _with_hub(directory: Path) -> str:
    """Add records twinning one town with ``HUB_PARTNERS`` others; return the town's id."""
    places = yaml.safe_load((directory / "localities.yaml").read_text())["localities"]
    hub, *others = places
    records = [
        {
            "id": f"hub-{i:04d}",
            "title": f"{hub['name_en']} – {other['name_en']}: sister city",
            "type": "sister_city",
            "date": str(1960 + i % 60),
            "sectors": ["general"],
            "parties": [hub["name_en"], other["name_en"]],
            "localities": [
                {"id": hub["id"], "role": "party"},
                {"id": other["id"], "role": "party"},
            ],
            "status": "unknown",
            "sources": [
                {
                    "url": f"https://registry.example.org/hub/{i}",
                    "accessed": "2026-11",
                    "quote": f"{hub['name_en']} – {other['name_en']}: sister city",
                }
            ],
            "summary": "Synthetic twinning for the world-scale browser test.",
        }
        for i, other in enumerate(others[:HUB_PARTNERS])
    ]
    text = yaml.safe_dump({"records": records}, allow_unicode=True, sort_keys=False)
    (directory / "records" / "hub.yaml").write_text(text, encoding="utf-8")
    return hub["id"]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, int, int]]:
    """The dashboard's URL on a world registry of 1,500 twinnings and a hub, the hub's id, how
    many places it is twinned with and how many records name it (counted from the files)."""
    data = write_dataset(tmp_path_factory.mktemp("world") / "data", 1_500, seed=11, world=True)
    hub = _with_hub(data)
    partners, naming = _partners_of(hub, data)
    assert len(partners) >= HUB_PARTNERS
    for url in serve(data):
        yield url, hub, len(partners), naming


@pytest.fixture
def board(browser: Browser, world: tuple[str, str, int, int]) -> Iterator[Dashboard]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    dashboard = Dashboard.watch(context.new_page(), world[0])
    yield dashboard
    context.close()
    assert not dashboard.external_requests, dashboard.external_requests


_LINKS = """() => {
  const gd = document.querySelector('#map .js-plotly-plot');
  const mid = gd._fullData.find((t) => t.uid === 'arc-midpoints');
  return {kinds: [...new Set((mid.customdata || []).map((c) => c[0]))], count: mid.lat.length,
          scale: gd._fullLayout.geo.projection.scale};
}"""

_SELECTED = """() => {
  const gd = document.querySelector('#map .js-plotly-plot');
  const links = gd._fullData.find((t) => t.uid === 'selected-links');
  const rings = gd._fullData.find((t) => t.uid === 'selected-places');
  return {gaps: [...links.lat].filter((v) => v === null || Number.isNaN(v)).length,
          rings: rings.lat.length};
}"""


_DRAWN_LINKS = """() => {
  const gd = document.querySelector('#map .js-plotly-plot');
  const mid = gd && gd._fullData && gd._fullData.find((t) => t.uid === 'arc-midpoints');
  return Boolean(mid && mid.lat && mid.lat.length);
}"""


def _open(board: Dashboard, query: str = "") -> None:
    """Open the page and wait until the map has drawn its links and every callback is answered."""
    board.page.goto(board.base_url + "/" + query)
    board.page.wait_for_function(_DRAWN_LINKS, timeout=60_000)
    board.page.wait_for_function(_SETTLED, timeout=WAIT_MS)


def test_zooming_in_draws_finer_links(board: Dashboard) -> None:
    _open(board)
    whole = board.page.evaluate(_LINKS)
    assert whole["kinds"] == ["countries"]
    assert "pair of countries" in board.page.inner_text("#summary")
    box = board.page.locator("#map .js-plotly-plot").bounding_box()
    assert box is not None
    # Over western Europe, where the registry's towns are thickest.
    board.page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.3)
    for _ in range(6):
        board.page.mouse.wheel(0, -300)
    finer = f"() => ({_LINKS})().kinds.every((kind) => kind !== 'countries')"
    board.page.wait_for_function(finer, timeout=60_000)
    zoomed = board.page.evaluate(_LINKS)
    assert zoomed["scale"] > 2  # the person's zoom stays after the repaint
    assert set(zoomed["kinds"]) <= {"pair", "regions"} and zoomed["kinds"]
    assert "pair of countries" not in board.page.inner_text("#summary")


def test_a_selected_place_draws_every_one_of_its_links(
    board: Dashboard, world: tuple[str, str, int, int]
) -> None:
    _, hub, partners, naming = world
    _open(board, f"?select=place,{hub}")
    board.page.wait_for_function(f"() => ({_SELECTED})().gaps > 0", timeout=60_000)
    drawn = board.page.evaluate(_SELECTED)
    assert drawn["gaps"] == partners  # one path per link, each ended by a gap
    assert drawn["rings"] == partners + 1  # every partner, and the town itself
    heading = board.page.locator("#details h3").inner_text()
    assert f": {naming} agreements (the first {MAX_LISTED} listed" in heading


_MARKS = """() => [...document.querySelectorAll('#filter-years .dash-slider-mark')]
  .map((mark) => mark.getBoundingClientRect()).map((box) => [box.left, box.right])"""


def test_the_years_under_the_slider_stand_apart(board: Dashboard) -> None:
    _open(board)
    marks = sorted(board.page.evaluate(_MARKS))
    assert len(marks) >= 3
    gaps = [start - end for (_, end), (start, _) in itertools.pairwise(marks)]
    assert min(gaps) >= 4, marks  # a space at least between two labels
