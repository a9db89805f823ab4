"""Measure import-table on a generated table: 26,000 rows of city1, country1, city2, country2.

Run: ``.venv/bin/python benchmarks/table_import.py [--rows N]``. The table pairs GeoNames places
of 1,000+ people drawn with a fixed seed from every country (so namesakes and unknown spellings
are rare but present), written as their GeoNames name and Natural Earth country name; a tenth
of the rows repeat an earlier pair from the other side. Target (issue 16): 26,000 rows in
<= 60 s on a 2-core machine, the gazetteer's cache already built.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from pathlib import Path

from partnermap.data.table_import import import_table
from partnermap.geo.gazetteer import load_gazetteer


def write_table(path: Path, rows: int, seed: int = 16) -> None:
    """Write a table of ``rows`` pairs of places to ``path``."""
    gazetteer = load_gazetteer()
    places = [
        gazetteer.places[place_id]
        for place_id in gazetteer.places
        if place_id.startswith("geonames:")
    ]
    places = [p for p in places if p.level == "city" and p.population >= 1000]
    countries = {p.id: p.name_en for p in map(gazetteer.places.get, gazetteer.places) if p.level == "country"}  # fmt: skip
    chooser = random.Random(seed)
    pairs: list[tuple] = []
    for _ in range(rows):
        if pairs and chooser.random() < 0.1:
            a, b = chooser.choice(pairs)
            pairs.append((b, a))
        else:
            pairs.append((chooser.choice(places), chooser.choice(places)))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["city1", "country1", "city2", "country2"])
        for a, b in pairs:
            writer.writerow(
                [a.name_en, countries.get(a.country, a.country), b.name_en, countries.get(b.country, b.country)]
            )  # fmt: skip


def main() -> None:
    """Generate the table, import it twice (the second run changes nothing), print timings."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=26_000)
    args = parser.parse_args()
    load_gazetteer()
    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "generated.csv"
        write_table(table, args.rows)
        for attempt in ("first import", "re-import"):
            started = time.perf_counter()
            report = import_table(table, Path(folder) / "data")
            seconds = time.perf_counter() - started
            print(
                f"{attempt:13} {args.rows:,} rows in {seconds:.1f} s "
                f"({args.rows / seconds:,.0f} rows/s): {report.records:,} records, "
                f"{report.review_rows:,} row sides to review, changes: {len(report.changes)}"
            )


if __name__ == "__main__":
    main()
