"""Scale-out bench: PostgreSQL, two app replicas and HAProxy on 127.0.0.1, in one run.

What it does (run: `make scale`, or `python bench/scale.py --sessions 200`):
1. starts a throw-away PostgreSQL (tests/store/pg_server.py);
2. for each setup, one replica and then two, starts fresh `streamlit run app.py` replicas on
   that database, warms each the same way, and starts HAProxy with deploy/haproxy.cfg (for one
   replica the same file without its second `server` line: both setups take the same path,
   bench/topology.py); then drives N walking sessions through HAProxy: each loads the page
   (the session cookie and HAProxy's SRV cookie), opens the websocket with those cookies, draws
   home, clicks the incident door, answers the first question and reruns the next one R
   times; throughput = reruns per second, closed loop (no think time), all N concurrent; the
   ratio is two replicas over one in the same run;
3. kill test: K sessions through HAProxy answer the first question, replica app1 is killed
   (SIGKILL), and every session reconnects through HAProxy with its cookies; a session
   "resumed with its answers" when the door then leads past the first question (the answer
   was read back from PostgreSQL by the other replica).
The load client, HAProxy, PostgreSQL and the replicas share this machine's cores. So each
setup also prints every part's share of the machine's CPU (bench/cpu.py, from /proc): the
replicas, the client, HAProxy, PostgreSQL, every other process on the machine, and idle; and
the load average. The client is bench/lean.py (sans-I/O websockets on uvloop, each message read
only as far as its kind): about a third less CPU per rerun than bench/app.py's Session.
"Reruns per replica-CPU-second" is the capacity of one replica's core, measured; "CPU-bound
capacity" is that figure times the replicas against one replica's own: what two replicas give
when the client, HAProxy and PostgreSQL run elsewhere. A bench, not a test: it prints tables
and asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import uvloop

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "tests" / "store")]
import topology  # noqa: E402
from cpu import Meter  # noqa: E402
from lean import LeanSession, answer  # noqa: E402
from pg_server import PgServer, start_server  # noqa: E402
from pg_server import _free_port as free_port  # noqa: E402
from walk import cookies_of  # noqa: E402  one way to get a browser's cookie

import app as protocol  # noqa: E402  bench/app.py: Run, Question, first_question
from vbestuur_store.limiter import SESSION_CREATE  # noqa: E402

WARM_SESSIONS = 10  # per replica, before each setup is measured
T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    """The client's event loop: uvloop (a runtime dependency already, uvicorn's loop)."""
    return uvloop.run(coro)


async def walk(port: int, question: protocol.Question, reruns: int) -> list[float]:
    """One walking session; the durations of its reruns."""
    session = await LeanSession.open(port, await asyncio.to_thread(cookies_of, port))
    try:
        asked = await session.to_question(question)
        times = [asked.seconds, (await answer(session, asked, question)).seconds]
        for _ in range(reruns):
            times.append((await session.run(keep=False)).seconds)
        return times
    finally:
        await session.close()


async def load(port: int, question: protocol.Question, sessions: int, reruns: int) -> dict:
    started = time.perf_counter()
    results = await asyncio.gather(*(walk(port, question, reruns) for _ in range(sessions)),
                                   return_exceptions=True)
    wall = time.perf_counter() - started
    times = sorted(t for r in results if isinstance(r, list) for t in r)
    errors = sum(1 for r in results if isinstance(r, BaseException))
    p95 = times[int(0.95 * (len(times) - 1))] * 1000 if times else float("nan")
    return {"runs": len(times), "wall": wall, "rps": len(times) / wall, "errors": errors,
            "p50": statistics.median(times) * 1000 if times else float("nan"), "p95": p95}


async def prepared(port: int, question: protocol.Question) -> tuple[str, bool]:
    """A session that answered the first question; its cookies, kept by the 'browser'."""
    cookie = await asyncio.to_thread(cookies_of, port)
    session = await LeanSession.open(port, cookie)
    try:
        asked = await session.to_question(question)
        after = await answer(session, asked, question)
        return cookie, not after.asks(question)
    finally:
        await session.close()


async def resumed(port: int, cookie: str, question: protocol.Question) -> bool:
    """Reconnect with the same cookies; the door leads past the answered first question."""
    for _attempt in range(20):
        try:
            session = await LeanSession.open(port, cookie)
        except Exception:  # noqa: BLE001  HAProxy may still be failing over
            await asyncio.sleep(0.5)
            continue
        try:
            home = await session.run()
            door = home.widget(protocol.DOOR_KEY)
            again = await session.run(click=door) if door else home
            return not again.asks(question) and bool(again.elements)
        finally:
            await session.close()
    return False


async def kill_test(front: int, question: protocol.Question, replica: subprocess.Popen,
                    sessions: int) -> tuple[int, int, int]:
    kept = await asyncio.gather(*(prepared(front, question) for _ in range(sessions)))
    on_killed = sum(1 for cookie, _ in kept if "SRV=app1" in cookie)
    replica.send_signal(signal.SIGKILL)
    replica.wait()
    back = await asyncio.gather(*(resumed(front, cookie, question) for cookie, ok in kept if ok))
    return sum(back), sum(1 for _, ok in kept if ok), on_killed


HEADER = ("| setup | sessions | reruns | wall s | reruns/s | p50 ms | p95 ms | errors | CPU s: "
          "replicas | client | HAProxy | PostgreSQL | load avg | reruns per replica-CPU-s |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|")
SHARES = ("| setup | replicas | client | HAProxy | PostgreSQL | other processes | idle | "
          "client CPU ms per rerun |\n|---|---:|---:|---:|---:|---:|---:|---:|")


def per_cpu(f: dict, meter: Meter, replicas: tuple[str, ...]) -> float:
    return float(f["runs"] / max(1e-9, sum(meter.used[r] for r in replicas)))


def row(label: str, n: int, f: dict, meter: Meter, replicas: tuple[str, ...]) -> str:
    cpu = " + ".join(f"{meter.used[r]:.1f}" for r in replicas)
    return (f"| {label} | {n} | {f['runs']} | {f['wall']:.2f} | {f['rps']:.1f} | "
            f"{f['p50']:.0f} | {f['p95']:.0f} | {f['errors']} | {cpu} | "
            f"{meter.used['client']:.1f} | {meter.used['haproxy']:.1f} | "
            f"{meter.used['postgres']:.1f} | {meter.load:.1f} | "
            f"{per_cpu(f, meter, replicas):.1f} |")


def share_row(label: str, f: dict, meter: Meter, replicas: tuple[str, ...]) -> str:
    """Where the machine's CPU went in this setup (percent of both cores over the phase)."""
    part = meter.shares()
    reps = " + ".join(f"{100 * part[r]:.0f}" for r in replicas)
    rest = " | ".join(f"{100 * part[k]:.0f} %" for k in
                      ("client", "haproxy", "postgres", "other processes", "idle"))
    return (f"| {label} | {reps} % | {rest} | "
            f"{1000 * meter.used['client'] / max(1, f['runs']):.2f} |")


def limit(meter: Meter, replicas: tuple[str, ...]) -> str:
    """The sentence that says what limited the two-replica setup, from its CPU shares."""
    part = meter.shares()
    busy = {k: v for k, v in part.items() if k not in replicas and k != "idle"}
    biggest = max(busy, key=busy.__getitem__)
    return (f"the two replicas had {100 * sum(part[r] for r in replicas):.0f} % of the machine "
            f"(2 cores = 100 %); the other processes on it took "
            f"{100 * sum(busy.values()):.0f} % (the most: {biggest}, "
            f"{100 * part[biggest]:.0f} %), and {100 * part['idle']:.0f} % stayed idle")


def postmaster(pg: PgServer) -> int:
    """PostgreSQL's postmaster pid (its backends are its children)."""
    return int((pg.root / "data" / "postmaster.pid").read_text().split()[0])


class Setup:
    """Fresh replicas on a fresh database, each warmed the same way, behind a fresh HAProxy.

    Why a database of its own: every walking session starts a stored session, and the store
    allows one client address `SESSION_CREATE.free` new sessions per window (F6/limiter.py);
    all the bench's sessions come from 127.0.0.1, so two setups on one database would have
    the second setup's later sessions refused their saves, doing less work than the first."""

    def __init__(self, replicas: int, env: dict[str, str], folder: Path, pg: PgServer) -> None:
        env = {**env, "VBESTUUR_DATABASE_URL": pg.url(pg.create_database())}
        self.names = tuple(f"app{i}" for i in range(1, replicas + 1))
        self.ports = [free_port() for _ in self.names]
        self.front = free_port()
        self.procs = [topology.replica(port, env, folder / f"{name}-{replicas}.log")
                      for name, port in zip(self.names, self.ports, strict=True)]
        self.pg = pg
        self.folder = folder

    def __enter__(self) -> Setup:
        for port in self.ports:
            topology.wait_ready(port)
        self.procs.append(topology.haproxy(self.front, self.ports, self.folder))
        topology.wait_ready(self.front)
        return self

    def __exit__(self, *exc: object) -> None:
        topology.stop(self.procs)

    def parts(self) -> dict[str, tuple[int, bool]]:
        apps = zip(self.names, self.procs[:len(self.names)], strict=True)
        found = {name: (proc.pid, False) for name, proc in apps}
        return {**found, "haproxy": (self.procs[-1].pid, True),
                "postgres": (postmaster(self.pg), True)}

    def measure(self, question: protocol.Question, sessions: int,
                reruns: int) -> tuple[dict, Meter]:
        """Warm every replica (first imports, first pages), then the crowd through HAProxy."""
        for port in self.ports:
            run(load(port, question, WARM_SESSIONS, reruns))
        with Meter(self.parts()) as meter:
            figures = run(load(self.front, question, sessions, reruns))
        return figures, meter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--reruns", type=int, default=4)
    parser.add_argument("--kill-sessions", type=int, default=40)
    args = parser.parse_args()
    question = protocol.first_question()
    started = 2 * WARM_SESSIONS + args.sessions
    if max(started, args.kill_sessions) > SESSION_CREATE.free:
        parser.error(f"{started} stored sessions from one address in one setup: more than "
                     f"the store allows ({SESSION_CREATE.free}); fewer --sessions")
    pg = start_server()
    with tempfile.TemporaryDirectory() as tmp:
        try:
            report(args, question, dict(os.environ), Path(tmp), pg)
        finally:
            pg.stop()


def report(args: argparse.Namespace, question: protocol.Question, env: dict[str, str],
           folder: Path, pg: PgServer) -> None:
    n, r = args.sessions, args.reruns
    print(f"Walking sessions: page load, home, door, answer, {r} reruns; closed loop, no think "
          "time, all sessions concurrent, through HAProxy in both setups (fresh replicas, "
          f"each warmed with {WARM_SESSIONS} sessions); PostgreSQL, the replicas, HAProxy and "
          f"the client on the same {os.cpu_count()} cores.\n", flush=True)
    with Setup(1, env, folder, pg) as single:
        one, alone = single.measure(question, n, r)
    with Setup(2, env, folder, pg) as double:
        two, both = double.measure(question, n, r)
        tables(n, (one, alone), (two, both))
    # The kill test on fresh replicas and a database of its own. Run right after a 200-session
    # crowd (2026-12-02), its sessions' answers were not found on either replica, even read
    # one by one (0 and 20 of 40 in two runs; 40/40 after a 120-session crowd): every bench
    # session comes from 127.0.0.1, and the store's per-address allowance for new sessions
    # (SESSION_CREATE) is the likely cause. The kill test measures failover, not that.
    with Setup(2, env, folder, pg) as failover:
        in_turn = both_serve(failover.front)
        back, answered, on_killed = run(kill_test(failover.front, question, failover.procs[0],
                                                  args.kill_sessions))
    print(f"kill test: {answered}/{args.kill_sessions} sessions answered the first question "
          f"({on_killed} on the killed replica app1, fresh replicas on a database of their own; "
          f"both in service after {in_turn:.1f} s); after SIGKILL of app1, {back}/{answered} "
          "resumed through HAProxy with their answers")


def both_serve(front: int) -> float:
    """Seconds until HAProxy hands out both replicas again after the crowd: a replica its
    checks took out under load needs `rise` good checks to come back (deploy/haproxy.cfg)."""
    started = time.perf_counter()
    seen: set[str] = set()
    while len(seen) < 2 and time.perf_counter() - started < 60:
        try:
            cookie = cookies_of(front)
        except OSError:  # 503 while no replica is in service
            time.sleep(0.5)
            continue
        seen |= {part.strip() for part in cookie.split(";") if part.strip().startswith("SRV=")}
    return time.perf_counter() - started


def tables(n: int, one_run: tuple[dict, Meter], two_run: tuple[dict, Meter]) -> None:
    (one, alone), (two, both) = one_run, two_run
    print(HEADER)
    print(row("1 replica via HAProxy", n, one, alone, ("app1",)))
    print(row("2 replicas via HAProxy", n, two, both, ("app1", "app2")))
    print("\nShare of the machine's CPU (both cores, over each setup's measured phase):\n")
    print(SHARES)
    print(share_row("1 replica", one, alone, ("app1",)))
    print(share_row("2 replicas", two, both, ("app1", "app2")))
    capacity = 2 * per_cpu(two, both, ("app1", "app2")) / per_cpu(one, alone, ("app1",))
    print(f"\nthroughput 2 replicas / 1 replica, wall clock on this machine: "
          f"{two['rps'] / one['rps']:.2f}x")
    print(f"2 replicas, CPU-bound capacity (a core each, client/HAProxy/PostgreSQL elsewhere): "
          f"{capacity:.2f}x one replica (2 x reruns per replica-CPU-second, 2 replicas vs 1)")
    print(f"what limits it: {limit(both, ('app1', 'app2'))}", flush=True)


if __name__ == "__main__":
    main()
