"""Benchmark ``partnermap ingest``: precision and recall of localities, dates and types.

Run ``python benchmarks/ingest.py`` from the repository root. It proposes records for every
document of ``benchmarks/ingest_real_labels.yaml`` (the real texts of issue 18) and of
``benchmarks/ingest_labels.yaml`` (the written set of issue 8), pairs each true record with at
most one proposal (the one that best agrees on places, type and year), and prints, per language
and per set of documents:

- ``real: dev`` and ``real: held-out``: the two parts of the real texts; the held-out part is
  only ever scored, never read while changing the code; ``python benchmarks/ingest.py
  fresh-6`` scores only the development texts of one round's ``set`` (``fresh-6``,
  ``fresh-8``, ``fresh-9``: each labelled before ingest ever ran on it);
- ``seed``: the seed sources, truth from their curated records; ``written``: documents written
  with their truth for the first pass; ``held-out`` and ``held-out-2``: written for the second
  pass (issue 8).

Measured:

- localities: micro precision/recall of locality ids over all records (ids of unpaired
  proposals count as false positives, of unpaired true records as misses);
- dates exact / year: a pair counts when the date (or its year) is equal, both null included;
  precision is over proposals, recall over true records;
- types: as dates, on the type slug;
- repost dates taken as event dates: proposals dated with a posting or address date of the
  page that is not the date of the true record they are paired with (unpaired ones count too);
  must be 0. (A story posted on the day it tells has the posting date as its true date.)

``python benchmarks/ingest.py --detail`` prints, for each development document, the places,
dates and types it gets wrong and the records left unpaired; it never reads a held-out one.
``--without fresh-9`` (before the other arguments) leaves out the documents of one ``set``.
The sets the labels file lists as ``unseen`` are measured only when named by their ``set``
label ("fresh-13"), never in "real: dev", "all" or ``--detail``.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import yaml

from partnermap.geo.gazetteer import load_gazetteer
from partnermap.ingest.dates import document_dates
from partnermap.ingest.propose import Proposal, propose
from partnermap.ingest.text import read_document

ROOT = Path(__file__).resolve().parent.parent
#: The real texts' development labels (read by ``--detail``), their held-out labels (only ever
#: scored), and the written sets of issue 8.
LABELS = (
    Path(__file__).resolve().parent / "ingest_real_labels.yaml",
    Path(__file__).resolve().parent / "ingest_heldout_labels.yaml",
    Path(__file__).resolve().parent / "ingest_labels.yaml",
)


def truth_of(entry: dict) -> list[dict]:
    """The true records of a labelled document: its own list, or the curated records file."""
    if "records" in entry:
        return entry["records"]
    rows = yaml.safe_load((ROOT / entry["truth"]).read_text(encoding="utf-8"))["records"]
    return [
        {
            "type": row["type"],
            "date": None if row["date"] is None else str(row["date"]),
            "localities": [ref["id"] for ref in row["localities"]],
        }
        for row in rows
    ]


def set_of(entry: dict) -> str:
    """Which set a labelled document belongs to (see the module docstring)."""
    if "part" in entry:
        return f"real: {entry['part']}"
    return entry.get("set", "seed" if "truth" in entry else "written")


def pair(truth: list[dict], proposals: list[Proposal]) -> list[tuple[int, int]]:
    """Greedily pair true records with proposals, best agreement first."""
    scored = []
    for i, true in enumerate(truth):
        for j, proposal in enumerate(proposals):
            ids, theirs = set(true["localities"]), set(proposal.locality_ids())
            jaccard = len(ids & theirs) / len(ids | theirs) if ids | theirs else 0.0
            same_type = true["type"] == proposal.type.slug
            same_year = (true["date"] or "")[:4] == (proposal.date.value or "")[:4]
            same_date = true["date"] == proposal.date.value
            score = jaccard + same_type + 0.5 * same_year + 0.5 * same_date
            if jaccard > 0 or same_type:
                scored.append((score, i, j))
    pairs, used_t, used_p = [], set(), set()
    for _, i, j in sorted(scored, reverse=True):
        if i not in used_t and j not in used_p:
            pairs.append((i, j))
            used_t.add(i)
            used_p.add(j)
    return pairs


def measure(entries: list[dict]) -> dict[str, dict[str, float]]:
    """Count hits per language; return the precision/recall table."""
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for entry in entries:
        document = read_document(ROOT / entry["file"])
        proposals = propose(document)
        truth = truth_of(entry)
        stamps = {"posted", "address"}
        posted = {m.value for m in document_dates(document.text) if m.kind in stamps}
        pairs = dict((j, i) for i, j in pair(truth, proposals))
        for lang in (entry["lang"], f"set: {set_of(entry)}", "all"):
            c = counts[lang]
            c["documents"] += 1
            c["truth"] += len(truth)
            c["proposals"] += len(proposals)
            c["repost"] += sum(
                p.date.value in posted
                and (j not in pairs or truth[pairs[j]]["date"] != p.date.value)
                for j, p in enumerate(proposals)
                if p.date.value
            )
            c["loc_pred"] += sum(len(p.locality_ids()) for p in proposals)
            c["loc_true"] += sum(len(set(t["localities"])) for t in truth)
            for j, i in pairs.items():
                true, proposal = truth[i], proposals[j]
                c["loc_hit"] += len(set(true["localities"]) & set(proposal.locality_ids()))
                c["type"] += true["type"] == proposal.type.slug
                c["date"] += true["date"] == proposal.date.value
                c["year"] += (true["date"] or "")[:4] == (proposal.date.value or "")[:4]
    return counts


def _pr(hit: float, predicted: float, true: float) -> tuple[float, float, float]:
    precision = hit / predicted if predicted else 0.0
    recall = hit / true if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def report(counts: dict[str, dict[str, float]]) -> str:
    """The table as Markdown."""
    lines = [
        "| lang | docs | true | proposed | localities P/R/F1 | dates exact P/R | dates year P/R "
        "| types P/R | repost dates |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for lang in sorted(counts, key=lambda k: (k == "all", k.startswith("set: "), k)):
        c = counts[lang]
        loc = _pr(c["loc_hit"], c["loc_pred"], c["loc_true"])
        cells = [
            lang,
            f"{c['documents']:.0f}",
            f"{c['truth']:.0f}",
            f"{c['proposals']:.0f}",
            "/".join(f"{x:.2f}" for x in loc),
        ]
        for key in ("date", "year", "type"):
            p, r, _ = _pr(c[key], c["proposals"], c["truth"])
            cells.append(f"{p:.2f}/{r:.2f}")
        cells.append(f"{c['repost']:.0f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def detail(entry: dict) -> list[str]:
    """What one development document gets wrong: each paired record's wrong places, date and
    type, and the records left unpaired on either side. Refuses a held-out document."""
    if entry.get("part") == "held-out":
        raise ValueError("held-out documents are only ever scored in aggregate")
    document = read_document(ROOT / entry["file"])
    proposals = propose(document)
    truth = truth_of(entry)
    places = load_gazetteer().places

    def names(ids: list[str]) -> str:
        return ", ".join(places[x].name_en if x in places else x for x in ids)

    lines = []
    pairs = pair(truth, proposals)
    for i, j in pairs:
        true, proposal = truth[i], proposals[j]
        ids, theirs = set(true["localities"]), set(proposal.locality_ids())
        wrong = [f"+{names([x])}" for x in proposal.locality_ids() if x not in ids]
        wrong += [f"-{names([x])}" for x in true["localities"] if x not in theirs]
        if true["type"] != proposal.type.slug:
            wrong.append(f"type {proposal.type.slug} (true {true['type']})")
        if true["date"] != proposal.date.value:
            wrong.append(f"date {proposal.date.value} (true {true['date']})")
        if wrong:
            lines.append(f"  {true['type']} {true['date']}: " + ", ".join(wrong))
    for j, proposal in enumerate(proposals):
        if j not in {j for _, j in pairs}:
            told = names(proposal.locality_ids())
            lines.append(f"  extra {proposal.type.slug} {proposal.date.value}: {told}")
    for i, true in enumerate(truth):
        if i not in {i for i, _ in pairs}:
            lines.append(f"  missed {true['type']} {true['date']}: {names(true['localities'])}")
    return lines


def main() -> int:
    """Print the benchmark table; exit 1 if a posting date was ever taken as an event date.

    Arguments, if any, name the sets to measure ("real: dev", "seed", ...) or a round of real
    texts by its ``set`` label ("fresh-6"); default all.
    ``--detail`` prints, for each development document, what it gets wrong instead;
    ``--without SET`` first leaves out the documents of that ``set``; an ``unseen`` set of the
    labels file counts only where its label is named.
    """
    only = sys.argv[1:]
    without = None  # a set's label; documents without one are never left out
    if only[:1] == ["--without"]:
        without, only = only[1], only[2:]
    unseen = set(yaml.safe_load(LABELS[0].read_text(encoding="utf-8")).get("unseen", []))
    left_out = unseen | ({without} if without else set())
    if only == ["--detail"]:
        labels = yaml.safe_load(LABELS[0].read_text(encoding="utf-8"))["documents"]
        for entry in labels:
            if entry.get("part") == "dev" and entry.get("set") not in left_out:
                print(Path(entry["file"]).name, *detail(entry), sep="\n")
        return 0
    entries = [
        entry
        for labels in LABELS
        for entry in yaml.safe_load(labels.read_text(encoding="utf-8"))["documents"]
        if (
            entry.get("set") in only
            or (entry.get("set") not in unseen and (not only or set_of(entry) in only))
        )
        and (without is None or entry.get("set") != without)
    ]
    counts = measure(entries)
    print(report(counts))
    return 1 if counts["all"]["repost"] else 0


if __name__ == "__main__":
    sys.exit(main())
