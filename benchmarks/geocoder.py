"""Measure the geocoder: accuracy on the labelled set, speed warm, cold start, memory, build.

Run: ``.venv/bin/python benchmarks/geocoder.py`` (add ``--misses`` to list wrong answers).
Two labelled sets: the US and Chinese names of the reference table and seed texts
(``tests/geocode_labelled.yaml``), and the world set (``tests/geocode_world.yaml``), reported
as its development part and its held-out part, which was never looked at while tuning.
Targets (issue 16): >= 5,000 names/s warm, cold start <= 1.5 s once the index is built,
<= 500 MB resident.
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
from partnermap.geo.names import latin_key

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "geocode_labelled.yaml"
WORLD = LABELLED.with_name("geocode_world.yaml")

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


def world_context(item: dict) -> Context:
    """Return the context a world item gives."""
    return Context(country=(item.get("context") or {}).get("country"))


def is_right_world(item: dict, result: GeocodeResult) -> bool:
    """Return whether a result is the world item's labelled answer (see the set's header)."""
    match = result.match
    if item.get("ambiguous"):
        return result.ambiguous
    if item.get("none"):
        return match is None or result.ambiguous
    if match is None:
        return bool(item.get("or_none"))
    if result.ambiguous or match.country != item["cc"]:
        return False
    named = {place_id for place_id, _tier in load_gazetteer().lookup(latin_key(item["name"]))}
    if match.id not in named and latin_key(match.name_en) != latin_key(item["name"]):
        return False
    if item.get("admin1"):
        want, got = latin_key(item["admin1"]), latin_key(match.admin1 or "")
        if not (want in got or (got and got in want)):
            return False
    level = item.get("level")
    if level == "admin1":
        return match.level in ("state", "province")
    return level is None or match.level == level


def world_report(misses: bool) -> list[tuple[str, Context]]:
    """Print the world set's accuracy per part; return its queries for the speed run."""
    items = yaml.safe_load(WORLD.read_text(encoding="utf-8"))
    for part in ("dev", "held"):
        chosen = [item for item in items if item["part"] == part]
        results = [geocode(item["q"], world_context(item)) for item in chosen]
        right = [is_right_world(item, result) for item, result in zip(chosen, results, strict=True)]
        countries = {item["cc"] for item in chosen if "cc" in item}
        print(
            f"world {part:4}          {sum(right)} / {len(chosen)} right "
            f"({100 * sum(right) / len(chosen):.1f} %, {len(countries)} countries)"
        )
        if misses and part == "dev":
            for item, result, ok in zip(chosen, results, right, strict=True):
                if not ok:
                    got = result.match
                    print(
                        f"  miss: {item['q']!r} -> "
                        f"{(got.id, got.name_en, got.country, got.admin1) if got else None} "
                        f"ambiguous={result.ambiguous} note={result.note}"
                    )
    return [(item["q"], world_context(item)) for item in items]


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
    queries += world_report(args.misses)
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
