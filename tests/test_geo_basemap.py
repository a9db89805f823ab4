"""The offline basemap: committed files, their ids and sizes, the build, and a real render."""

from __future__ import annotations

import base64
import functools
import http.server
import itertools
import json
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import plotly.graph_objects as go
import pytest

from partnermap.geo.basemap import ATTRIBUTION, BASEMAP_DIR, admin1_geojson

ROOT = Path(__file__).resolve().parent.parent
BUILD_SCRIPT = ROOT / "scripts" / "build_basemap.py"
CHROMIUM = Path("/usr/bin/chromium")
SIZE_LIMIT = 400 * 1024
US_STATES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY",
}  # fmt: skip
#: What plotly.js draws for ``scope="world"``; ``subunits`` only for the US and North America.
PLOTLY_OBJECTS = {"land", "ocean", "lakes", "rivers", "coastlines", "countries"}


def _world() -> dict:
    return json.loads((BASEMAP_DIR / "world_110m.json").read_text(encoding="utf-8"))


def test_committed_files_are_under_the_size_targets() -> None:
    for name in ("world_110m.json", "admin1.geojson"):
        assert 10_000 < (BASEMAP_DIR / name).stat().st_size < SIZE_LIMIT, name


def test_admin1_has_every_state_and_province_with_locality_ids() -> None:
    features = admin1_geojson()["features"]
    ids = [f["id"] for f in features]
    assert len(ids) == len(set(ids))
    assert {i for i in ids if i.startswith("US-")} == {f"US-{s}" for s in US_STATES}
    provinces = {i for i in ids if i.startswith("cn:")}
    assert len(provinces) == 33
    assert {"cn:110000", "cn:320000", "cn:650000", "cn:810000", "cn:820000"} <= provinces
    assert "cn:710000" not in provinces
    for feature in features:
        props = feature["properties"]
        assert props["country"] == ("US" if feature["id"].startswith("US-") else "CN")
        assert props["name_en"] and props["name_zh"]
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    by_id = {f["id"]: f["properties"] for f in features}
    assert by_id["cn:320000"]["name_en"] == "Jiangsu"
    assert by_id["US-CA"]["name_zh"] == "加利福尼亚州"


def test_admin1_is_loaded_once() -> None:
    assert admin1_geojson() is admin1_geojson()


def _exterior_rings(geometry: dict) -> list[list[list[float]]]:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return [polygon[0] for polygon in polygons]


def _signed_area(ring: list[list[float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def test_admin1_exteriors_run_clockwise_for_d3() -> None:
    for feature in admin1_geojson()["features"]:
        assert all(_signed_area(r) < 0 for r in _exterior_rings(feature["geometry"])), feature["id"]


def test_world_topology_has_the_objects_and_ids_plotly_reads() -> None:
    world = _world()
    assert world["type"] == "Topology"
    assert set(world["objects"]) == PLOTLY_OBJECTS
    arcs = len(world["arcs"])
    countries = world["objects"]["countries"]["geometries"]
    ids = {g["id"] for g in countries}
    assert {"CHN", "USA", "TWN", "HKG", "MAC", "JPN", "FRA", "NOR", "RUS"} <= ids
    assert all(len(i) == 3 and i.isupper() for i in ids)
    for geometry in countries:
        lon, lat = geometry["properties"]["ct"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90

    def indexes(value: object) -> Iterator[int]:
        if isinstance(value, int):
            yield ~value if value < 0 else value
        elif isinstance(value, list):
            for item in value:
                yield from indexes(item)

    used = set()
    for obj in world["objects"].values():
        for geometry in obj["geometries"]:
            used.update(indexes(geometry["arcs"]))
    assert used == set(range(arcs))  # every arc drawn, none missing


def test_borders_are_shared_arcs() -> None:
    world = _world()

    def used(name: str) -> set[int]:
        found = set()
        stack = [g["arcs"] for g in world["objects"][name]["geometries"]]
        while stack:
            value = stack.pop()
            if isinstance(value, int):
                found.add(~value if value < 0 else value)
            else:
                stack.extend(value)
        return found

    assert used("land") <= used("countries")
    assert used("coastlines") <= used("land")


def test_attribution_names_every_source_in_both_languages() -> None:
    assert set(ATTRIBUTION) == {"en", "zh"}
    assert "Natural Earth" in ATTRIBUTION["en"] and "Census" in ATTRIBUTION["en"]
    assert "Natural Earth" in ATTRIBUTION["zh"] and "高德" in ATTRIBUTION["zh"]
    assert all("\n" not in text for text in ATTRIBUTION.values())


def _build(out: Path, *codes: str) -> None:
    pytest.importorskip("_plotly_geo", reason="the build reads plotly-geo's Census states")
    command = [sys.executable, "-c", _BUILD_SUBSET, str(BUILD_SCRIPT.parent), str(out), *codes]
    subprocess.run(command, check=True, capture_output=True, timeout=300)


_BUILD_SUBSET = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import build_basemap
build_basemap.build(Path(sys.argv[2]), sys.argv[3:])
"""


def test_build_is_deterministic(tmp_path: Path) -> None:
    for run in ("a", "b"):
        _build(tmp_path / run, "JPN", "KOR", "MNG")
    for name in ("world_110m.json", "admin1.geojson"):
        first = (tmp_path / "a" / name).read_bytes()
        assert first == (tmp_path / "b" / name).read_bytes(), name
    world = json.loads((tmp_path / "a" / "world_110m.json").read_text(encoding="utf-8"))
    assert {g["id"] for g in world["objects"]["countries"]["geometries"]} == {"JPN", "KOR", "MNG"}


@pytest.fixture
def offline_page(tmp_path: Path) -> Iterator[str]:
    """A page with a Scattergeo and an admin-1 Choropleth, served on loopback with the basemap."""
    shutil.copytree(BASEMAP_DIR, tmp_path / "basemap")
    admin1 = admin1_geojson()
    ids = [f["id"] for f in admin1["features"]]
    fig = go.Figure()
    fig.add_choropleth(
        geojson=admin1,
        locations=ids,
        z=[1.0] * len(ids),
        locationmode="geojson-id",
        colorscale=[[0, "rgb(200,0,0)"], [1, "rgb(200,0,0)"]],
        showscale=False,
    )
    fig.add_scattergeo(lon=[118.78, -122.42], lat=[32.06, 37.77], mode="markers")
    fig.update_geos(
        projection_type="natural earth",
        projection_rotation_lon=150,
        showocean=True,
        oceancolor="rgb(0,0,200)",
        landcolor="rgb(0,200,0)",
        showcountries=True,
    )
    fig.update_layout(width=1200, height=700, margin={"l": 0, "r": 0, "t": 0, "b": 0})
    html = fig.to_html(include_plotlyjs=True, config={"topojsonURL": "/basemap/"})
    (tmp_path / "index.html").write_text(html, encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/index.html"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


_COLOURS_AT = """async ([png, places]) => {
    const gd = document.querySelector('.js-plotly-plot');
    const project = gd._fullLayout.geo._subplot.projection;
    const box = gd.querySelector('.main-svg').getBoundingClientRect();
    const image = new Image();
    image.src = 'data:image/png;base64,' + png;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const colours = {};
    for (const [place, lonlat] of Object.entries(places)) {
        const [x, y] = project(lonlat);
        const [r, g, b] = context.getImageData(box.left + x, box.top + y, 1, 1).data;
        colours[place] = [r, g, b];
    }
    return colours;
}"""


@pytest.mark.browser
def test_map_draws_offline_in_chromium(offline_page: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    served: list[str] = []

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith("http://127.0.0.1:"):
            served.append(url)
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1200, "height": 700})
        page.route("**/*", route)
        page.goto(offline_page)
        page.wait_for_selector("path.choroplethlocation", state="attached", timeout=20_000)
        page.wait_for_function("document.querySelector('.layer.land path')?.getAttribute('d')")
        png = page.screenshot(path=str(tmp_path / "basemap.png"))
        colours = page.evaluate(
            _COLOURS_AT,
            [
                base64.b64encode(png).decode("ascii"),
                {
                    "Xinjiang": [85.0, 41.0],
                    "Texas": [-99.0, 31.0],
                    "Brazil": [-50.0, -10.0],
                    "Pacific": [-150.0, 0.0],
                },
            ],
        )
        drawn = page.eval_on_selector_all("path.choroplethlocation", "els => els.length")
        browser.close()

    assert outside == []
    assert any(url.endswith("/basemap/world_110m.json") for url in served)
    assert drawn == 84
    assert colours == {
        "Xinjiang": [200, 0, 0],
        "Texas": [200, 0, 0],
        "Brazil": [0, 200, 0],
        "Pacific": [0, 0, 200],
    }
