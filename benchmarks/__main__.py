"""Benchmark the dashboard against the naive baseline on 1,000 / 10,000 / 100,000 agreements.

Run ``python -m benchmarks`` from the repository root (``--help`` for the options). For the
embedded data and each synthetic corpus (``partnermap.benchmarks.synthetic``, generated once
into ``benchmarks/.data/``) it starts ``partnermap serve`` as its own process and measures its
cold start and memory, the first page load and filter change -> map repainted in chromium
(``partnermap.benchmarks.browser``); then the same for the baseline
(``partnermap.benchmarks.baseline``), with fewer changes on the large corpora because each
takes seconds. Then PNG export time per corpus, and the geocoder's names per second. Prints a
table and writes ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from partnermap.benchmarks import baseline, browser, report, servers, synthetic
from partnermap.benchmarks.geocoder import LABELLED, context_of
from partnermap.data.loader import Corpus, load_corpus
from partnermap.exports.build import corpus_index, export
from partnermap.exports.render import Renderer
from partnermap.exports.request import ExportRequest
from partnermap.geo.basemap import BASEMAP_DIR
from partnermap.server import compression_cache_dir

RESULTS = Path(__file__).resolve().parent / "results.md"
SIZES = (1_000, 10_000, 100_000)
#: Pairs in the world corpus: about as many as the largest public registries of twinned towns.
WORLD = 26_000
#: Places a run selects, the busiest first: they have the most links to draw.
SELECTED = 3
#: Baseline changes per size: one takes ~0.3 s at 1,000 agreements, tens of seconds at 100,000.
BASELINE_CHANGES = {1_000: 30, 10_000: 10, 100_000: 3}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print the table, write the results file."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), metavar="N")
    parser.add_argument(
        "--world", type=int, default=WORLD, metavar="N", help="world corpus size (0: none)"
    )
    parser.add_argument("--changes", type=int, default=30, help="filter changes per app run")
    parser.add_argument("--loads", type=int, default=3, help="first page loads per app run")
    parser.add_argument("--baseline-changes", type=int, help="baseline changes (default by size)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    corpora: dict[str, Path | None] = {"embedded": None}
    for n in args.sizes:
        corpora[f"synthetic {n:,}"] = synthetic.dataset(n)
    if args.world:
        corpora[f"world {args.world:,}"] = synthetic.dataset(args.world, world=True)
    runs: list[report.Run] = []
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        chrome = pw.chromium.launch(executable_path=browser.CHROMIUM, args=browser.CHROMIUM_ARGS)
        for name, data_dir in corpora.items():
            runs.append(
                _measure(chrome, name, data_dir, "partnermap", args.changes, args.loads, tmp)
            )
            _progress(runs[-1], args.out)
            if data_dir is not None and not args.no_baseline:
                n = runs[-1].records
                changes = args.baseline_changes or BASELINE_CHANGES.get(n, 3)
                runs.append(_measure(chrome, name, data_dir, "baseline", changes, 1, tmp))
                _progress(runs[-1], args.out)
        header = report.machine(chrome.version, runs[0].plotly_js)
        chrome.close()
    extras = report.Extras()
    with Renderer(BASEMAP_DIR) as renderer:
        for name, data_dir in corpora.items():
            started = time.perf_counter()
            corpus = load_corpus() if data_dir is None else _fast_corpus(data_dir)
            extras.fast_load_s[name] = time.perf_counter() - started
            extras.png_s[name] = _png_seconds(corpus, renderer)
    extras.geocoder_names_per_s = _geocoder_names_per_s()
    body = _body(runs, extras, args)
    print("\n".join(body))
    report.write(args.out, header, body)
    print(f"\nwrote {args.out}")
    return 0


def _measure(
    chrome: Browser,
    name: str,
    data_dir: Path | None,
    app: str,
    changes: int,
    loads: int,
    tmp: str,
) -> report.Run:
    port = servers.free_port()
    if app == "partnermap":
        command = servers.app_command(data_dir, port)
    else:
        command = servers.baseline_command(data_dir, port)
    log = Path(tmp, f"{app}-{port}.log")
    # The dashboard starts with a records cache of its own, empty: the first start is cold,
    # and a second one after the runs reads the cache the first wrote (a warm start). The
    # files' compressed copies are shared: made once per install (brotli 11 of plotly.js takes
    # ~10 s), they would make the first page of a cold start bigger, which is not what it times.
    home = Path(tmp, f"cache-{port}")
    (home / "partnermap").mkdir(parents=True)
    compression_cache_dir().mkdir(parents=True, exist_ok=True)
    (home / "partnermap" / "compressed").symlink_to(compression_cache_dir(), True)
    cache = {"XDG_CACHE_HOME": str(home)}
    with servers.running(command, port, log, env=cache) as server:
        page_loads = [browser.first_load(chrome, server.url) for _ in range(loads)]
        records = _records(data_dir)
        bounds = (1979, 2025) if data_dir is not None else (2000, 2020)
        steps = browser.filter_changes(bounds, changes)
        if app == "partnermap":
            steps += browser.view_changes(_busiest(data_dir, SELECTED))
        session = browser.time_changes(chrome, server.url, steps)
        rss, peak = server.memory_mb()
    ready = re.search(r"ready in ([\d.]+) s", log.read_text(errors="replace"))
    warm_start_s = None
    if app == "partnermap":
        with servers.running(command, port, Path(tmp, f"warm-{port}.log"), env=cache) as warm:
            warm_start_s = warm.cold_start_s
    return report.Run(
        corpus=name,
        records=records,
        app=app,
        cold_start_s=server.cold_start_s,
        warm_start_s=warm_start_s,
        ready_s=float(ready[1]) if ready else None,
        rss_mb=rss,
        peak_rss_mb=peak,
        loads=page_loads,
        vertices=session.vertices,
        plotly_js=session.plotly_js,
        changes=session.changes,
    )


def _records(data_dir: Path | None) -> int:
    if data_dir is None:
        return len(load_corpus().records)
    return int(data_dir.name.removeprefix("world-").split("-")[0])


def _busiest(data_dir: Path | None, n: int) -> list[str]:
    """The ``n`` places named by most records (below country level): the selections to time."""
    records = load_corpus().records if data_dir is None else baseline.load(data_dir)[0]
    counts = Counter(ref.id for record in records for ref in record.localities if ":" in ref.id)
    return [place for place, _ in counts.most_common(n)]


def _fast_corpus(data_dir: Path) -> Corpus:
    records, localities = baseline.load(data_dir)
    return Corpus(tuple(records), localities, (), data_dir)


def _png_seconds(corpus: Corpus, renderer: Renderer, repeat: int = 2) -> float:
    """Best of ``repeat`` PNG exports of everything (the warm renderer's start not counted)."""
    renderer.start()
    index = corpus_index(corpus)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        export(ExportRequest("png"), corpus.localities, index, renderer)
        best = min(best, time.perf_counter() - started)
    return best


def _geocoder_names_per_s(rounds: int = 10) -> float:
    """Warm geocoder speed on the labelled names (as ``benchmarks/geocoder.py`` measures it)."""
    import yaml

    from partnermap.geo.geocode import geocode

    items = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))
    queries = [(item["query"], context_of(item)) for item in items]
    for query, context in queries:
        geocode(query, context)
    started = time.perf_counter()
    for _ in range(rounds):
        for query, context in queries:
            geocode(query, context)
    return rounds * len(queries) / (time.perf_counter() - started)


def _body(runs: list[report.Run], extras: report.Extras, args: argparse.Namespace) -> list[str]:
    lines = [
        "## Results",
        "",
        *report.table(runs, extras),
        "",
        "## Repaint by kind of change (dashboard)",
        "",
        *report.by_kind(runs),
        "",
        "## Targets",
        "",
        *report.targets(runs),
    ]
    lines += [
        "",
        "## Other figures",
        "",
        f"- geocoder: {extras.geocoder_names_per_s:,.0f} names/s (warm, labelled set)",
    ]
    for name, seconds in extras.fast_load_s.items():
        how = "loader" if name == "embedded" else "C YAML parser + pydantic, no line map"
        lines.append(f"- {name}: read in {seconds:.2f} s ({how}), for the PNG export")
    lines += ["", "## Per change (ms: repaint / server / map server; KB)", ""]
    for run in runs:
        cells = ", ".join(
            f"{c.repaint_ms:.0f}/{c.server_ms:.0f}/{c.map_server_ms:.0f}/{c.bytes / 1024:.0f}"
            for c in run.changes
        )
        lines.append(f"- {run.corpus}, {run.app}: {cells}")
    lines.append("")
    lines.append(
        "Each dashboard run makes its filter changes, then zooms to Europe, East Asia and North"
        f" America and back out, then selects its {SELECTED} busiest places in turn and clears"
        " the selection; the baseline has neither zoom nor selection."
    )
    lines += [
        "",
        "## How",
        "",
        f"- {args.changes} filter changes per dashboard run, {args.loads} first loads (median "
        "shown); the baseline: 1 load and "
        + ", ".join(f"{c} changes at {n:,}" for n, c in BASELINE_CHANGES.items())
        + " (each change costs it seconds at the larger sizes).",
        "- Cold start: from starting the server process to its first answered page (import, load"
        " and check the data, build the index). ready s: create_app's own log figure.",
        "- RSS: the server's resident memory after the runs, and its peak (VmRSS, VmHWM).",
        "- first page: bytes transferred (compressed, headers included) with an empty cache until"
        " the page went quiet; first map: navigation start to the first place marker drawn.",
        "- repaint: control set (dash_clientside.set_props) to plotly_afterplot after the map"
        " callback answered. server: summed time to first byte of every callback of the change;"
        " map server: the map callback's. KB: transfer sizes of those callbacks.",
        "- painted: control set to the first frame painted after that plotly_afterplot (a message"
        " posted from the next animation frame): what a person sees, with the layout and paint"
        " plotly leaves to the browser.",
        "- vertices: points, arc vertices and regions plotly draws in the unfiltered map.",
        "- Analysis, profiles and design changes: benchmarks/NOTES.md.",
    ]
    return lines


def _progress(run: report.Run, out: Path) -> None:
    """Print one line for ``run``; append it to ``out`` with its changes, in case of a crash."""
    with out.with_suffix(".partial.md").open("a", encoding="utf-8") as partial:
        partial.write(f"{run!r}\n")
    print(
        f"{run.corpus} / {run.app}: cold {run.cold_start_s:.1f} s, "
        f"repaint p50 {run.repaint(0.5):.0f} ms p95 {run.repaint(0.95):.0f} ms",
        flush=True,
    )


if __name__ == "__main__":
    raise SystemExit(main())
