"""Load test: simulated users on the production server, on loopback, for a bounded time.

Usage: ``python benchmarks/load.py [--users 200] [--seconds 60] [--workers 2] [--data DIR]``
(or ``--url http://127.0.0.1:PORT`` for a server already running on this machine).

Without ``--url`` the script starts ``partnermap serve --workers N`` on a free loopback port
and stops it at the end. Each user is a thread with its own keep-alive connection, as a browser
tab: a first visit with an empty cache (the page, every script, the layout, the basemap and the
first view's callbacks), then until the time is up, after a think time of ``--think`` seconds
on average, one of: a filter change (the URL callback, the map's, then the timeline, details
and table callbacks that follow the map's answer, sent one after another), a place selected for the details panel, the
language toggled, or a reload with a warm cache. Users start over the first ``--ramp`` seconds.

With ``--attacks``, two attackers run beside the users (issue 19): ``--slow-sockets`` connections
that send a request's headers a line at a time and never finish them (slowloris), and
``--floods`` streams of place searches of ``--flood-names`` new names each, sent back to back.
Their answers are counted apart from the users'.

Prints the requests, the errors (any status but 200/204, or a failed request) and the latency
percentiles, overall and by kind. Only loopback addresses are accepted.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.client
import json
import random
import re
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.data.vocabulary import SECTORS, TYPES

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
CALLBACK = "/_dash-update-component"
#: What the page fetches after its scripts, before it draws (seen in chromium).
AFTER_SCRIPTS = [
    "/_dash-layout",
    "/_dash-dependencies",
    "/_dash-component-suites/dash/dcc/async-dropdown.js",
    "/_dash-component-suites/dash/dcc/async-slider.js",
    "/_dash-component-suites/dash/dcc/async-graph.js",
    "/_dash-component-suites/plotly/package_data/plotly.min.js",
    "/basemap/world_110m.json",
    "/geo/admin1.json",
]
#: The filter controls, in the order the callbacks take them.
CONTROLS = [
    ("filter-sector", "value"),
    ("filter-type", "value"),
    ("filter-level", "value"),
    ("filter-years", "value"),
    ("place-search", "value"),
    ("lang-toggle", "value"),
]
MAP_OUTPUT = "..map.figure...summary.children.."
#: The callbacks that follow the map's answer: output -> its inputs after ``map-answered``
#: (the controls are their state).
PANEL_CALLBACKS = {
    "timeline.figure": [("timeline-facet", "value")],
    "details.children": [("selection", "data")],
    "data-table.children": [("table-sort", "data")],
}
#: Controls and panels -> URL, and URL -> controls and panels when the page opens.
RECORD_OUTPUT = "..url.search...place-message.children.."
PANELS = [("timeline-facet", "value"), ("table-sort", "data"), ("selection", "data")]
RESTORE_OUTPUT = ".." + "...".join(f"{cid}.{prop}" for cid, prop in CONTROLS + PANELS) + ".."


@dataclass
class Tally:
    """Latencies (seconds) by request kind, and errors, shared by the user threads."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    #: Latencies of the requests sent once every user has arrived (monotonic ``steady_from``).
    steady: list[float] = field(default_factory=list)
    steady_from: float = 0.0
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    reconnects: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, started: float, error: str | None) -> None:
        """Count a request sent at ``started`` (``time.monotonic``) and answered now."""
        seconds = time.monotonic() - started
        with self.lock:
            self.latencies[kind].append(seconds)
            if started >= self.steady_from:
                self.steady.append(seconds)
            if error:
                self.errors[error] += 1


@dataclass
class Corpus:
    """What users pick from: place names, the year span."""

    places: list[str]
    years: tuple[int, int]


class User:
    """One simulated browser tab with a keep-alive connection."""

    def __init__(self, host: str, port: int, corpus: Corpus, tally: Tally, seed: int) -> None:
        self.host, self.port, self.corpus, self.tally = host, port, corpus, tally
        self.rng = random.Random(seed)
        self.conn: http.client.HTTPConnection | None = None
        self.search = ""
        self.lang = "en"
        self.controls: dict[tuple[str, str], Any] = {}
        self.scripts: list[str] = []

    def request(self, kind: str, method: str, path: str, body: Any = None) -> bytes | None:
        """Send one request, as a browser would: retried once on a stale keep-alive socket."""
        data = None if body is None else json.dumps(body).encode()
        headers = {"Accept-Encoding": "gzip"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        started = time.monotonic()
        for attempt in (1, 2):
            reused = self.conn is not None
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                content = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as err:
                self.conn.close()
                self.conn = None
                if reused and attempt == 1:
                    with self.tally.lock:
                        self.tally.reconnects += 1
                    continue
                self.tally.add(kind, started, type(err).__name__)
                return None
            except OSError as err:  # timeouts and refused connections
                self.conn.close()
                self.conn = None
                self.tally.add(kind, started, type(err).__name__)
                return None
            ok = response.status in (200, 204)
            self.tally.add(kind, started, None if ok else f"HTTP {response.status}")
            if response.getheader("Connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
            if response.getheader("Content-Encoding") == "gzip":
                content = gzip.decompress(content)
            return content if ok else None
        return None

    def callback(
        self,
        output: str,
        inputs: list[tuple[str, str, Any]],
        changed: tuple[str, str],
        state: list[tuple[str, str, Any]] | None = None,
    ) -> Any:
        """Post one callback; return its ``response`` object (None on 204 or error)."""
        single = not output.startswith("..")
        specs = [o.split(".", 1) for o in output.strip(".").split("...")]
        outputs = [{"id": cid, "property": prop.split("@")[0]} for cid, prop in specs]
        body = {
            "output": output,
            "outputs": outputs[0] if single else outputs,
            "inputs": [{"id": cid, "property": prop, "value": v} for cid, prop, v in inputs],
            "state": [{"id": cid, "property": prop, "value": v} for cid, prop, v in state or []],
            "changedPropIds": [".".join(changed)],
        }
        content = self.request("callback", "POST", CALLBACK, body)
        if not content:
            return None
        return json.loads(content).get("response")

    def redraw(self, changed: tuple[str, str]) -> None:
        """The callbacks a control change fires: the URL's and the map's, then the panels'."""
        controls = [(cid, prop, self.controls.get((cid, prop))) for cid, prop in CONTROLS]
        values = {
            ("timeline-facet", "value"): self.rng.choice(["sector", "type"]),
            ("table-sort", "data"): {"column": "count", "descending": True},
            ("selection", "data"): None,
        }
        panels = [(cid, prop, value) for (cid, prop), value in values.items()]
        response = self.callback(
            RECORD_OUTPUT, [*controls, *panels], changed, state=[("url", "search", self.search)]
        )
        if response and "search" in response.get("url", {}):
            self.search = response["url"]["search"]
        self.callback(MAP_OUTPUT, [("selection", "data", None), *controls], changed)
        answered = ("map-answered", "data")
        for output, extra in PANEL_CALLBACKS.items():
            inputs = [(*answered, time.time()), *((c, p, values[c, p]) for c, p in extra)]
            self.callback(output, inputs, answered, state=controls)

    def visit(self, cold: bool) -> None:
        """Load the page (every script when the cache is cold) and draw the first view."""
        page = self.request("page", "GET", "/" + self.search)
        if page is None:
            return
        if cold:
            self.scripts = re.findall(
                r'<(?:script src|link rel="stylesheet" href)="([^"]+)"', page.decode()
            )
            for path in self.scripts + AFTER_SCRIPTS:
                self.request("asset", "GET", path)
        else:
            for path in AFTER_SCRIPTS[:2]:
                self.request("asset", "GET", path)
        opened = ("url", "pathname")
        response = self.callback(
            RESTORE_OUTPUT, [(*opened, "/")], opened, state=[("url", "search", self.search)]
        )
        for cid, prop in CONTROLS:
            self.controls[cid, prop] = ((response or {}).get(cid) or {}).get(prop)
        self.redraw(opened)

    def change(self, changed: tuple[str, str]) -> None:
        """A person changed ``changed`` (and, for variety, the other controls at once)."""
        first, last = self.corpus.years
        low = self.rng.randint(first, last)
        values = {
            ("filter-sector", "value"): self.rng.sample(list(SECTORS), self.rng.randint(0, 2)),
            ("filter-type", "value"): self.rng.sample(list(TYPES), self.rng.choice([0, 0, 1])),
            ("filter-level", "value"): self.rng.choice(["", "", "city", "province"]),
            ("filter-years", "value"): [low, self.rng.randint(low, last)],
            ("place-search", "value"): self.rng.choice(["", "", "", *self.corpus.places]),
            ("lang-toggle", "value"): self.lang,
        }
        self.controls = values
        self.redraw(changed)

    def run(self, start_at: float, stop_at: float, think: float) -> None:
        """Act until ``stop_at``; a crash of the simulation itself is counted as an error."""
        try:
            self._act(start_at, stop_at, think)
        except Exception as err:
            self.tally.add("crash", time.monotonic(), f"user crashed: {type(err).__name__}: {err}")

    def _act(self, start_at: float, stop_at: float, think: float) -> None:
        time.sleep(max(0.0, start_at - time.monotonic()))
        self.visit(cold=True)
        while True:
            pause = self.rng.uniform(0.5, 1.5) * think
            if time.monotonic() + pause >= stop_at:
                break
            time.sleep(pause)
            action = self.rng.random()
            if action < 0.55:
                control = self.rng.choice(CONTROLS[:5])
                self.change(control)
            elif action < 0.8:
                place = self.rng.choice(self.corpus.places)
                controls = [(cid, prop, self.controls.get((cid, prop))) for cid, prop in CONTROLS]
                self.callback(
                    "details.children",
                    [("map-answered", "data", None), ("selection", "data", ["place", place])],
                    ("selection", "data"),
                    state=controls,
                )
            elif action < 0.9:
                self.lang = "zh" if self.lang == "en" else "en"
                self.change(("lang-toggle", "value"))
            else:
                self.visit(cold=False)
        if self.conn is not None:
            self.conn.close()


class SlowSockets:
    """Connections that send a request's headers a line at a time and never end them.

    Each socket sends the request line, then one more header line every ``interval``
    seconds; a socket the server closes is opened again. Runs until ``stop`` is set.
    """

    def __init__(self, host: str, port: int, count: int, interval: float = 5.0) -> None:
        self.host, self.port, self.count, self.interval = host, port, count, interval
        self.opened = 0
        self.closed_by_server = 0

    def run(self, stop: threading.Event) -> None:
        """Hold ``count`` slow connections open until ``stop``."""
        sockets: list[socket.socket | None] = [None] * self.count
        line = 0
        while not stop.is_set():
            for i, sock in enumerate(sockets):
                try:
                    if sock is None:
                        sock = sockets[i] = socket.create_connection((self.host, self.port), 5)
                        self.opened += 1
                        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    sock.sendall(f"X-Slow-{line}: {'a' * 20}\r\n".encode())
                except OSError:
                    if sock is not None:
                        sock.close()
                        self.closed_by_server += 1
                    sockets[i] = None
            line += 1
            stop.wait(self.interval)
        for sock in sockets:
            if sock is not None:
                sock.close()


class SearchFlood:
    """Place searches of ``names`` new names each, sent back to back on one connection."""

    def __init__(self, host: str, port: int, names: int, seed: int) -> None:
        self.user = User(host, port, Corpus([], (2000, 2000)), Tally(), seed)
        self.names = names
        self.sent = 0

    def run(self, stop: threading.Event) -> None:
        """Send searches until ``stop``."""
        rng = self.user.rng
        while not stop.is_set():
            names = [
                "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(4))
                for _ in range(self.names)
            ]
            controls = [(cid, prop, None) for cid, prop in CONTROLS]
            controls[4] = ("place-search", "value", ", ".join(names))
            panels = [("timeline-facet", "value", "sector"), ("table-sort", "data", None)]
            panels.append(("selection", "data", None))
            self.user.callback(
                RECORD_OUTPUT,
                [*controls, *panels],
                ("place-search", "value"),
                state=[("url", "search", "")],
            )
            self.sent += 1

    @property
    def tally(self) -> Tally:
        """The flood's own requests: latencies and errors."""
        return self.user.tally


@contextmanager
def attacks(url: str, slow_sockets: int, floods: int, names: int) -> Iterator[list[Any]]:
    """Run the slow sockets and the search floods against ``url`` for the block."""
    parsed = urlparse(url)
    host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    attackers: list[Any] = [SlowSockets(host, port, slow_sockets)] if slow_sockets else []
    attackers += [SearchFlood(host, port, names, 10_000 + i) for i in range(floods)]
    stop = threading.Event()
    threads = [threading.Thread(target=a.run, args=(stop,), daemon=True) for a in attackers]
    for thread in threads:
        thread.start()
    try:
        yield attackers
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)  # a flood's last request ends within its 30 s timeout


def attack_report(attackers: list[Any]) -> str:
    """What the attackers did, one line each."""
    lines = []
    for attacker in attackers:
        if isinstance(attacker, SlowSockets):
            lines.append(
                f"slow sockets: {attacker.count} held, {attacker.opened} opened, "
                f"{attacker.closed_by_server} closed by the server"
            )
        else:
            spent = attacker.tally.latencies["callback"]
            errors = sum(attacker.tally.errors.values())
            median = 1000 * percentile(spent, 50) if spent else 0.0
            lines.append(
                f"search flood: {attacker.sent} searches of {attacker.names} names, "
                f"p50 {median:.0f} ms, {errors} errors"
            )
    return "\n".join(lines)


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank) of ``values``."""
    ranked = sorted(values)
    return ranked[min(len(ranked) - 1, max(0, round(q / 100 * len(ranked)) - 1))]


def report(tally: Tally, seconds: float, ramp: float) -> str:
    """The results as a Markdown table: a row per request kind, all, and all after the ramp."""
    rows = ["| kind | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |", "|---|---:|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
    kinds = sorted(tally.latencies)
    everything = [v for kind in kinds for v in tally.latencies[kind]]
    errors = str(sum(tally.errors.values()))
    table = [(kind, tally.latencies[kind], "", seconds) for kind in kinds]
    table += [("all", everything, errors, seconds)]
    table += [(f"all, after the {ramp:.0f} s ramp", tally.steady, "", seconds - ramp)]
    for kind, values, errs, duration in table:
        if values:
            ms = " | ".join(f"{1000 * percentile(values, q):.0f}" for q in (50, 95, 99, 100))
            rows.append(
                f"| {kind} | {len(values)} | {errs} | {len(values) / duration:.1f} | {ms} |"
            )
    errors = ", ".join(f"{name}: {n}" for name, n in tally.errors.items()) or "none"
    return "\n".join(
        [*rows, "", f"errors: {errors}; stale keep-alive reconnects: {tally.reconnects}"]
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def production_server(data_dir: Path, workers: int) -> Iterator[str]:
    """``partnermap serve --workers N`` on a free loopback port, stopped on exit."""
    port = _free_port()
    command = [sys.executable, "-m", "partnermap", "serve", "--workers", str(workers)]
    command += ["--port", str(port), "--data", str(data_dir)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=60)


def run(url: str, users: int, seconds: float, think: float, ramp: float, data_dir: Path) -> Tally:
    """Run ``users`` simulated users against ``url`` for ``seconds``; return their tally."""
    parsed = urlparse(url)
    if parsed.hostname not in LOOPBACK:
        raise SystemExit(f"refusing {url}: the load test runs on loopback only")
    loaded = load_corpus(data_dir)
    years = [r.year for r in loaded.records if r.year is not None]
    corpus = Corpus([loc.id for loc in loaded.localities.values()], (min(years), max(years)))
    start = time.monotonic()
    tally = Tally(steady_from=start + ramp)
    stop = start + seconds
    threads = [
        threading.Thread(
            target=User(parsed.hostname, parsed.port or 80, corpus, tally, seed).run,
            args=(start + ramp * seed / users, stop, think),
            daemon=True,
        )
        for seed in range(users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        # Bounded: a user finishes its last request within the 30 s request timeout.
        thread.join(timeout=max(0.0, stop + 60 - time.monotonic()))
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", type=float, default=2.0, help="mean think time, s")
    parser.add_argument("--ramp", type=float, default=10.0, help="users start over this many s")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--data", type=Path, default=EMBEDDED_DATA_DIR)
    parser.add_argument("--url", help="a server already running on loopback")
    parser.add_argument("--attacks", action="store_true", help="run the two attacks too")
    parser.add_argument("--slow-sockets", type=int, default=16, help="with --attacks")
    parser.add_argument("--floods", type=int, default=1, help="search streams, with --attacks")
    parser.add_argument("--flood-names", type=int, default=50, help="names per flood search")
    args = parser.parse_args()
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        url = args.url or stack.enter_context(production_server(args.data, args.workers))
        attackers = []
        if args.attacks:
            attackers = stack.enter_context(
                attacks(url, args.slow_sockets, args.floods, args.flood_names)
            )
        tally = run(url, args.users, args.seconds, args.think, args.ramp, args.data)
    elapsed = time.monotonic() - started
    print(
        f"{args.users} users, {args.seconds:.0f} s, think {args.think} s, ramp {args.ramp} s, "
        f"{args.workers} workers, data {args.data}"
    )
    if attackers:
        print(attack_report(attackers))
    print(report(tally, args.seconds, args.ramp))
    print(f"(wall time including server start and stop: {elapsed:.0f} s)")


if __name__ == "__main__":
    main()
