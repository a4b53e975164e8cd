"""The `vbestuur` command line: check, paths, advise, graph, review.

Why a CLI: content authors check their work without starting the app, reviewers read every path,
and other tools read the JSON shapes (a contract). Bad input gives one line on stderr and exit
code 2, never a traceback; content problems give exit code 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .content import check_content
from .engine import Engine
from .errors import ContentError, VbestuurError
from .mermaid import flow_to_mermaid
from .paths import all_paths
from .report import advise_markdown, advise_record, path_record


class UsageError(Exception):
    """Bad input from the person at the command line (exit code 2)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vbestuur", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate rules/ and flows/")
    check.add_argument("--format", choices=["text", "json"], default="text")
    paths = sub.add_parser("paths", help="every start-to-outcome path of a flow")
    paths.add_argument("flow")
    advise = sub.add_parser("advise", help="advice and checklist for given answers")
    advise.add_argument("flow")
    advise.add_argument("--answers", required=True, help="JSON file of answers, or - for stdin")
    advise.add_argument("--local", help="municipality values: rules/local/NAME.yaml")
    graph = sub.add_parser("graph", help="the flow as a Mermaid flowchart")
    graph.add_argument("flow")
    review = sub.add_parser("review", help="write the content review document")
    review.add_argument("--output", default=None, help="file to write (default: stdout)")
    for command, formats in ((paths, ["text", "json"]), (advise, ["json", "md"])):
        command.add_argument("--format", choices=formats, default=formats[0])
    for command in (check, paths, advise, graph, review):
        command.add_argument("--content", default=None, help="content folder (default: project)")
    for command in (paths, advise, graph, review):
        command.add_argument("--lang", choices=["nl", "en"], default="nl")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        return int(_COMMANDS[args.command](args))
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print("vbestuur: the content has problems; run `vbestuur check`", file=sys.stderr)
        return 1
    except (UsageError, VbestuurError, OSError) as exc:
        print(f"vbestuur: {exc}", file=sys.stderr)
        return 2


def _cmd_check(args: argparse.Namespace) -> int:
    from .readability import distribution, scored_texts, summary_line

    content, problems = check_content(args.content)
    errors = [p for p in problems if p.severity == "error"]
    scored = scored_texts(content)
    if args.format == "json":
        flows = [] if errors else _flow_summaries(Engine(content))
        readability = {"texts": len(scored), "bands": dict(distribution(scored))}
        print(json.dumps({"ok": not errors, "flows": flows, "steps": sorted(content.steps),
                          "problems": [p.as_dict() for p in problems],
                          "readability": readability}, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(problem)
        flows_count = len(content.flows)
        print(summary_line(scored))
        print(f"{len(errors)} error(s), {len(problems) - len(errors)} warning(s) in "
              f"{flows_count} flow(s) and {len(content.advice)} advice item(s)")
    return 1 if errors else 0


def _flow_summaries(engine: Engine) -> list[dict[str, Any]]:
    return [{"id": c.id, "questions": len(c.question_ids),
             "outcomes": sum(1 for n in c.flow.nodes.values() if n.type == "outcome")}
            for c in engine.compiled.values()]


def _cmd_paths(args: argparse.Namespace) -> int:
    engine = Engine.load(args.content)
    compiled = engine.flow(args.flow)
    records = [path_record(p, engine.content, args.lang) for p in all_paths(compiled)]
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    for number, record in enumerate(records, 1):
        answers = ", ".join(f"{q}={a}" for q, a in record["answers"].items())
        print(f"{number}. {answers} -> {record['outcome']}")
        for item in record["advice"]:
            print(f"     advies {item['id']} (stap {', '.join(map(str, item['steps']))})")
        print(f"     open: {record['checklist']['open']}")
    return 0


def _read_answers(source: str) -> dict[str, Any]:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read answers from {source!r}: {exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"answers are not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise UsageError("answers must be a JSON object of question id to answer")
    return data


def _cmd_advise(args: argparse.Namespace) -> int:
    answers = _read_answers(args.answers)
    engine = Engine.load(args.content)
    compiled = engine.flow(args.flow)
    local = engine.local_values(args.local)
    if args.local and local is None:
        raise UsageError(f"no municipality values named {args.local!r} in rules/local/")
    progress = engine.walk(args.flow, answers)
    record = advise_record(progress, compiled, engine.content, args.lang, local)
    if args.format == "md":
        print(advise_markdown(record, args.lang), end="")
    else:
        print(json.dumps(record, ensure_ascii=False, indent=2))
    return 0


def _cmd_graph(args: argparse.Namespace) -> int:
    engine = Engine.load(args.content)
    print(flow_to_mermaid(engine.flow(args.flow), args.lang), end="")
    return 0


def _cmd_review(args: argparse.Namespace) -> int:
    from .review import content_review

    engine = Engine.load(args.content)
    document = content_review(engine, args.lang)
    if args.output:
        Path(args.output).write_text(document, encoding="utf-8")
    else:
        print(document, end="")
    return 0


_COMMANDS = {"check": _cmd_check, "paths": _cmd_paths, "advise": _cmd_advise,
             "graph": _cmd_graph, "review": _cmd_review}


if __name__ == "__main__":
    sys.exit(main())
