"""Time each export format, and measure its file, on the embedded data and on synthetic data.

Usage: ``python benchmarks/exports.py [--records 10000] [--repeat 3]``. Prints one Markdown
table row per (corpus, format): the best of ``--repeat`` runs in a warm renderer, and the size.
The synthetic corpus reuses the embedded localities; each record names two to four of them,
at least one in each country, so every record draws arcs.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from partnermap.data.loader import Corpus, load_corpus
from partnermap.data.schema import Record
from partnermap.data.vocabulary import ROLES, SECTORS, TYPES
from partnermap.exports.build import corpus_index, export
from partnermap.exports.render import Renderer
from partnermap.exports.request import FORMATS, ExportRequest
from partnermap.geo.basemap import BASEMAP_DIR


def synthetic_corpus(base: Corpus, n: int, seed: int = 7) -> Corpus:
    """Return ``n`` random but valid records over ``base``'s localities."""
    rng = random.Random(seed)
    by_country = {
        code: [lid for lid, loc in base.localities.items() if loc.country == code]
        for code in ("CN", "US")
    }
    records = []
    for i in range(n):
        places = {rng.choice(by_country["CN"]), rng.choice(by_country["US"])}
        places.update(rng.sample(list(base.localities), rng.randint(0, 2)))
        records.append(
            Record(
                id=f"synthetic-{i}",
                title=f"Synthetic agreement {i} <b>&amp; ${i}",
                type=rng.choice(list(TYPES)),
                date=f"{rng.randint(1979, 2025)}-{rng.randint(1, 12):02d}",
                sectors=rng.sample(list(SECTORS), rng.randint(1, 3)),
                parties=["Party A", "Party B"],
                localities=[{"id": p, "role": rng.choice(list(ROLES))} for p in sorted(places)],
                sources=[
                    {
                        "url": f"https://example.org/doc/{i % 500}",
                        "accessed": "2026-11-01",
                        "quote": "q",
                    }
                ],
                summary="A synthetic record for benchmarks.",
            )
        )
    return Corpus(tuple(records), base.localities, (), base.data_dir)


def run(corpora: dict[str, Corpus], repeat: int) -> list[str]:
    """Export every format of every corpus; return the Markdown table rows."""
    rows = ["| corpus | records | format | seconds (best) | bytes |", "|---|---:|---|---:|---:|"]
    with Renderer(BASEMAP_DIR) as renderer, tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        renderer.start()
        rows.append(f"| (browser start) | | | {time.perf_counter() - started:.2f} | |")
        for name, corpus in corpora.items():
            started = time.perf_counter()
            index = corpus_index(corpus)
            rows.append(f"| {name} | {len(corpus.records)} | (index) | "
                        f"{time.perf_counter() - started:.2f} | |")  # fmt: skip
            for fmt in FORMATS:
                request = ExportRequest(fmt)
                best, size = float("inf"), 0
                for _ in range(repeat):
                    started = time.perf_counter()
                    result = export(request, corpus.localities, index, renderer)
                    Path(tmp, result.filename).write_bytes(result.content)
                    best = min(best, time.perf_counter() - started)
                    size = len(result.content)
                rows.append(f"| {name} | {len(corpus.records)} | {fmt} | {best:.2f} | {size:,} |")
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    embedded = load_corpus()
    corpora = {"embedded": embedded, "synthetic": synthetic_corpus(embedded, args.records)}
    print("\n".join(run(corpora, args.repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
