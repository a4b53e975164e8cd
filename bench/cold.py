"""Cold start: process start to the first question drawn, app versus hello-world, same run.

Run alone: `.venv/bin/python bench/cold.py [--starts 5]` (bench/app.py runs it too).
Each start is a new `streamlit run` (bench/app.py's Server) and one new session, as a person
who opens the app right after a (re)start: the home page, one click on the incident door, and
the first question drawn; hello-world: its text drawn. For every start the server's CPU
seconds (/proc, all its threads) are read when /_stcore/health first answers (interpreter,
imports, server start), when the first page is drawn and when the question is: on a shared
machine the wall clock also counts waiting for a core, the CPU seconds only the work.

Two app variants, honestly apart (vbestuur_engine/cache.py): a restart (the content cache in
the data folder is warm: the usual case in production) and a first start after the content
or the code changed (no cache: every file parsed and checked). Each app start gets a data
folder of its own (VBESTUUR_DATA_DIR), so nothing of an earlier start is reused but what the
variant says: the warm one is warmed once, before the starts, by loading the content through
the cache. Servers start in turn (hello, app, app without cache), so drift hits all alike.
Medians of `--starts` starts. A bench, not a test: it prints a table and asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cpu import cpu_seconds, load_average

import app as protocol  # bench/app.py: Server, Session, Question, first_question
from vbestuur_engine.cache import load_engine

Figures = dict[str, float]
VARIANTS = {"hello": "hello-world", "app": "app, a restart (content cache warm)",
            "nocache": "app, first start after a change (no content cache)"}


async def first_render(server: protocol.Server, question: protocol.Question | None) -> Figures:
    """Seconds and server CPU seconds at health, at the first page and at the target."""
    session = await protocol.Session.open(server.port)
    try:
        first = await session.run()
        figures = {"health": server.health, "health_cpu": server.health_cpu,
                   "first": time.perf_counter() - server.started,
                   "first_cpu": cpu_seconds(server.proc.pid),
                   "target": float("nan"), "cpu": float("nan")}
        if question is None:
            shown = first.shows(protocol.HELLO)
        else:
            door = first.widget(protocol.DOOR_KEY)
            shown = door is not None and (await session.run(click=door)).asks(question)
        if shown:
            figures["target"] = time.perf_counter() - server.started
            figures["cpu"] = cpu_seconds(server.proc.pid)
        return figures
    finally:
        await session.ws.close()


def one_start(script: Path, question: protocol.Question | None, data: Path | None) -> Figures:
    env = None if data is None else {"VBESTUUR_DATA_DIR": str(data)}
    with protocol.Server(script, env) as server:
        return asyncio.run(first_render(server, question))


def bench_cold(hello: Path, question: protocol.Question, starts: int) -> dict[str, Figures]:
    """Median figures per variant over `starts` rounds (one start of each per round)."""
    samples: dict[str, list[Figures]] = {name: [] for name in VARIANTS}
    with tempfile.TemporaryDirectory(prefix="vbestuur-cold-") as folder:
        warm = Path(folder) / "warm"
        load_engine(protocol.ROOT, warm / "cache")  # what the previous start left behind
        for index in range(starts):
            samples["hello"].append(one_start(hello, None, None))
            samples["app"].append(one_start(protocol.ROOT / "app.py", question, warm))
            fresh = Path(folder) / f"fresh-{index}"
            samples["nocache"].append(one_start(protocol.ROOT / "app.py", question, fresh))
    return {name: {key: statistics.median(s[key] for s in runs) for key in runs[0]}
            for name, runs in samples.items()}


def table(cold: dict[str, Figures], starts: int, load: tuple[float, float]) -> str:
    """The Markdown table: per variant, and each app variant's ratio to hello-world."""
    names = list(VARIANTS)

    def row(label: str, key: str, ratio: bool = False) -> list[str]:
        cells = [label, *(f"{cold[n][key]:.2f}" for n in names)]
        hello = cold["hello"][key]
        cells += [f"{cold[n][key] / hello:.2f} × hello" if ratio else "" for n in names[1:]]
        return [*cells, "≤ 1.5" if ratio else ""]

    rows = [
        [f"cold start, median of {starts}", *VARIANTS.values(), "ratio (restart)",
         "ratio (no cache)", "target"],
        ["---", *["---:"] * (len(names) + 3)],
        row("to /_stcore/health ok, s", "health"),
        row("the same, server CPU s", "health_cpu"),
        row("to the first page drawn (app: home), s", "first"),
        row("the same, server CPU s", "first_cpu"),
        row("to the first question drawn (hello: its text; app: home + 1 click), s", "target",
            ratio=True),
        row("the same, server CPU s (all its threads; waiting for a core not counted)", "cpu",
            ratio=True),
    ]
    lines = ["| " + " | ".join(cells) + " |" for cells in rows]
    return "\n".join([*lines, "", f"Load average (1 min) before and after: {load[0]:.1f}, "
                      f"{load[1]:.1f} (2 cores)."])


def run(hello: Path, question: protocol.Question, starts: int) -> str:
    before = load_average()
    cold = bench_cold(hello, question, starts)
    return table(cold, starts, (before, load_average()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    question = protocol.first_question()
    with tempfile.TemporaryDirectory(prefix="vbestuur-bench-") as folder:
        hello = Path(folder) / "hello.py"
        hello.write_text(protocol.SCRIPTS["hello"], encoding="utf-8")
        print(f"Cold start, Python {sys.version.split()[0]}; app reaches "
              f"{question.text!r}.\n")
        print(run(hello, question, args.starts))


if __name__ == "__main__":
    main()
