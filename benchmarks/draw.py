"""What one redraw of the map costs in chromium, with the plotly.js the app ships.

Run ``python -m benchmarks.draw`` from the repository root. Offline: a static page holding
only the map's div is served from ``page.route`` (plotly.min.js from the installed ``plotly``
package, the TopoJSON basemap from ``data/basemap/``, the states-and-provinces GeoJSON), at
the app's 1200x520 map size, in Debian's chromium (software rendering).

Each case plots a start figure, then repeats a cycle of updates and times each one inside the
page: ``js`` from the call to its promise resolving (plotly has drawn the SVG and fired
``plotly_afterplot``), ``frame`` until the next animation frame after that (style, layout and
paint of the new SVG included). The figure's JSON is parsed before the clock starts, a fresh
copy every time, as the Dash renderer hands ``dcc.Graph`` new objects; the parse is shown apart.

Sections:

a. ``Plotly.react`` of the app's whole figure (``map_figure``) between filter states: the
   embedded, 10,000 and 100,000 corpora, unfiltered, one sector, a narrow sector.
b. ``Plotly.react`` to a figure with the same traces and geometry where only the point sizes,
   the region shading and one arc band's visibility change: with the geometry arrays shared
   with the figure on screen (what a Dash ``Patch`` of those fields alone gives ``dcc.Graph``)
   and with fresh copies of them (the whole figure sent again).
c. ``Plotly.restyle`` of only ``marker.size``, ``line.width`` or the choropleth's ``z`` against
   ``Plotly.react`` making the same change (10k).
d. The cost of each kind of content, redrawn (``Plotly.react`` with a new ``datarevision``)
   with the app's layout: the basemap alone, + the region choropleth (also with a quarter of
   its vertices), + N points with and without hover text, + arcs of V vertices in one 1 px
   line trace, in four, or in four of the app's band widths (1-5.5 px).
e. The basemap's share (the 10k figure redrawn with land, ocean, countries and coastlines
   off), traces without uids (as ``fig.to_json()`` writes them), and points sized by one
   ``marker.size`` array against one trace per size band.

Each case runs in two rounds of half the repetitions, the second after all the others (the
machine is shared: a slow spell should not land on one case alone). About 4-5 minutes.

The three corpora's figures are built once and kept in ``/tmp`` (loading 100,000 records takes
minutes), keyed by the source of ``layers/`` and ``data/view.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import math
import pickle
import statistics
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import plotly
import plotly.graph_objects as go
from playwright.sync_api import Page, Route, sync_playwright

from partnermap.benchmarks.browser import CHROMIUM, CHROMIUM_ARGS
from partnermap.data.filters import FilterState
from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.data.view import MapView, build_index, build_view, regions_from_geojson
from partnermap.geo import basemap
from partnermap.layers import arcs, points, regions
from partnermap.layers.figure import map_figure
from partnermap.page.layout import MAP_CONFIG

PACKAGE = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / ".data"
CORPORA = {
    "embedded": EMBEDDED_DATA_DIR,
    "10k": DATA / "10000-2026",
    "100k": DATA / "100000-2026",
}
CACHE = Path("/tmp/partnermap-draw")
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
ORIGIN = "http://partnermap.draw"
VIEWPORT = {"width": 1200, "height": 520}
STATES = {
    "all": FilterState(),
    "sector": FilterState(sectors=frozenset({"trade-investment"})),
    "narrow": FilterState(sectors=frozenset({"clean-air"})),
}
BASEMAP_LAYERS = ("showland", "showocean", "showcountries", "showcoastlines")
POINT_COUNTS = (500, 1_000, 2_000, 4_000)
ARC_VERTICES = (2_000, 10_000, 30_000)
#: Vertices per synthetic arc: the app keeps 6 of each 16-point great circle, plus a NaN gap.
ARC_POINTS = 6
#: The admin-1 GeoJSON with every ring cut to a quarter of its vertices (section d).
COARSE_PATH = "geo/admin1-coarse.json"

_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<style>body{margin:0} #map{width:1200px;height:520px}</style>
<script src="plotly.min.js"></script></head><body><div id="map"></div></body></html>"""

#: The page's bench: ``B.load(key, json)`` stores a figure, ``B.run(spec)`` times a case.
_HARNESS = """(config) => {
  const gd = document.getElementById('map');
  const figs = {};
  const GEOMETRY = ['lat', 'lon', 'locations', 'customdata', 'text', 'hovertext'];
  let revision = 0;
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const idle = (ms) => new Promise((r) => setTimeout(r, ms));
  const parse = (key) => {
    const t = performance.now();
    const f = JSON.parse(figs[key]);
    f.config = config;
    return [f, performance.now() - t];
  };
  const LAYER = {
    points: (t) => t.mode === 'markers',  // the links' middles are mode 'none'
    arcs: (t) => t.mode === 'lines',
    regions: (t) => t.type === 'choropleth',
  };
  const restyle = (f, layer, pick) => {
    const idx = f.data.flatMap((t, i) => (LAYER[layer](t) ? [i] : []));
    const update = {};
    for (const [attr, get] of Object.entries(pick)) update[attr] = idx.map((i) => get(f.data[i]));
    return Plotly.restyle(gd, update, idx);
  };
  const ops = {
    react: (f) => Plotly.react(gd, f),
    // Without uids plotly.js gives each new trace a fresh one and rebuilds its SVG group.
    anonymous: (f) => {
      for (const t of f.data) delete t.uid;
      return Plotly.react(gd, f);
    },
    // The geometry stays the very arrays on screen, as after a Patch that leaves them alone.
    shared: (f) => {
      f.data = f.data.map((t, i) => {
        const old = gd.data[i] || {};
        const next = { ...t };
        for (const k of GEOMETRY) if (k in old) next[k] = old[k];
        return next;
      });
      return Plotly.react(gd, f);
    },
    replot: (f) => {
      f.layout.datarevision = ++revision;
      return Plotly.react(gd, f);
    },
    'restyle-size': (f) => restyle(f, 'points', { 'marker.size': (t) => t.marker.size }),
    'restyle-width': (f) => restyle(f, 'arcs', { 'line.width': (t) => t.line.width }),
    'restyle-z': (f) => restyle(f, 'regions', { z: (t) => t.z, zmax: (t) => t.zmax }),
  };
  window.B = {
    load: ([key, json]) => { figs[key] = json; },
    drawn: () => ({
      land: document.querySelectorAll('.geo .layer.land path').length,
      regions: document.querySelectorAll('.geo .choroplethlocation').length,
      points: document.querySelectorAll('.geo .scattergeo path.point').length,
    }),
    run: async ({ setup, steps, reps, warm }) => {
      const [start] = parse(setup);
      await Plotly.newPlot(gd, start);
      await frame();
      const out = steps.map(() => []);
      for (let r = 0; r < warm + reps; r++) {
        for (const [s, [op, key]] of steps.entries()) {
          const [f, parseMs] = parse(key);
          await idle(15);
          const t0 = performance.now();
          await ops[op](f);
          const t1 = performance.now();
          await frame();
          if (r >= warm) out[s].push([parseMs, t1 - t0, performance.now() - t0]);
        }
      }
      return out;
    },
  };
}"""


@dataclass(frozen=True)
class Figure:
    """A figure's JSON and what it draws."""

    json: str
    traces: int
    markers: int
    vertices: int
    regions: int

    def content(self) -> str:
        """Short text of what the figure draws, e.g. "9 tr, 3997 pts, 17k vtx, 84 reg"."""
        return (
            f"{self.traces} tr, {self.markers} pts, {self.vertices / 1000:.1f}k vtx, "
            f"{self.regions} reg"
        )


def describe(fig: go.Figure) -> Figure:
    """Serialise ``fig`` as the app does (typed arrays in base64) and count what it draws."""
    markers = vertices = areas = 0
    for trace in fig.data:
        if trace.type == "choropleth":
            areas += len(trace.locations)
        elif trace.mode == "lines":
            vertices += len(trace.lat)
        elif trace.mode == "markers":
            markers += len(trace.lat)
    # Dash's encoder keeps the uids (plotly.js matches traces by them); to_json drops them.
    return Figure(fig.to_json(remove_uids=False), len(fig.data), markers, vertices, areas)


@dataclass(frozen=True)
class Case:
    """A start figure and a cycle of (operation, figure key) updates, each timed.

    A ``there_and_back`` case (to a figure and back to the start) reports both ways as one
    row, so ``reps`` samples take half as many cycles.
    """

    section: str
    label: str
    setup: str
    steps: tuple[tuple[str, str], ...]
    there_and_back: bool = False

    def spec(self, reps: int) -> dict[str, object]:
        """The case as ``B.run`` takes it, enough cycles for ``reps`` samples a row."""
        cycles = math.ceil(reps / len(self.steps)) if self.there_and_back else reps
        return {"setup": self.setup, "steps": self.steps, "reps": cycles, "warm": 1}

    def row_of(self, step: tuple[str, str]) -> tuple[str, str]:
        """The (operation, figure) a step's samples are reported under."""
        return (step[0], f"{self.steps[0][1]} and back") if self.there_and_back else step


@dataclass(frozen=True)
class Row:
    """One step of a case: its timings in ms."""

    case: Case
    step: tuple[str, str]
    figure: Figure
    parse: list[float]
    js: list[float]
    frame: list[float]


# --- figures ---------------------------------------------------------------------------------


def corpus_figures(name: str, path: Path) -> dict[str, Figure]:
    """The app's figures of one corpus, built once and cached in :data:`CACHE`.

    Keys: ``all``, ``sector``, ``narrow`` (``STATES``); ``all-bare`` (``all`` with no basemap
    layers); and ``all`` changed in place, geometry kept: ``all-b`` (sizes, shading and arc
    band of ``sector``), ``all-size``, ``all-width``, ``all-z`` (one attribute each).
    """
    cache = CACHE / f"{name}-{_source_digest()}.pkl"
    if cache.exists():
        return {key: Figure(**fields) for key, fields in pickle.loads(cache.read_bytes()).items()}
    started = time.perf_counter()
    corpus = load_corpus(path)
    index = build_index(corpus, regions_from_geojson(basemap.admin1_geojson()))
    views = {key: build_view(index, state) for key, state in STATES.items()}
    figures = {key: describe(_figure(view)) for key, view in views.items()}
    figures.update({key: describe(fig) for key, fig in _variants(views).items()})
    CACHE.mkdir(exist_ok=True)
    # Plain dicts: the class pickles under ``__main__`` when the module runs as a script.
    cache.write_bytes(pickle.dumps({key: asdict(fig) for key, fig in figures.items()}))
    print(f"built {name} figures in {time.perf_counter() - started:.0f} s", flush=True)
    return figures


def _figure(view: MapView) -> go.Figure:
    return map_figure(view, "en", basemap.ATTRIBUTION)


def _variants(views: Mapping[str, MapView]) -> dict[str, go.Figure]:
    whole, sector = views["all"], views["sector"]
    sizes = _sizes_for(whole, sector)
    counts = sector.regions["count"].to_numpy()
    zmax = max(1, int(counts.max(initial=0)))

    def size(fig: go.Figure) -> None:
        for trace in fig.select_traces(lambda t: (t.uid or "").startswith("points-")):
            ids = [pid for _, pid in trace.customdata]
            trace.marker.size = np.array([sizes.get(pid, 0.0) for pid in ids])

    def shade(fig: go.Figure) -> None:
        fig.update_traces(z=counts, zmax=zmax, selector={"uid": "regions"})

    def widen(fig: go.Figure) -> None:
        for trace in fig.select_traces(lambda t: (t.uid or "").startswith("arcs-")):
            trace.line.width *= 1.5

    def hide_band(fig: go.Figure) -> None:
        fig.update_traces(visible=False, selector={"uid": "arcs-1"})

    def bare(fig: go.Figure) -> None:
        fig.update_geos(**dict.fromkeys(BASEMAP_LAYERS, False))

    changes: dict[str, tuple[Callable[[go.Figure], None], ...]] = {
        "all-b": (size, shade, hide_band),
        "all-size": (size,),
        "all-width": (widen,),
        "all-z": (shade,),
        "all-bare": (bare,),
    }
    variants = {}
    for key, edits in changes.items():
        fig = _figure(whole)
        for edit in edits:
            edit(fig)
        variants[key] = fig
    return variants


def _sizes_for(whole: MapView, part: MapView) -> dict[str, float]:
    """Marker sizes of ``part``'s places, by place id, scaled as the point layer does."""
    largest = max(1, int(part.points["count"].to_numpy().max(initial=0)))
    scaled = points.sizes(part.points["count"].to_numpy(), largest)
    return dict(zip(part.points["id"], scaled.tolist(), strict=True))


def synthetic_figures(embedded: go.Figure) -> dict[str, Figure]:
    """Figures of chosen content on the app's layout (section d and e).

    Keys: ``base`` and ``base-bare`` (no traces; basemap layers on/off), ``regions`` (the
    embedded choropleth), ``regions-coarse`` (the same on :data:`COARSE_PATH`),
    ``points-N[-hover|-bands]`` and ``arcs-V-1|4|4w`` (on top of the regions).
    """
    rng = np.random.default_rng(9)
    layout = embedded.layout
    choropleth = embedded.select_traces(selector={"uid": "regions"})
    shaded = list(choropleth)
    bare = go.Figure(layout=layout).update_geos(**dict.fromkeys(BASEMAP_LAYERS, False))
    figures = {
        "base": go.Figure(layout=layout),
        "base-bare": bare,
        "regions": go.Figure(data=shaded, layout=layout),
        "regions-coarse": go.Figure(layout=layout).add_traces(shaded),
    }
    figures["regions-coarse"].update_traces(geojson=COARSE_PATH)
    for n in POINT_COUNTS:
        figures[f"points-{n}"] = go.Figure(data=shaded + _points(rng, n, False), layout=layout)
        figures[f"points-{n}-hover"] = go.Figure(data=shaded + _points(rng, n, True), layout=layout)
    banded = go.Figure(data=shaded + _banded_points(rng, POINT_COUNTS[-1]), layout=layout)
    figures[f"points-{POINT_COUNTS[-1]}-bands"] = banded
    for v in ARC_VERTICES:
        for key, widths in _arc_widths().items():
            figures[f"arcs-{v}-{key}"] = go.Figure(
                data=shaded + _arcs(rng, v, widths), layout=layout
            )
    return {key: describe(fig) for key, fig in figures.items()}


def coarse_geojson(every: int = 4) -> dict:
    """The admin-1 shapes keeping every ``every``-th vertex of each ring (and its closure)."""

    def ring(points: list) -> list:
        kept = points[:-1:every]
        return [*kept, kept[0]] if len(kept) >= 3 else points

    def rings(coords: list) -> list:
        return ring(coords) if isinstance(coords[0][0], float | int) else [rings(c) for c in coords]

    collection = basemap.admin1_geojson()
    features = [
        {**f, "geometry": {**f["geometry"], "coordinates": rings(f["geometry"]["coordinates"])}}
        for f in collection["features"]
    ]
    return {**collection, "features": features}


def _arc_widths() -> dict[str, tuple[float, ...]]:
    """Arc trace sets: one trace 1 px; four of 1 px; four of the app's band widths."""
    return {"1": (1.0,), "4": (1.0,) * 4, "4w": tuple(band.width for band in arcs.BANDS)}


def _places(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` places, half in China's box and half in the contiguous US's."""
    half = n // 2
    lat = np.r_[rng.uniform(22, 45, half), rng.uniform(26, 48, n - half)]
    lon = np.r_[rng.uniform(100, 122, half), rng.uniform(-123, -72, n - half)]
    return lat, lon


def _points(rng: np.random.Generator, n: int, hover: bool) -> list[go.Scattergeo]:
    """Two marker traces (China, US) like the point layer's, sizes from a long-tailed count."""
    lat, lon = _places(rng, n)
    size = points.sizes(rng.zipf(2.0, n).clip(max=200), 200)
    half = n // 2
    traces = []
    slots = (("CN", "first", slice(0, half)), ("US", "second", slice(half, n)))
    for code, slot, part in slots:
        hovering = {
            "text": [f"Place {i}<br>City · {i % 7 + 1} agreements" for i in range(n)[part]],
            "customdata": [["place", f"p{i}"] for i in range(n)[part]],
            "hovertemplate": "%{text}<extra></extra>",
        }
        traces.append(
            go.Scattergeo(
                uid=f"points-{code}",
                lat=lat[part],
                lon=lon[part],
                mode="markers",
                marker={
                    "size": size[part],
                    "color": points.COLORS[slot],
                    "opacity": 0.85,
                    "line": {"color": "#ffffff", "width": 1},
                },
                **(hovering if hover else {"hoverinfo": "skip"}),
            )
        )
    return traces


def _banded_points(rng: np.random.Generator, n: int, bands: int = 5) -> list[go.Scattergeo]:
    """``n`` points without hover, one trace per size band of constant marker size."""
    lat, lon = _places(rng, n)
    band = rng.integers(0, bands, n)
    return [
        go.Scattergeo(
            uid=f"points-{b}",
            lat=lat[band == b],
            lon=lon[band == b],
            mode="markers",
            marker={"size": 6 + 6 * b, "color": "#1f4e99", "opacity": 0.85},
            hoverinfo="skip",
        )
        for b in range(bands)
    ]


def _arcs(rng: np.random.Generator, vertices: int, widths: Sequence[float]) -> list[go.Scattergeo]:
    """Great circles China -> US totalling ``vertices`` (NaN gaps included), one trace per width."""
    n = vertices // (ARC_POINTS + 1)
    lat, lon = _places(rng, 2 * n)
    path_lat, path_lon = _great_circles(lat[:n], lon[:n], lat[n:], lon[n:], ARC_POINTS)
    gap = np.full((n, 1), np.nan)
    flat_lat = np.hstack([path_lat, gap])
    flat_lon = np.hstack([path_lon, gap])
    return [
        go.Scattergeo(
            uid=f"arcs-{t}",
            lat=flat_lat[t :: len(widths)].ravel(),
            lon=flat_lon[t :: len(widths)].ravel(),
            mode="lines",
            line={"width": width, "color": arcs.ARC_COLOR},
            hoverinfo="skip",
        )
        for t, width in enumerate(widths)
    ]


def _great_circles(
    lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray, steps: int
) -> tuple[np.ndarray, np.ndarray]:
    """``steps`` points along each great circle from (lat1, lon1) to (lat2, lon2)."""

    def unit(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        la, lo = np.radians(lat), np.radians(lon)
        return np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], -1)

    a, b = unit(lat1, lon1), unit(lat2, lon2)
    angle = np.arccos(np.clip((a * b).sum(-1), -1, 1))[:, None, None]
    f = np.linspace(0, 1, steps)[None, :, None]
    xyz = (np.sin((1 - f) * angle) * a[:, None] + np.sin(f * angle) * b[:, None]) / np.sin(angle)
    lat = np.degrees(np.arcsin(xyz[..., 2]))
    lon = np.degrees(np.arctan2(xyz[..., 1], xyz[..., 0]))
    return lat, lon


def _source_digest() -> str:
    """Digest of the code that shapes a corpus figure, so an edit there rebuilds the cache."""
    digest = hashlib.sha256()
    for file in [*sorted((PACKAGE / "layers").glob("*.py")), PACKAGE / "data" / "view.py"]:
        digest.update(file.read_bytes())
    for function in (describe, _variants, _sizes_for, _figure):
        digest.update(inspect.getsource(function).encode())
    return digest.hexdigest()[:12]


# --- cases -----------------------------------------------------------------------------------


def cases(corpora: Iterable[str], sections: str) -> list[Case]:
    """The cases of the chosen ``sections`` (letters a-e) for the chosen corpora.

    Sections c and e use the 10k corpus only (when chosen): at 100k the map holds about the
    same content, and the run has to stay within minutes.
    """
    found: list[Case] = []
    for c in corpora:
        cycle = tuple(("react", f"{c}/{key}") for key in ("sector", "narrow", "all"))
        found.append(Case("a", f"{c} filters", f"{c}/all", cycle))
        for op in ("shared", "react"):
            steps = ((op, f"{c}/all-b"), (op, f"{c}/all"))
            found.append(Case("b", f"{c} sizes+shade+band", f"{c}/all", steps, True))
        if c != "10k":
            continue
        for attr, op in (("size", "restyle-size"), ("width", "restyle-width"), ("z", "restyle-z")):
            for how in (op, "shared"):
                steps = ((how, f"{c}/all-{attr}"), (how, f"{c}/all"))
                found.append(Case("c", f"{c} {attr} only", f"{c}/all", steps, True))
        for key in ("all", "all-bare"):
            found.append(Case("e", f"{c} redraw", f"{c}/{key}", (("replot", f"{c}/{key}"),)))
        found.append(Case("e", f"{c} filters, no uids", f"{c}/all", _anonymous(cycle)))
    synthetic = ["base", "regions", "regions-coarse"]
    synthetic += [f"points-{n}{h}" for n in POINT_COUNTS for h in ("", "-hover")]
    synthetic += [f"arcs-{v}-{key}" for v in ARC_VERTICES for key in _arc_widths()]
    for key in synthetic:
        found.append(Case("d", "redraw", f"syn/{key}", (("replot", f"syn/{key}"),)))
    for key in ("base-bare", f"points-{POINT_COUNTS[-1]}-bands"):
        found.append(Case("e", "redraw", f"syn/{key}", (("replot", f"syn/{key}"),)))
    return sorted(
        (case for case in found if case.section in sections), key=lambda case: case.section
    )


def _anonymous(steps: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(("anonymous", key) for _, key in steps)


# --- the page --------------------------------------------------------------------------------


def serve(route: Route) -> None:
    """Answer the page's requests from local files; refuse anything else."""
    path = route.request.url.removeprefix(ORIGIN).split("?")[0]
    files = {
        "/": (_PAGE, "text/html"),
        "/plotly.min.js": (PLOTLY_JS.read_text(encoding="utf-8"), "text/javascript"),
        f"/{regions.GEOJSON_PATH}": (json.dumps(basemap.admin1_geojson()), "application/json"),
        f"/{COARSE_PATH}": (json.dumps(coarse_geojson()), "application/json"),
    }
    basemap_prefix = "/" + MAP_CONFIG["topojsonURL"]
    if path.startswith(basemap_prefix):
        name = path.removeprefix(basemap_prefix)
        body = (basemap.BASEMAP_DIR / name).read_text(encoding="utf-8")
        files[path] = (body, "application/json")
    if path not in files:
        route.abort()
        return
    body, kind = files[path]
    route.fulfill(status=200, body=body, content_type=kind)


def measure(
    page: Page, figures: Mapping[str, Figure], chosen: Sequence[Case], reps: int
) -> list[Row]:
    """Run each case in ``page`` and return one row per step.

    Every case runs in two rounds of half the repetitions, the second after all the others,
    so that a slow spell of the shared machine does not land on one case alone.
    """
    for key, fig in figures.items():
        page.evaluate("B.load", [key, fig.json])
    rows = []
    for case in [*chosen, *chosen]:
        started = time.perf_counter()
        result = page.evaluate("B.run", case.spec(math.ceil(reps / 2)))
        if case.setup.endswith("/all") and case.section == "a":
            _check_drawn(page)
        for step, times in zip(case.steps, result, strict=True):
            parse, js, frame = (list(col) for col in zip(*times, strict=True))
            rows.append(Row(case, case.row_of(step), figures[step[1]], parse, js, frame))
        took = time.perf_counter() - started
        print(f"  {case.section} {case.label} {case.setup}: {took:.1f} s", flush=True)
    return rows


def _check_drawn(page: Page) -> None:
    """Fail loudly when the basemap or the regions did not load (a routing mistake)."""
    drawn = page.evaluate("B.drawn")
    if not drawn["land"] or not drawn["regions"]:
        raise RuntimeError(f"the map did not draw its basemap and regions: {drawn}")


# --- the table -------------------------------------------------------------------------------


def table(rows: Sequence[Row]) -> str:
    """Markdown table: one line per case and row of it (``Case.row_of``), in ms and KB."""
    merged: dict[tuple[str, str, str, str], list[Row]] = {}
    for row in rows:
        key = (row.case.section, row.case.label, row.step[0], row.step[1])
        merged.setdefault(key, []).append(row)
    lines = [
        "| | case | op -> figure | content | KB | parse | js p50 | js p95 | frame p50 | frame p95 |",
        "|---|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for (section, label, op, key), group in merged.items():
        parse = [t for row in group for t in row.parse]
        js = [t for row in group for t in row.js]
        frame = [t for row in group for t in row.frame]
        fig = group[0].figure  # for a there-and-back row: the figure it goes to
        lines.append(
            f"| {section} | {label} | {op} -> {key} | {fig.content()} | {len(fig.json) / 1024:.0f} "
            f"| {statistics.median(parse):.0f} | {statistics.median(js):.0f} | {_p95(js):.0f} "
            f"| {statistics.median(frame):.0f} | {_p95(frame):.0f} |"
        )
    return "\n".join(lines)


def _p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def main(argv: Sequence[str] | None = None) -> int:
    """Build or load the figures, time every case in chromium, print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.draw", description=__doc__)
    parser.add_argument("--corpora", default=",".join(CORPORA), help="comma-separated")
    parser.add_argument("--sections", default="abcde", help="letters of the sections to run")
    parser.add_argument("--reps", type=int, default=15, help="timed repetitions per step")
    args = parser.parse_args(argv)
    corpora = args.corpora.split(",")

    figures: dict[str, Figure] = {}
    for name in corpora:
        for key, fig in corpus_figures(name, CORPORA[name]).items():
            figures[f"{name}/{key}"] = fig
    embedded = _figure(_embedded_view())
    figures.update({f"syn/{k}": fig for k, fig in synthetic_figures(embedded).items()})

    with sync_playwright() as pw:
        chrome = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = chrome.new_page(viewport=VIEWPORT)
        page.route("**/*", serve)
        page.goto(f"{ORIGIN}/")
        page.evaluate(_HARNESS, MAP_CONFIG)
        version = page.evaluate("Plotly.version")
        print(f"plotly.js {version}, chromium {chrome.version}", flush=True)
        rows = measure(page, figures, cases(corpora, args.sections), args.reps)
        chrome.close()
    print(table(rows))
    return 0


def _embedded_view() -> MapView:
    corpus = load_corpus(EMBEDDED_DATA_DIR)
    index = build_index(corpus, regions_from_geojson(basemap.admin1_geojson()))
    return build_view(index, FilterState())


if __name__ == "__main__":
    raise SystemExit(main())
