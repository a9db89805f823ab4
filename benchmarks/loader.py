"""Measure ``load_corpus``: the data loading behind a cold start of ``partnermap serve``.

Run: ``.venv/bin/python -m partnermap.benchmarks.loader`` (``--help`` for the options). Each
load runs in its own fresh process, so no parse is warmed by an earlier one; prints the median
wall-clock and CPU seconds per corpus (CPU time suffers less from a busy machine), with the
records and problems loaded as a check that nothing was lost. Cold loads start from an empty
cache of checked records files (``partnermap.data.records_cache``); warm loads read it back.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from partnermap.benchmarks import synthetic
from partnermap.data.loader import EMBEDDED_DATA_DIR

_ONE_LOAD = """
import json, sys, time
from pathlib import Path
from partnermap.data.loader import load_corpus
started, cpu_started = time.perf_counter(), time.process_time()
corpus = load_corpus(Path(sys.argv[1]))
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
print(json.dumps([seconds, cpu, len(corpus.records), len(corpus.problems)]))
"""


def time_load(data_dir: Path, cache: Path) -> tuple[float, float, int, int]:
    """Load ``data_dir`` in a fresh interpreter with its caches in ``cache``.

    Returns (seconds, CPU seconds, records, problems).
    """
    out = subprocess.run(
        [sys.executable, "-c", _ONE_LOAD, str(data_dir)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_CACHE_HOME": str(cache)},
    ).stdout
    seconds, cpu, records, problems = json.loads(out.splitlines()[-1])
    return seconds, cpu, records, problems


def main(argv: Sequence[str] | None = None) -> int:
    """Time the embedded data and the synthetic corpora; print one line per corpus."""
    parser = argparse.ArgumentParser(prog="python -m partnermap.benchmarks.loader")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--world", type=int, nargs="*", default=[26_000], help="world corpora")
    parser.add_argument("--repeat", type=int, default=3, help="loads per corpus below 100,000")
    args = parser.parse_args(argv)
    corpora = {"embedded": EMBEDDED_DATA_DIR}
    corpora |= {f"synthetic {n:,}": synthetic.dataset(n) for n in args.sizes}
    corpora |= {f"world {n:,}": synthetic.dataset(n, world=True) for n in args.world}
    for name, data_dir in corpora.items():
        repeat = 1 if "100,000" in name else args.repeat
        for kind in ("cold", "warm"):
            runs = []
            for _ in range(repeat):
                with tempfile.TemporaryDirectory() as cache:
                    if kind == "warm":
                        time_load(data_dir, Path(cache))  # fills the cache
                    runs.append(time_load(data_dir, Path(cache)))
            wall = statistics.median(run[0] for run in runs)
            cpu = statistics.median(run[1] for run in runs)
            _, _, records, problems = runs[-1]
            print(
                f"{name:>18} {kind}: {wall:7.2f} s, {cpu:7.2f} s CPU (medians of {repeat}), "
                f"{records:,} records, {problems:,} problems",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
