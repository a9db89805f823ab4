"""The benchmark's results: per-run figures, the machine they ran on, and the Markdown report."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from partnermap.benchmarks.browser import Change, PageLoad

PACKAGES = (
    "dash",
    "plotly",
    "flask-compress",
    "pandas",
    "numpy",
    "pyyaml",
    "pydantic",
    "playwright",
)
#: The issue's targets: filter -> repaint p95 by size, first page bytes and cold start (embedded).
REPAINT_P95_MS = {10_000: 100.0, 100_000: 300.0}
FIRST_PAGE_BYTES = 1_500_000
COLD_START_S = 3.0
SPEED_UP_AT_10K = 10.0


@dataclass
class Run:
    """What one server, on one data directory, measured."""

    corpus: str
    records: int
    app: str
    #: From starting the server, with an empty records cache, to its first page answered.
    cold_start_s: float
    #: The same for a second start, reading the records cache the first wrote (dashboard only).
    warm_start_s: float | None
    #: ``create_app``'s own "ready in" figure (load, check, index), when it logs one.
    ready_s: float | None
    rss_mb: float
    peak_rss_mb: float
    loads: list[PageLoad]
    vertices: int
    plotly_js: str
    changes: list[Change]

    def repaint(self, q: float, kind: str = "filter") -> float:
        """The ``q`` quantile (0..1) of the repaint times of ``kind`` changes, in ms."""
        return quantile([c.repaint_ms for c in self.changes if c.kind == kind], q)

    def painted(self, q: float, kind: str = "filter") -> float:
        """The ``q`` quantile (0..1) of the times to the frame painted after the redraw, in ms."""
        return quantile([c.painted_ms for c in self.changes if c.kind == kind], q)


@dataclass
class Extras:
    """Figures measured outside the browser, by corpus name."""

    png_s: dict[str, float] = field(default_factory=dict)
    fast_load_s: dict[str, float] = field(default_factory=dict)
    geocoder_names_per_s: float = 0.0


def quantile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values``, linear between neighbours (NaN when empty)."""
    if not values:
        return float("nan")
    if len(values) == 1:
        return float(values[0])
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def machine(browser_version: str, plotly_js: str) -> list[str]:
    """Lines describing the machine, the date and the versions."""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo") if "model name" in line),
        platform.processor(),
    )
    memory = next((line.split()[1] for line in _read("/proc/meminfo") if "MemTotal" in line), "0")
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in PACKAGES)
    return [
        f"- date: {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- machine: {cpu}, {os.cpu_count()} cores, {int(memory) / 1024**2:.1f} GB RAM, "
        f"{platform.platform()}",
        f"- load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())} "
        "(other work shares the machine; the figures carry its noise)",
        f"- Python {platform.python_version()}; {versions}",
        f"- browser: Debian chromium {browser_version}, headless, software rendering; "
        f"plotly.js {plotly_js}",
    ]


def table(runs: Sequence[Run], extras: Extras) -> list[str]:
    """The results table, one row per run, as Markdown lines."""
    rows = [
        "| corpus | records | app | cold start s | warm start s | ready s | RSS MB (peak) | first page KB "
        "| first map s | vertices | changes | repaint p50 ms | repaint p95 ms | painted p50 ms "
        "| painted p95 ms | server ms p50 | map server ms p50 | KB per change p50 | PNG s |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        changes = run.changes
        png = extras.png_s.get(run.corpus) if run.app == "partnermap" else None
        rows.append(
            f"| {run.corpus} | {run.records:,} | {run.app} | {run.cold_start_s:.2f} "
            f"| {_num(run.warm_start_s, '.2f')} | {_num(run.ready_s, '.2f')} | {run.rss_mb:.0f} ({run.peak_rss_mb:.0f}) "
            f"| {statistics.median(load.bytes for load in run.loads) / 1024:,.0f} "
            f"| {statistics.median(load.to_map_s for load in run.loads):.2f} "
            f"| {run.vertices:,} | {len(changes)} | {run.repaint(0.5):,.0f} "
            f"| {run.repaint(0.95):,.0f} | {run.painted(0.5):,.0f} | {run.painted(0.95):,.0f} "
            f"| {quantile([c.server_ms for c in changes], 0.5):,.0f} "
            f"| {quantile([c.map_server_ms for c in changes], 0.5):,.0f} "
            f"| {quantile([c.bytes for c in changes], 0.5) / 1024:,.1f} | {_num(png, '.2f')} |"
        )
    return rows


#: The kinds of change a dashboard run times (``benchmarks.browser``).
KINDS = ("filter", "selection", "zoom")
#: The world corpus: repaint p95 for each kind, and the start with the records cache warm.
WORLD_REPAINT_P95_MS = 300.0
WORLD_START_S = 3.0
#: 100,000 records: the start with the records cache warm, and the server's peak memory.
LARGE_START_S = 6.0
LARGE_RSS_MB = 1024.0


def by_kind(runs: Sequence[Run]) -> list[str]:
    """Repaint p50 / p95 of each kind of change, one row per dashboard run, as Markdown lines."""
    rows = [
        "| corpus | " + " | ".join(f"{kind} p50 / p95 ms (n)" for kind in KINDS) + " |",
        "|---|" + "---:|" * len(KINDS),
    ]
    for run in runs:
        if run.app != "partnermap":
            continue
        cells = [
            f"{run.repaint(0.5, kind):,.0f} / {run.repaint(0.95, kind):,.0f} "
            f"({sum(c.kind == kind for c in run.changes)})"
            for kind in KINDS
        ]
        rows.append(f"| {run.corpus} | " + " | ".join(cells) + " |")
    return rows


def targets(runs: Sequence[Run]) -> list[str]:
    """Each target of the issue with the measured figure and whether it is met."""
    app = {run.records: run for run in runs if run.app == "partnermap" and run.corpus != "embedded"}
    naive = {run.records: run for run in runs if run.app == "baseline"}
    embedded = next((run for run in runs if run.corpus == "embedded"), None)
    lines = []
    for size, limit in REPAINT_P95_MS.items():
        if size in app:
            lines.append(
                _target(
                    f"repaint p95 at {size:,} <= {limit:.0f} ms",
                    app[size].repaint(0.95),
                    limit,
                    "ms",
                )
            )
    if 100_000 in app:
        large = app[100_000]
        lines.append(
            _target("warm start at 100,000 <= 6 s", large.warm_start_s, LARGE_START_S, "s")
        )
        lines.append(_target("peak RSS at 100,000 <= 1 GB", large.peak_rss_mb, LARGE_RSS_MB, "MB"))
    if 10_000 in app and 10_000 in naive:
        speed_up = naive[10_000].repaint(0.5) / app[10_000].repaint(0.5)
        met = "met" if speed_up >= SPEED_UP_AT_10K else "MISSED"
        lines.append(f"- >= 10x faster than the baseline at 10,000 (p50): {speed_up:.1f}x — {met}")
    for run in runs:
        if run.app == "partnermap" and run.corpus.startswith("world"):
            for kind in KINDS:
                lines.append(
                    _target(
                        f"{run.corpus}: {kind} repaint p95 <= {WORLD_REPAINT_P95_MS:.0f} ms",
                        run.repaint(0.95, kind),
                        WORLD_REPAINT_P95_MS,
                        "ms",
                    )
                )
            lines.append(
                _target(
                    f"{run.corpus}: warm start <= {WORLD_START_S:.0f} s",
                    run.warm_start_s,
                    WORLD_START_S,
                    "s",
                )
            )
    if embedded:
        page = statistics.median(load.bytes for load in embedded.loads)
        lines.append(
            _target("first page <= 1.5 MB (embedded)", page / 1e6, FIRST_PAGE_BYTES / 1e6, "MB")
        )
        lines.append(
            _target("cold start <= 3 s (embedded)", embedded.cold_start_s, COLD_START_S, "s")
        )
    return lines


def write(path: Path, header: Sequence[str], body: Sequence[str]) -> None:
    """Write the report: a title, the machine lines, then ``body``."""
    title = ["# Dashboard benchmark results", "", "Written by `python -m benchmarks`.", ""]
    path.write_text("\n".join([*title, *header, "", *body, ""]), encoding="utf-8")


def _target(name: str, value: float, limit: float, unit: str) -> str:
    return f"- {name}: {value:,.2f} {unit} — {'met' if value <= limit else 'MISSED'}"


def _num(value: float | None, spec: str) -> str:
    return "–" if value is None else format(value, spec)


def _read(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []
