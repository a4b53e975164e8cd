"""The `vbestuur` console script: the engine's commands, plus every export file of `advise`.

Why here and not in the engine: the engine never imports the web layer or the service (an
import-linter contract), but the export builders (CSV, PDF, ICS) live in `vbestuur_app.exports`
and render the same `ResultDocument` as the download buttons. So this module, in the web layer
but without Streamlit, takes `advise --format csv|csv-excel-nl|pdf|ics [--output FILE]` and
hands everything else (check, paths, graph, review, advise as json|md) to
`vbestuur_engine.cli` unchanged. A clerk can script the exports; a reviewer can check them
without a browser.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from vbestuur_engine import Engine
from vbestuur_engine.cli import UsageError, _read_answers
from vbestuur_engine.cli import main as engine_main
from vbestuur_engine.errors import ContentError, VbestuurError
from vbestuur_service.localtime import today as local_today

EXPORT_FORMATS = ("csv", "csv-excel-nl", "pdf", "ics")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vbestuur advise",
                                     description="write an export file of a walk's result")
    parser.add_argument("flow")
    parser.add_argument("--answers", required=True, help="JSON file of answers, or - for stdin")
    parser.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    parser.add_argument("--output", default=None, help="file to write (default: stdout)")
    parser.add_argument("--lang", choices=["nl", "en"], default="nl")
    parser.add_argument("--local", help="municipality values: rules/local/NAME.yaml")
    parser.add_argument("--content", default=None, help="content folder (default: project)")
    parser.add_argument("--evaluation", type=dt.date.fromisoformat, default=None,
                        help="ics: first yearly evaluation, YYYY-MM-DD (default: in a year)")
    parser.add_argument("--new-term", type=dt.date.fromisoformat, default=None,
                        help="ics: start of the new term, YYYY-MM-DD (optional)")
    return parser


def is_export(argv: Sequence[str]) -> bool:
    """`advise` asked for a file format the engine does not write."""
    if not argv or argv[0] != "advise":
        return False
    peek = argparse.ArgumentParser(add_help=False)
    peek.add_argument("--format")
    known, _ = peek.parse_known_args(argv[1:])
    return known.format in EXPORT_FORMATS


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `vbestuur` console script; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not is_export(args):
        return engine_main(args)
    parsed = _parser().parse_args(args[1:])
    try:
        data = export_bytes(parsed)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print("vbestuur: the content has problems; run `vbestuur check`", file=sys.stderr)
        return 1
    except (UsageError, VbestuurError, OSError) as exc:
        print(f"vbestuur: {exc}", file=sys.stderr)
        return 2
    return _write(data, parsed.output)


def export_bytes(args: argparse.Namespace) -> bytes:
    """The file's bytes, built by the same functions as the app's download buttons."""
    from . import exports

    engine = Engine.load(args.content)
    engine.flow(args.flow)
    local = engine.local_values(args.local)
    if args.local and local is None:
        raise UsageError(f"no municipality values named {args.local!r} in rules/local/")
    progress = engine.walk(args.flow, _read_answers(args.answers))
    if args.format == "pdf":
        return exports.build_pdf(engine, progress, args.lang, local)
    if args.format == "ics":
        evaluation = args.evaluation or local_today() + dt.timedelta(days=365)
        return exports.build_ics(progress, args.lang, evaluation, args.new_term)
    if args.format == "csv-excel-nl":
        return exports.build_csv_excel_nl(engine, progress, args.lang, local).encode("utf-8")
    return exports.build_csv(engine, progress, args.lang, local).encode("utf-8")


def _write(data: bytes, output: str | None) -> int:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        print(f"vbestuur: cannot write {output!r}: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
