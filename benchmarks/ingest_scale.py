"""Time ``partnermap ingest`` on long texts of repeated agreement sentences (issue 19, item 7).

Run ``python benchmarks/ingest_scale.py [MEGABYTES ...]`` from the repository root (default: 1
and 10). For each size it writes a text of repeated English and Chinese agreement sentences to
a temporary folder, runs ``partnermap ingest`` on it in a fresh process (gazetteer and
segmenter loading included) and prints the wall and CPU seconds and the machine's load, so
that a figure taken on a busy machine can be told from one taken on a quiet one. Target: 10 MB
in at most 30 s, and time linear in the size.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = (
    "On May 5, 2015, Los Angeles and Guangzhou signed a memorandum of understanding on clean "
    "energy cooperation. 2015年5月5日，洛杉矶市与广州市签署了清洁能源合作谅解备忘录。\n"
)
PARTNERMAP = Path(sys.executable).with_name("partnermap")


def run(megabytes: float, folder: Path) -> tuple[float, float]:
    """Ingest a text of ``megabytes`` MB; return its wall and CPU seconds."""
    text = folder / f"repeated_{megabytes:g}mb.txt"
    unit = SENTENCE.encode()
    text.write_bytes(unit * (int(megabytes * 1_000_000) // len(unit) + 1))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [str(PARTNERMAP), "ingest", str(text), "--out", str(folder / "drafts")],
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    """Print one line per size: MB, wall s, CPU s, load average."""
    sizes = [float(arg) for arg in sys.argv[1:]] or [1.0, 10.0]
    print("| MB | wall s | CPU s | load (1 min) |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            wall, cpu = run(size, Path(folder))
            print(f"| {size:g} | {wall:.1f} | {cpu:.1f} | {os.getloadavg()[0]:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
