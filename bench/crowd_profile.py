"""Where a crowd's time goes: bench/result.py's 50 walking sessions, with probes in the server.

Why: with think time the crowd's p95 was 366 ms (result reruns 789 ms) while the server was
only a third busy and one person alone got 12 ms (issue 15). Run
`python bench/crowd_profile.py [--people 50] [--think 3] [--variant NAME ...]`; for each
variant a server is started under bench/crowd_probe.py (the same `streamlit run app.py`, with
probes inside) and the crowd of bench/result.py walks it: page load, home, the door, the
answers, then result reruns, THINK seconds apart. It prints, per variant:
1. latency by step kind, as the client saw it;
2. the server's script runs: wall time against the run thread's CPU time (the difference is
   waiting: for the GIL, a core, a lock or the database);
3. the garbage collector's pauses per generation; the event loop's lag, and what the loop
   thread was doing when it was late by more than 30 ms; the store calls' wall time.
Variants set environment variables of the server (VARIANTS below), so that a fix can be
compared with the code as it is in the same run. A bench, not a test: it prints tables and
asserts nothing. The machine's load average is printed beside every table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from cpu import cpu_seconds, load_average  # noqa: E402
from runqueue import Sampler  # noqa: E402
from walk import Walker, cookies_of  # noqa: E402

import app as protocol  # noqa: E402

VARIANTS: dict[str, dict[str, str]] = {  # crowd_probe.py's VBESTUUR_PROBE_TRY
    "as is": {},
    "before: no gc.freeze": {"VBESTUUR_PROBE_TRY": "nofreeze=1"},
    "async saves": {"VBESTUUR_PROBE_TRY": "async=1"},
    "switch 1 ms": {"VBESTUUR_PROBE_TRY": "switch=0.001"},
    "switch 20 ms": {"VBESTUUR_PROBE_TRY": "switch=0.02"},
    "SQLite synchronous=NORMAL": {"VBESTUUR_PROBE_TRY": "sync=normal"},
}
Steps = dict[str, list[float]]


class ProbedServer(protocol.Server):
    """bench/app.py's Server, started under bench/crowd_probe.py with `env` added."""

    def __init__(self, script: Path, out: Path, env: dict[str, str]) -> None:  # noqa: D107
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        self.out, self.log = out, tempfile.TemporaryFile()  # noqa: SIM115
        self.started, self.health = time.perf_counter(), float("nan")
        self.proc = subprocess.Popen(
            [sys.executable, str(BENCH / "crowd_probe.py"), str(out), "--", "run", str(script),
             "--server.address", "127.0.0.1", "--server.port", str(self.port),
             "--global.developmentMode", "false"],
            cwd=protocol.ROOT, env=os.environ | env, stdout=self.log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL)

    def probes(self) -> dict[str, Any]:
        """Ask the probe for everything it noted so far (see crowd_probe.py)."""
        request = self.out.with_suffix(self.out.suffix + ".req")
        request.touch()
        for _ in range(300):
            if not request.exists():
                return dict(json.loads(self.out.read_text(encoding="utf-8")))
            time.sleep(0.05)
        raise RuntimeError("the probe did not answer")


async def person(port: int, reruns: int, think: float, delay: float) -> Steps:
    """One visitor of bench/result.py, each step timed under its kind."""
    await asyncio.sleep(delay)
    started = time.perf_counter()
    cookie = await asyncio.to_thread(cookies_of, port)
    steps: Steps = {"page load (HTTP)": [time.perf_counter() - started]}
    walker = await Walker.open_with(port, cookie)
    try:
        runs = await walker.to_result(think)
        kinds = ["home", "door (switch page)"] + ["answer"] * (len(runs) - 3) + ["last answer"]
        for kind, run in zip(kinds, runs, strict=True):
            steps.setdefault(kind, []).append(run.seconds)
        for _ in range(reruns):
            await asyncio.sleep(think)
            steps.setdefault("result rerun", []).append((await walker.run()).seconds)
        return steps
    finally:
        await walker.ws.close()


async def crowd(port: int, args: argparse.Namespace) -> tuple[Steps, int]:
    rng = random.Random(15)
    done = await asyncio.gather(*(person(port, args.reruns, args.think,
                                         rng.uniform(0, args.think))
                                  for _ in range(args.people)), return_exceptions=True)
    steps: Steps = {}
    for one in done:
        for kind, times in (one.items() if isinstance(one, dict) else ()):
            steps.setdefault(kind, []).extend(times)
    walked = [t for kind, times in steps.items() if kind != "page load (HTTP)" for t in times]
    steps = {"every rerun": walked, **steps}
    failed = [one for one in done if not isinstance(one, dict)]
    if failed:
        print(f"first error of {len(failed)}: {failed[0]!r}", file=sys.stderr)
    return steps, sum(not isinstance(one, dict) for one in done)


def quantiles(values: list[float], scale: float = 1000.0) -> str:
    """n | p50 | p95 | p99 | max | sum (ms) as table cells."""
    if not values:
        return "0 | | | | |"
    ordered = sorted(scale * v for v in values)
    at = [ordered[int(q * (len(ordered) - 1))] for q in (0.5, 0.95, 0.99)]
    return (f"{len(ordered)} | {at[0]:.0f} | {at[1]:.0f} | {at[2]:.0f} | {ordered[-1]:.0f} | "
            f"{sum(ordered):.0f}")


def window(samples: dict[str, list[list[Any]]], kind: str, since: float) -> list[list[Any]]:
    return [s for s in samples.get(kind, []) if s[0] >= since]


HEAD = "| n | p50 ms | p95 ms | p99 ms | max ms | sum ms |"
RULE = "|---|---:|---:|---:|---:|---:|---:|"


def _rows(samples: dict[str, list[list[Any]]], since: float,
          spec: list[tuple[str, str, Callable[[list[Any]], float]]]) -> list[str]:
    """One table row per (label, sample kind, value of a sample)."""
    return [f"| {label} | {quantiles([value(s) for s in window(samples, kind, since)])} |"
            for label, kind, value in spec]


def server_rows(samples: dict[str, list[list[Any]]], since: float) -> list[str]:
    """Requests, script runs, the collector and the event loop, in the server."""
    spec: list[tuple[str, str, Callable[[list[Any]], float]]] = [
        ("request: arrival to its script's start", "queued", lambda s: s[1]),
        ("request: arrival to script_finished sent", "answered", lambda s: s[1]),
        ("script run, wall", "script", lambda s: s[1]),
        ("script run, its thread's CPU", "script", lambda s: s[2]),
        ("script run, waiting (wall - CPU)", "script", lambda s: s[1] - s[2])]
    rows = _rows(samples, since, spec)
    for gen in (0, 1, 2):
        pauses = [s for s in window(samples, "gc", since) if s[1] == gen]
        rows += [f"| GC generation {gen} pause | {quantiles([s[2] for s in pauses])} |",
                 f"| GC generation {gen} pause, CPU | {quantiles([s[3] for s in pauses])} |"]
    return rows + _rows(samples, since, [("event loop lag (5 ms beat)", "lag", lambda s: s[1])])


def store_rows(samples: dict[str, list[list[Any]]], since: float) -> list[str]:
    """The runtime's store calls, the transactions in their parts, each store method."""
    spec: list[tuple[str, str, Callable[[list[Any]], float]]] = [
        ("Runtime.use call, wall", "store_use", lambda s: s[1]),
        ("Runtime.within call, wall", "store_within", lambda s: s[1])]
    for kind in ("db_read", "db_write"):
        for at, part in ((1, "enter (pool)"), (2, "body (BEGIN, lock wait, statements)"),
                         (3, "leave (COMMIT: fsync)")):
            spec.append((f"{kind.replace('_', ' ')}: {part}", kind,
                         lambda s, at=at: float(s[at])))
    spec += [(f"store.{k[5:]}, wall", k, lambda s: s[1])
             for k in sorted(samples) if k.startswith("call:") and window(samples, k, since)]
    return _rows(samples, since, spec)


def report(label: str, steps: Steps, errors: int, probes: dict[str, Any], since: float,
           wall: float, cpu: float) -> str:
    samples = probes["samples"]
    lines = [f"### {label}: {wall:.1f} s, server CPU {100 * cpu / wall:.0f} %, errors {errors},"
             f" load average {load_average():.1f}", "", f"| step (client) {HEAD}", RULE]
    lines += [f"| {kind} | {quantiles(times)} |" for kind, times in steps.items()]
    lines += ["", f"| in the server {HEAD}", RULE, *server_rows(samples, since),
              *store_rows(samples, since)]
    lines += ["", f"GC: threshold {probes['gc_threshold']}, frozen objects "
              f"{probes['gc_frozen']}, tracked objects {probes['objects']}.", "",
              "Event loop thread when it was late > 30 ms (count: innermost frame first):"]
    lines += [f"- {count}: {where[:300]}" for where, count in probes["stalls"][:8]]
    return "\n".join(lines)


SUMMARY: list[str] = []


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[int(q * (len(ordered) - 1))] if ordered else float("nan")


def summary(label: str, steps: Steps, probes: dict[str, Any], since: float,
            cores: dict[str, float]) -> str:
    """One row of the closing table: the figures that decide between variants."""
    samples, every, result = probes["samples"], steps["every rerun"], steps.get("result rerun", [])
    gc2 = [s for s in window(samples, "gc", since) if s[1] == 2]
    writes = [s[1] + s[2] + s[3] for s in window(samples, "db_write", since)]
    return (f"| {label} | {_p(every, .5):.0f} | {_p(every, .95):.0f} | {_p(every, .99):.0f} | "
            f"{_p(result, .5):.0f} / {_p(result, .95):.0f} | {len(gc2)}: "
            f"{_p([g[2] for g in gc2], 1):.0f} / {_p([g[3] for g in gc2], 1):.0f} | "
            f"{_p(writes, .95):.0f} | {cores['on_core']:.1f} / {cores['waiting_for_core']:.1f} | "
            f"{load_average():.1f} |")


def run_variant(label: str, env: dict[str, str], args: argparse.Namespace, folder: Path) -> str:
    """A fresh server (its own database), warmed by 3 sessions, then the crowd."""
    folder.mkdir()
    with ProbedServer(protocol.ROOT / "app.py", folder / "probe.json",
                      env | {"VBESTUUR_DATA_DIR": str(folder)}) as server:
        asyncio.run(crowd(server.port, argparse.Namespace(people=3, reruns=2, think=0.2)))
        since, cpu, started = time.time(), cpu_seconds(server.proc.pid), time.perf_counter()
        with Sampler(server.proc.pid, lambda: Walker.in_flight) as sampler:
            steps, errors = asyncio.run(crowd(server.port, args))
        wall = time.perf_counter() - started
        used = cpu_seconds(server.proc.pid) - cpu
        if errors:
            server.log.seek(0)
            print(server.log.read().decode()[-3000:], file=sys.stderr)
        cores = sampler.figures()
        SUMMARY.append(summary(label, steps, server.probes(), since, cores))
        return (report(label, steps, errors, server.probes(), since, wall, used) + "\n\n"
                f"Server on a core {cores['on_core']:.1f} s, ready but waiting for a core "
                f"{cores['waiting_for_core']:.1f} s; client on a core {cores['client_on_core']:.1f}"
                f" s, waiting for one {cores['client_waiting']:.1f} s (bench/runqueue.py).")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--think", type=float, default=3.0)
    parser.add_argument("--reruns", type=int, default=4, help="result reruns per person")
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS),
                        help="the server variants to run (default: all)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="run the variants this often, in turn (the load of a shared "
                             "machine changes: compare rounds)")
    args = parser.parse_args()
    print(f"{args.people} sessions on one process, think {args.think:g} s, {args.reruns} result "
          "reruns each; arrivals spread over the think time (bench/result.py's crowd).\n")
    with tempfile.TemporaryDirectory(prefix="vbestuur-crowd-") as folder:
        for round_ in range(args.rounds):
            for label in args.variant or list(VARIANTS):
                place = Path(folder) / f"{round_}-{len(SUMMARY)}"
                print(run_variant(label, VARIANTS[label], args, place) + "\n")
    print("| variant | every rerun p50 ms | p95 ms | p99 ms | result rerun p50 / p95 ms | "
          "GC gen 2 pauses: longest ms / its CPU ms | db write p95 ms | server s on a core / "
          "waiting for one | load average |\n|---|---:|---:|---:|---|---|---:|---|---:|")
    print("\n".join(SUMMARY))


if __name__ == "__main__":
    main()
