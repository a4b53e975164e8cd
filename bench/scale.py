"""Scale-out bench: PostgreSQL, one and two app replicas behind HAProxy on 127.0.0.1, one run.

What it does (run: `make scale`, or `python bench/scale.py --sessions 200`):
1. starts a throw-away PostgreSQL (tests/store/pg_server.py) and both setups side by side, each
   on its own database: one replica behind HAProxy with deploy/haproxy.cfg without its second
   `server` line, and two replicas behind the same file (bench/topology.py), so both take the
   same path; every replica is warmed with the same 10 sessions;
2. N people walk in through each setup's HAProxy (bench/crowd.py: page load, home, door, the
   first answer; each from its own loopback address, which HAProxy passes on in
   X-Forwarded-For), timed as a whole; then, in R rounds that alternate between the setups,
   all N rerun their page in a closed loop (no think time) and the reruns ended in a window of
   steady state are counted; the ratio is the median reruns/s of two replicas over one;
3. kill test, right after the crowd on the two-replica setup, as a real failover happens:
   K more people answer the first question, replica app1 is killed (SIGKILL) while everyone
   is connected, and each person of the K, and each of the crowd who was on app1, reconnects
   through HAProxy with their cookies; "resumed with their answers" means the door then leads
   past the first question (the answer read back from PostgreSQL by the other replica).
The load client, HAProxy, PostgreSQL and the replicas share this machine's cores, so every
phase prints each part's CPU (bench/cpu.py, from /proc), the other processes, idle, and the
load average. The client is bench/lean.py (sans-I/O websockets on uvloop). "CPU-bound capacity"
is reruns per replica-CPU-second times the replicas against one replica's own: what two
replicas give when the client, HAProxy and PostgreSQL run elsewhere. A bench, not a test: it
prints tables and asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

import uvloop

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "tests" / "store")]
import scale_tables as tables  # noqa: E402
import topology  # noqa: E402
from cpu import Meter, load_average  # noqa: E402
from crowd import Crowd, Person  # noqa: E402
from lean import LeanSession, page_cookies  # noqa: E402
from pg_server import PgServer, start_server  # noqa: E402

import app as protocol  # noqa: E402  bench/app.py: Run, Question, first_question

WARM_SESSIONS = 10  # per replica, straight to it, before anything is measured


def postmaster(pg: PgServer) -> int:
    """PostgreSQL's postmaster pid (its backends are its children)."""
    return int((pg.root / "data" / "postmaster.pid").read_text().split()[0])


class Setup:
    """Fresh replicas on a fresh database, behind a fresh HAProxy (deploy/haproxy.cfg)."""

    def __init__(self, replicas: int, env: dict[str, str], folder: Path, pg: PgServer) -> None:
        env = {**env, "VBESTUUR_DATABASE_URL": pg.url(pg.create_database())}
        self.names = tuple(f"app{i}" for i in range(1, replicas + 1))
        self.ports = [topology.free_port() for _ in self.names]
        self.front = topology.free_port()
        self.procs = [topology.replica(port, env, folder / f"{name}-{replicas}.log")
                      for name, port in zip(self.names, self.ports, strict=True)]
        self.pg, self.folder = pg, folder

    def __enter__(self) -> Setup:
        for port in self.ports:
            topology.wait_ready(port)
        self.procs.append(topology.haproxy(self.front, self.ports, self.folder))
        topology.wait_ready(self.front)
        return self

    def __exit__(self, *exc: object) -> None:
        topology.stop(self.procs)

    def meter(self) -> Meter:
        apps = zip(self.names, self.procs[:len(self.names)], strict=True)
        return Meter({**{name: (proc.pid, False) for name, proc in apps},
                      "haproxy": (self.procs[-1].pid, True),
                      "postgres": (postmaster(self.pg), True)})

    async def warm(self, question: protocol.Question, first: int) -> None:
        """First imports and first pages of every replica, straight to it."""
        for n, port in enumerate(self.ports):
            crowd = Crowd(port, question, WARM_SESSIONS, first + n * WARM_SESSIONS)
            await crowd.walk_in()
            await crowd.close()


async def resumed(port: int, person: Person, question: protocol.Question) -> bool:
    """Reconnect with the same cookies; the door leads past the answered first question."""
    for _attempt in range(20):
        try:
            session = await LeanSession.open(port, person.cookie, source=person.where)
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


async def both_serve(front: int) -> float:
    """Seconds until HAProxy hands out both replicas (a replica its checks took out under load
    needs `rise` good checks to come back, deploy/haproxy.cfg)."""
    started, seen = time.perf_counter(), set()
    while len(seen) < 2 and time.perf_counter() - started < 60:
        try:
            cookie = await page_cookies(front)
        except (OSError, RuntimeError):  # 503 while no replica is in service
            await asyncio.sleep(0.5)
            continue
        seen |= {part.strip() for part in cookie.split(";") if part.strip().startswith("SRV=")}
    return time.perf_counter() - started


async def kill_test(setup: Setup, question: protocol.Question, crowd: Crowd, size: int) -> str:
    in_turn = await both_serve(setup.front)
    first = crowd.first + crowd.size
    newcomers = Crowd(setup.front, question, size, first)
    await newcomers.walk_in()
    new = [p for p in newcomers.people if p.answered]
    cut = [p for p in crowd.people if p.answered and "SRV=app1" in p.cookie]
    on_killed = sum("SRV=app1" in p.cookie for p in new)
    setup.procs[0].send_signal(signal.SIGKILL)
    setup.procs[0].wait()
    back = await asyncio.gather(*(resumed(setup.front, p, question) for p in new + cut))
    connected = len(crowd.people)
    await asyncio.gather(newcomers.close(), crowd.close())
    return (f"kill test, right after the crowd (both replicas in service after {in_turn:.1f} "
            f"s): {len(new)}/{size} more people answered the first question ({on_killed} on "
            f"app1), with the {connected} of the crowd still connected; after SIGKILL "
            f"of app1, {sum(back[:len(new)])}/{len(new)} of them and "
            f"{sum(back[len(new):])}/{len(cut)} of the crowd's people who were on app1 "
            "resumed through HAProxy with their answers")


async def measure(args: argparse.Namespace, question: protocol.Question,
                  single: Setup, double: Setup) -> None:
    await single.warm(question, 2000)
    await double.warm(question, 2100)
    one, two = Crowd(single.front, question, args.sessions), Crowd(double.front, question,
                                                                   args.sessions)
    print(tables.ROW_HEAD)
    for label, crowd, setup, names in (("1 replica", one, single, tables.ONE),
                                       ("2 replicas", two, double, tables.TWO)):
        with setup.meter() as meter:
            figures = await crowd.walk_in()
        print(tables.row(label, "walk-in", figures, meter, names), flush=True)
    rounds: dict[str, list[tables.Measured]] = {"1 replica": [], "2 replicas": []}
    setups = [("1 replica", one, single, tables.ONE), ("2 replicas", two, double, tables.TWO)]
    for k in range(1, args.rounds + 1):
        # 1, 2 then 2, 1: a load that grows or fades on the shared machine falls on both alike
        for label, crowd, setup, names in setups if k % 2 else setups[::-1]:
            meter = setup.meter()
            figures = await crowd.round(args.warm, args.window, meter)
            rounds[label].append((figures, meter))
            print(tables.row(label, f"round {k}", figures, meter, names), flush=True)
    tables.summary(rounds["1 replica"], rounds["2 replicas"])
    await one.close()
    print(await kill_test(double, question, two, args.kill_sessions), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--warm", type=float, default=3.0, help="seconds before each window")
    parser.add_argument("--window", type=float, default=6.0, help="measured seconds per round")
    parser.add_argument("--kill-sessions", type=int, default=40)
    args = parser.parse_args()
    question = protocol.first_question()
    print(f"N = {args.sessions} people per setup, each on an address of their own, walk in "
          f"(page load, home, door, the first answer), then rerun their page in a closed loop "
          f"(no think time): {args.rounds} rounds alternating between the setups, each "
          f"{args.warm:.0f} s unmeasured and {args.window:.0f} s measured. Both setups through "
          f"HAProxy, each on its own fresh replicas and database, each replica warmed with "
          f"{WARM_SESSIONS} sessions; PostgreSQL, the replicas, HAProxy and the client on the "
          f"same {os.cpu_count()} cores. Load average at the start: {load_average():.1f}.\n",
          flush=True)
    pg = start_server()
    with tempfile.TemporaryDirectory() as tmp:
        folder, env = Path(tmp), dict(os.environ)
        try:
            with Setup(1, env, folder, pg) as single, Setup(2, env, folder, pg) as double:
                uvloop.run(measure(args, question, single, double))
        finally:
            pg.stop()


if __name__ == "__main__":
    main()
