"""The ``partnermap`` command line: validate, audit, list, export, geocode, serve."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

from partnermap.data.filters import EVIDENCE_GROUPS, FilterState, select
from partnermap.data.loader import EMBEDDED_DATA_DIR, Corpus, load_corpus
from partnermap.data.playback import MODES, frame_path, frames
from partnermap.data.serialize import record_to_dict
from partnermap.data.table_cli import add_commands as add_table_commands
from partnermap.data.texts import LANGUAGES
from partnermap.data.urlstate import SELECTION_KINDS, parse_query
from partnermap.data.validate import validate_paths
from partnermap.exports.request import (
    FORMATS,
    LAYER_TOGGLES,
    PRINT_DPI,
    SIZES,
    ExportRequest,
    check_selection,
    filter_state,
)
from partnermap.ingest.cli import add_commands as add_ingest_commands

# Commands import what only they need (exports, the dashboard, the geocoder) when they run,
# so that every command starts fast.


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except ValueError as err:
        parser.exit(2, f"partnermap {args.command}: error: {err}\n")
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="partnermap", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check data files; exit 1 on any problem",
        description="Check data directories or single records/localities files.",
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=f"data directory or YAML file (default: {EMBEDDED_DATA_DIR})",
    )
    validate.set_defaults(run=_validate)

    audit = commands.add_parser(
        "audit",
        help="check that each record's quotes state its date, parties and type; exit 1 if not",
        description=(
            "Check that a quote of each record states its date, names its parties and uses words "
            "of its type, or that the record lists the claim in 'implied' and explains it."
        ),
    )
    audit.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=f"data directory or records file (default: {EMBEDDED_DATA_DIR})",
    )
    audit.set_defaults(run=_audit)

    reference = commands.add_parser(
        "import-reference",
        help="turn the reference CSV of sourced pairs into records (idempotent)",
        description="Geocode each pair of the CSV and write records/reference_pairs.yaml.",
    )
    reference.add_argument("csv", type=Path, metavar="CSV")
    reference.add_argument("--data", type=Path, default=EMBEDDED_DATA_DIR, help="data directory")
    reference.set_defaults(run=_import_reference)

    listing = commands.add_parser("list", help="print the records, filtered")
    listing.add_argument("--json", action="store_true", help="a JSON array (the data format)")
    _add_filter_flags(listing)
    listing.set_defaults(run=_list)

    export = commands.add_parser(
        "export",
        help="write the filtered view as an image, PDF, HTML map or data file",
        description="Write a briefing export of the records the filters select.",
    )
    export.add_argument("--format", required=True, choices=FORMATS)
    export.add_argument("--out", required=True, type=_output_file, metavar="FILE")
    export.add_argument("--title", help="figure title (default: a title in the chosen language)")
    export.add_argument("--lang", choices=LANGUAGES, default="en")
    export.add_argument("--size", choices=SIZES, default="slide", help="page size of images")
    export.add_argument("--notes", default="", help="a note printed under the counts (images)")
    export.add_argument(
        "--sources-text", default="", help="your own source line beside the map (images)"
    )
    export.add_argument(
        "--dpi", type=int, help=f"PNG dots per inch ({PRINT_DPI} to print A4 or letter)"
    )
    export.add_argument(
        "--hide", action="append", default=[], choices=LAYER_TOGGLES, help="leave a layer out"
    )
    export.add_argument(
        "--per-year",
        choices=MODES,
        help="one file per year of the filter's years, named like --out with the year added:"
        " 'year' (signed that year) or 'cumulative' (up to that year)",
    )
    export.add_argument(
        "--select",
        type=_selection,
        metavar="KIND,ID[,ID]",
        help="draw every link of a selection, as the URL's 'select' writes it: place,ID;"
        " region,ID; pair,ID,ID; regions,ID,ID or countries,country:CC,country:CC",
    )
    _add_filter_flags(export)
    export.set_defaults(run=_export)

    geocode = commands.add_parser(
        "geocode",
        help="look up place names offline, English or Chinese",
        description="Find each NAME in the offline gazetteer; one result per name, in order.",
    )
    geocode.add_argument(
        "names", nargs="*", metavar="NAME", help="a place name (quote names with spaces)"
    )
    geocode.add_argument("--json", action="store_true", help="one JSON object per line")
    geocode.add_argument(
        "--country", type=_country_code, metavar="CC", help="only places in this country (ISO code)"
    )
    geocode.add_argument(
        "--from", dest="from_file", type=Path, metavar="FILE", help="geocode a CSV/TSV column"
    )
    geocode.add_argument("--name-column", default="name", help="--from: column of names")
    geocode.add_argument("--country-column", help="--from: column of ISO country codes")
    geocode.set_defaults(run=_geocode)

    serve = commands.add_parser(
        "serve",
        help="serve the dashboard in a browser",
        description="Serve the dashboard; only this machine can reach it unless --host says so.",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to bind (default: %(default)s; 0.0.0.0 serves the whole network)",
    )
    serve.add_argument("--port", type=int, default=8050, help="port (default: %(default)s)")
    serve.add_argument("--data", type=Path, default=EMBEDDED_DATA_DIR, help="data directory")
    serve.add_argument(
        "--include-drafts", action="store_true", help="also show drafts awaiting review, marked"
    )
    mode = serve.add_mutually_exclusive_group()
    mode.add_argument(
        "--debug", action="store_true", help="Dash debug mode (reloader, dev tools; never shared)"
    )
    mode.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="production mode: N gunicorn worker processes (e.g. one per core)",
    )
    serve.set_defaults(run=_serve)

    add_ingest_commands(commands)
    add_table_commands(commands)
    return parser


def _add_filter_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=EMBEDDED_DATA_DIR, help="data directory")
    parser.add_argument("--sector", action="append", default=[], help="sector slug (repeatable)")
    parser.add_argument("--type", action="append", default=[], help="type slug (repeatable)")
    parser.add_argument("--year-from", type=int)
    parser.add_argument("--year-to", type=int)
    parser.add_argument("--place", help="place id or name, English or Chinese")
    parser.add_argument(
        "--evidence",
        choices=list(EVIDENCE_GROUPS),
        help="only records a quoted source supports (quoted), or those only listed (listed)",
    )


def _validate(args: argparse.Namespace) -> int:
    from partnermap.data.audit import audit_paths

    paths = args.paths or [EMBEDDED_DATA_DIR]
    problems = validate_paths(paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    for finding in audit_paths(paths)[0]:
        print(f"warning: {finding}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print("ok: no problems found")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from partnermap.data.audit import audit_paths, count_by_rule

    findings, problems = audit_paths(args.paths or [EMBEDDED_DATA_DIR])
    for finding in findings:
        print(finding, file=sys.stderr)
    for problem in problems:
        print(f"not audited: {problem}", file=sys.stderr)
    if problems:
        print(
            f"{len(problems)} problem(s) kept records out: run partnermap validate", file=sys.stderr
        )
    if findings:
        rules = ", ".join(f"{rule} {count}" for rule, count in count_by_rule(findings).items())
        print(f"{len(findings)} finding(s): {rules}", file=sys.stderr)
    if findings or problems:
        return 1
    print("ok: every record's quotes state its claims, or the record says which they only imply")
    return 0


def _import_reference(args: argparse.Namespace) -> int:
    from partnermap.data.reference_import import geocoded_locality, import_reference

    try:
        changes = import_reference(args.csv, args.data, geocoded_locality)
    except LookupError as err:
        raise ValueError(f"{err}; add the place to data/place_overrides.yaml") from err
    print("\n".join(changes) or "nothing changed")
    return 0


def _filtered_corpus(args: argparse.Namespace) -> tuple[Corpus, FilterState]:
    """Load ``--data`` (reporting skipped records) and read the filter flags."""
    corpus = load_corpus(args.data)
    for problem in corpus.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    state = filter_state(
        corpus.localities,
        args.sector,
        args.type,
        args.year_from,
        args.year_to,
        args.place,
        args.evidence,
    )
    return corpus, state


def _list(args: argparse.Namespace) -> int:
    corpus, state = _filtered_corpus(args)
    records = select(corpus.records, state)
    if args.json:
        rows = [record_to_dict(record, corpus.localities) for record in records]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for record in records:
            print(f"{record.date or '----':10}  {record.type:22}  {record.id}")
        print(f"{len(records)} record(s)", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from partnermap.exports.build import check_output, corpus_index, export, write_output
    from partnermap.exports.render import Renderer
    from partnermap.exports.title import clean_title
    from partnermap.geo.basemap import BASEMAP_DIR

    check_output(args.out)
    corpus, state = _filtered_corpus(args)
    title, note = clean_title(args.title, args.lang, corpus.dataset)
    if note:
        print(f"title: {note}", file=sys.stderr)
    request = ExportRequest(
        args.format,
        state,
        args.lang,
        title,
        args.size,
        notes=args.notes,
        sources_text=args.sources_text,
        dpi=args.dpi,
        hide=frozenset(args.hide),
        selection=args.select,
    )
    index = corpus_index(corpus)
    check_selection(request.selection, index)
    jobs = [(args.out, request)]
    if args.per_year:
        first, last = index.year_bounds or (0, -1)
        bounds = (state.year_from or first, state.year_to or last)
        jobs = [
            (
                frame_path(args.out, end),
                replace(request, state=replace(state, year_from=start, year_to=end)),
            )
            for start, end in frames(bounds, args.per_year)
        ]
    with Renderer(BASEMAP_DIR) as renderer:
        for out, job in jobs:
            result = export(job, corpus.localities, index, renderer)
            write_output(out, result.content)
            print(f"wrote {out} ({len(result.content):,} bytes)", file=sys.stderr)
    return 0


def _output_file(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError("is empty; give the file to write, e.g. --out map.png")
    return Path(text)


def _selection(text: str) -> tuple[str, ...]:
    """A ``--select`` value read as the URL's ``select`` is (``data.urlstate.parse_query``)."""
    chosen = parse_query(urlencode({"select": text}), lambda _: frozenset()).selection
    if chosen is None:
        kinds = ", ".join(f"{kind} ({n} id{'s' * (n > 1)})" for kind, n in SELECTION_KINDS.items())
        raise argparse.ArgumentTypeError(f"{text!r} is not KIND,ID[,ID]; kinds: {kinds}")
    return chosen


def _country_code(text: str) -> str:
    from partnermap.data.schema import country_codes

    if text.upper() not in country_codes():
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 3166-1 alpha-2 country code")
    return text.upper()


def _geocode(args: argparse.Namespace) -> int:
    from partnermap.geo.geocode import Context, geocode_many

    if args.from_file:
        from partnermap.geo.batch import geocode_file, stderr_progress

        fmt = "jsonl" if args.json else "csv"
        geocode_file(args.from_file, sys.stdout, args.name_column, args.country_column,
                     args.country, fmt, stderr_progress)  # fmt: skip
        print(file=sys.stderr)
        return 0
    if not args.names:
        raise ValueError("give one or more names, or --from FILE")
    results = geocode_many(args.names, Context(country=args.country))
    for result in results:
        if args.json:
            print(json.dumps(result.to_dict(), ensure_ascii=False))
            continue
        match = result.match
        found = (
            f"{match.id:18} {match.level:8} {match.name_en} / {match.name_zh or '-'}"
            f"{', ' + match.admin1 if match.admin1 else ''}"
            if match
            else "no match"
        )
        flags = " (ambiguous)" if result.ambiguous else ""
        print(f"{result.query[:40]:40}  {found}{flags}")
        others = result.alternatives if result.ambiguous else result.suggestions
        if others:
            label = "or" if result.ambiguous else "did you mean"
            names = "; ".join(f"{p.name_en}, {p.admin1 or p.country} ({p.id})" for p in others)
            print(f"{'':40}  {label}: {names}")
        for line in filter(None, [result.note, result.error]):
            print(f"{'':40}  {line}")
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text}")
    return value


def _serve(args: argparse.Namespace) -> int:
    # Imported here: Dash takes a second to load and only this command needs it.
    import functools
    import logging

    from partnermap.app import create_app
    from partnermap.server import (
        DevRequestHandler,
        bind_warning,
        gunicorn_options,
        run_production,
    )

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    warning = bind_warning(args.host)
    if warning:
        print(f"partnermap serve: {warning}", file=sys.stderr)
    if args.workers:
        options = gunicorn_options(args.host, args.port, args.workers)
        run_production(functools.partial(create_app, args.data, args.include_drafts), options)
    else:
        app = create_app(args.data, args.include_drafts)
        app.run(host=args.host, port=args.port, debug=args.debug, request_handler=DevRequestHandler)
    return 0
