"""The ``partnermap import-table`` command: a partnership table into a data directory."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from partnermap.data.table_columns import FIELDS
from partnermap.data.vocabulary import TYPES


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add ``import-table`` to the ``partnermap`` subcommands."""
    parser = commands.add_parser(
        "import-table",
        help="import a CSV, TSV or XLSX table of partner pairs (idempotent)",
        description=(
            "Geocode both places of every row and write one record per unique pair into a data "
            "directory that serve, validate, list and export read; rows that cannot be placed "
            "go to DIR/review.csv with suggestions."
        ),
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="a .csv, .tsv or .xlsx table")
    parser.add_argument("--out", type=Path, default=None, metavar="DIR",
                        help="data directory to write (default: FILE's name without suffix)")  # fmt: skip
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help=f"say which column holds a field (header or 1-based number); fields: {', '.join(FIELDS)}",
    )
    parser.add_argument("--sheet", help="the worksheet of an XLSX workbook (default: the first)")
    parser.add_argument("--type", default="sister_city", choices=list(TYPES),
                        help="the type of a pair whose row states none (default: %(default)s)")  # fmt: skip
    parser.add_argument("--resolve", type=Path, metavar="FILE",
                        help="curated resolutions of sides the table leaves open, each with its source")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=_import_table)


def _import_table(args: argparse.Namespace) -> int:
    from partnermap.data.table_import import REVIEW_FILE, import_table

    mapping = {}
    for item in args.map:
        field, sep, column = item.partition("=")
        if not sep or not field or not column:
            raise ValueError(f"--map {item!r}: expected FIELD=COLUMN, e.g. place1=City")
        mapping[field.strip()] = column.strip()
    out = args.out or args.file.with_suffix("")

    def progress(done: int, total: int) -> None:
        if total >= 1000:
            sys.stderr.write(f"\rgeocoding rows: {done:,} / {total:,}")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    report = import_table(args.file, out, mapping, args.sheet, progress, args.type, args.resolve)
    if args.json:
        print(json.dumps({"out": str(out), **report.to_dict()}, ensure_ascii=False))
        return 0
    print(
        f"{args.file}: {report.rows} rows, {report.records} records in {out}"
        + (
            f"; {report.review_rows} row side(s) to review in {out / REVIEW_FILE}"
            if report.review_rows
            else ""
        )
    )
    for record_id, lines in sorted(report.already.items()):
        print(f"  already recorded as {record_id}: line(s) {', '.join(map(str, lines))}")
    print("\n".join(report.changes) or "nothing changed")
    return 0
