"""The ``ingest``, ``drafts``, ``accept`` and ``reject`` commands of ``partnermap``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from partnermap.data.loader import EMBEDDED_DATA_DIR


def add_commands(commands: Any) -> None:
    """Add the draft workflow's subcommands to the ``partnermap`` parser's subparsers."""
    run = commands.add_parser(
        "ingest",
        help="propose draft records from .txt, .html or .pdf documents",
        description="Read documents offline and write the records they tell as drafts.",
    )
    run.add_argument("files", nargs="+", type=Path, metavar="FILE")
    run.add_argument("--json", action="store_true", help="print one JSON report per file")
    run.add_argument("--out", type=Path, help="drafts folder (default: DATA/drafts)")
    run.add_argument("--data", type=Path, default=EMBEDDED_DATA_DIR, help="data directory")
    run.set_defaults(run=_ingest)

    listing = commands.add_parser("drafts", help="list the drafts awaiting review")
    listing.add_argument("--json", action="store_true", help="a JSON array of the drafts")
    _add_folder_flags(listing)
    listing.set_defaults(run=_drafts)

    for name, verb, handler in (
        ("accept", "validate one draft and move it into the data", _accept),
        ("reject", "delete one draft", _reject),
    ):
        command = commands.add_parser(name, help=verb)
        command.add_argument("draft_id", metavar="DRAFT_ID")
        _add_folder_flags(command)
        command.set_defaults(run=handler)


def _add_folder_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=EMBEDDED_DATA_DIR, help="data directory")
    parser.add_argument("--drafts", type=Path, help="drafts folder (default: DATA/drafts)")


def _ingest(args: argparse.Namespace) -> int:
    from partnermap.ingest import drafts  # jieba and dateparser load only when used

    failed = 0
    for path in args.files:
        try:
            report = drafts.ingest(path, args.data, args.out)
        except Exception as err:  # one bad file must not stop the others
            report = drafts.IngestReport(str(path))
            report.error = f"{path}: could not be read ({type(err).__name__}: {err})"
        failed += report.error is not None
        if args.json:
            print(json.dumps(report.to_dict(), ensure_ascii=False))
            continue
        if report.error:
            print(f"{path}: not ingested: {report.error}", file=sys.stderr)
            continue
        for draft_id in report.written:
            print(f"{path}: new draft {draft_id}")
        for draft_id in report.already:
            print(f"{path}: already drafted as {draft_id}")
        for title, record_id in report.matches:
            print(f"{path}: {title!r} matches the existing record {record_id}; no draft")
        if not (report.written or report.already or report.matches):
            print(f"{path}: no agreement or event found", file=sys.stderr)
    return 1 if failed else 0


def _drafts(args: argparse.Namespace) -> int:
    from partnermap.ingest import drafts  # jieba and dateparser load only when used

    infos = drafts.list_drafts(args.data, args.drafts)
    if args.json:
        rows = [
            {"id": i.id, "record": i.record, "meta": i.meta, "problems": list(i.problems)}
            for i in infos
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for info in infos:
        record = info.record
        state = "ok" if not info.problems else f"{len(info.problems)} problem(s)"
        print(
            f"{info.id}  {record.get('date') or '----':10}  {record.get('type', ''):22}  "
            f"{record.get('title', '')[:60]}  [{state}]"
        )
        for problem in info.problems:
            print(f"    {problem}")
    print(f"{len(infos)} draft(s)", file=sys.stderr)
    return 0


def _accept(args: argparse.Namespace) -> int:
    from partnermap.ingest import drafts  # jieba and dateparser load only when used

    record_id = drafts.accept(args.data, args.draft_id, args.drafts)
    print(f"accepted {args.draft_id} as record {record_id}")
    return 0


def _reject(args: argparse.Namespace) -> int:
    from partnermap.ingest import drafts  # jieba and dateparser load only when used

    drafts.reject(args.data, args.draft_id, args.drafts)
    print(f"rejected {args.draft_id}")
    return 0
