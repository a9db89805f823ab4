"""Measure the geocoder: accuracy on the labelled set, speed warm, cold start, memory, build.

Run: ``.venv/bin/python benchmarks/geocoder.py`` (add ``--misses`` to list wrong answers).
Targets from the issue: >= 97 % right, >= 5,000 names/s warm, cold start < 2 s once the index
is built, < 300 MB resident.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import yaml

from partnermap.geo.gazetteer import build_gazetteer, load_gazetteer
from partnermap.geo.geocode import Context, GeocodeResult, geocode

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "geocode_labelled.yaml"

# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the (large) parent across exec.
_COLD = """
import re, time
started = time.perf_counter()
from partnermap.geo.geocode import geocode
result = geocode("Zhenjiang Municipal People's Government")
assert result.match is not None
status = open("/proc/self/status").read()
print(time.perf_counter() - started, re.search(r"VmHWM:\\s+(\\d+)", status)[1])
"""


def context_of(item: dict) -> Context:
    """Return the context a labelled item gives."""
    return Context(
        country=item.get("country"),
        level=item.get("level") if "id" in item or "ambiguous" in item else None,
        within=tuple(item.get("within", ())),
        nearby=tuple(item.get("nearby", ())),
    )


def is_right(item: dict, result: GeocodeResult) -> bool:
    """Return whether a result is the labelled answer."""
    if item.get("error"):
        return result.error is not None and result.match is None
    if item.get("ambiguous"):
        listed = {result.match.id} if result.match else set()
        listed |= {place.id for place in result.alternatives}
        return result.ambiguous and set(item["ids"]) <= listed
    if "id" in item:
        found = result.match.id if result.match else None
        return found == item["id"] and not result.ambiguous
    match = result.match
    return bool(match and match.level == item["level"] and match.admin1 == item["admin1"])


def main() -> None:
    """Print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list the wrong answers")
    args = parser.parse_args()

    started = time.perf_counter()
    build_gazetteer()
    build = time.perf_counter() - started
    load_gazetteer()  # make sure the cache exists before the cold start is timed

    items = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))
    results = [geocode(item["query"], context_of(item)) for item in items]
    right = [is_right(item, result) for item, result in zip(items, results, strict=True)]
    print(f"labelled names      {len(items)}")
    print(f"right               {sum(right)} ({100 * sum(right) / len(items):.1f} %)")
    if args.misses:
        for item, result, ok in zip(items, results, right, strict=True):
            if not ok:
                print(f"  miss: {item} -> {result.to_dict()['match']} ambiguous={result.ambiguous}")

    queries = [(item["query"], context_of(item)) for item in items]
    rounds = 20
    started = time.perf_counter()
    for _ in range(rounds):
        for query, context in queries:
            geocode(query, context)
    warm = rounds * len(queries) / (time.perf_counter() - started)
    print(f"warm                {warm:,.0f} names/s")

    colds, rss = [], []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", _COLD], capture_output=True, text=True, check=True
        ).stdout.split()
        colds.append(float(out[0]))
        rss.append(int(out[1]) / 1024)
    print(f"cold start          {min(colds):.2f} s (import, load cached index, first name)")
    print(f"resident memory     {max(rss):.0f} MB (peak RSS of that process)")
    print(f"index build         {build:.1f} s (first use, then cached)")


if __name__ == "__main__":
    main()
