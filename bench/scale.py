"""Scale-out bench: PostgreSQL, two app replicas and HAProxy on 127.0.0.1, in one run.

What it does (run: `make scale`, or `python bench/scale.py --sessions 200`):
1. starts a throw-away PostgreSQL (tests/store/pg_server.py), two `streamlit run app.py`
   replicas on it, and HAProxy with deploy/haproxy.cfg (addresses from the environment);
2. drives N walking sessions straight at ONE replica, then N through HAProxy (two replicas):
   each session loads the page (gets the session cookie and HAProxy's SRV cookie), opens the
   websocket with those cookies, draws home, clicks the incident door, answers the first
   question and reruns the next one R times; throughput = reruns per second, closed loop
   (no think time), all N concurrent; the ratio is two replicas over one in the same run;
3. kill test: K sessions through HAProxy answer the first question, replica app1 is killed
   (SIGKILL), and every session reconnects through HAProxy with its cookies; a session
   "resumed with its answers" when the door then leads past the first question (the answer
   was read back from PostgreSQL by the other replica).
The load client, HAProxy, PostgreSQL and both replicas share this machine's cores, which is
what limits the ratio: so each row also prints the CPU seconds every part used (bench/cpu.py,
from /proc) and the machine's load average. Reruns per replica-CPU-second is the capacity of
one replica's core, measured; "2 replicas, CPU-bound capacity" is that figure times the cores
the replicas could have (one each), against one replica's own figure: what two replicas give
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
from contextlib import suppress
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from websockets.asyncio.client import connect
from websockets.typing import Origin, Subprotocol

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH), str(ROOT / "tests" / "store")]
from cpu import Meter  # noqa: E402
from pg_server import PgServer, start_server  # noqa: E402
from pg_server import _free_port as free_port  # noqa: E402
from walk import NO_PROXY, cookies_of  # noqa: E402  one way to get a browser's cookie

import app as protocol  # noqa: E402  bench/app.py: the websocket protocol code

NEXT_KEY = "ask:next"


class Walker(protocol.Session):
    """A bench/app.py session that carries cookies (so HAProxy and the store know it)."""

    @classmethod
    async def open_with(cls, port: int, cookie: str) -> Walker:
        ws = await connect(f"ws://127.0.0.1:{port}/_stcore/stream",
                           subprotocols=[Subprotocol("streamlit")],
                           origin=Origin(f"http://127.0.0.1:{port}"), max_size=None, proxy=None,
                           additional_headers={"Cookie": cookie}, open_timeout=60)
        return cls(ws)

    async def answer(self, asked: protocol.Run, question: protocol.Question) -> protocol.Run:
        """Choose the first option of the question and press "Volgende"."""
        radio = next(e.radio for e in asked.elements if e.WhichOneof("type") == "radio"
                     and e.radio.id.endswith("-" + question.key))
        back = BackMsg()
        back.rerun_script.query_string = self.query
        back.rerun_script.page_script_hash = self.page_hash
        states = back.rerun_script.widget_states.widgets
        states.add(id=radio.id, string_value=radio.options[0])
        states.add(id=asked.widget(NEXT_KEY) or "", trigger_value=True)
        return await self._send(back)

    async def _send(self, back: BackMsg) -> protocol.Run:
        start = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        elements = []
        while True:
            msg = protocol.ForwardMsg.FromString(await asyncio.wait_for(self.ws.recv(), 60))
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                elements.append(msg.delta.new_element)
            elif kind == "script_finished" and msg.script_finished in protocol.DONE:
                return protocol.Run(time.perf_counter() - start, elements)
            elif kind == "script_finished":
                elements = []


async def walk(port: int, question: protocol.Question, reruns: int) -> list[float]:
    """One walking session; the durations of its reruns."""
    walker = await Walker.open_with(port, await asyncio.to_thread(cookies_of, port))
    try:
        asked = await walker.to_question(question)
        times = [asked.seconds, (await walker.answer(asked, question)).seconds]
        for _ in range(reruns):
            times.append((await walker.run()).seconds)
        return times
    finally:
        await walker.ws.close()


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
    walker = await Walker.open_with(port, cookie)
    try:
        asked = await walker.to_question(question)
        after = await walker.answer(asked, question)
        return cookie, not after.asks(question)
    finally:
        await walker.ws.close()


async def resumed(port: int, cookie: str, question: protocol.Question) -> bool:
    """Reconnect with the same cookies; the door leads past the answered first question."""
    for _attempt in range(20):
        try:
            walker = await Walker.open_with(port, cookie)
        except (OSError, Exception):  # noqa: BLE001  HAProxy may still be failing over
            await asyncio.sleep(0.5)
            continue
        try:
            home = await walker.run()
            door = home.widget(protocol.DOOR_KEY)
            run = await walker.run(click=door) if door else home
            return not run.asks(question) and bool(run.elements)
        finally:
            await walker.ws.close()
    return False


async def kill_test(front: int, question: protocol.Question, replica: subprocess.Popen,
                    sessions: int) -> tuple[int, int, int]:
    kept = await asyncio.gather(*(prepared(front, question) for _ in range(sessions)))
    on_killed = sum(1 for cookie, _ in kept if "SRV=app1" in cookie)
    replica.send_signal(signal.SIGKILL)
    replica.wait()
    back = await asyncio.gather(*(resumed(front, cookie, question) for cookie, ok in kept if ok))
    return sum(back), sum(1 for _, ok in kept if ok), on_killed


def replica(port: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.address",
         "127.0.0.1", "--server.port", str(port)], cwd=ROOT, env=env,
        stdout=log.open("wb"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def wait_ready(port: int, path: str = "/readyz") -> None:
    for _ in range(600):
        with suppress(OSError), NO_PROXY.open(f"http://127.0.0.1:{port}{path}", timeout=5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"127.0.0.1:{port}{path} never became ready")


HEADER = ("| setup | sessions | reruns | wall s | reruns/s | p50 ms | p95 ms | errors | CPU s: "
          "replicas | client | HAProxy | PostgreSQL | load avg | reruns per replica-CPU-s |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|")


def per_cpu(f: dict, meter: Meter, replicas: tuple[str, ...]) -> float:
    return float(f["runs"] / max(1e-9, sum(meter.used[r] for r in replicas)))


def row(label: str, n: int, f: dict, meter: Meter, replicas: tuple[str, ...]) -> str:
    cpu = " + ".join(f"{meter.used[r]:.1f}" for r in replicas)
    return (f"| {label} | {n} | {f['runs']} | {f['wall']:.2f} | {f['rps']:.1f} | "
            f"{f['p50']:.0f} | {f['p95']:.0f} | {f['errors']} | {cpu} | "
            f"{meter.used['client']:.1f} | {meter.used['haproxy']:.1f} | "
            f"{meter.used['postgres']:.1f} | {meter.load:.1f} | "
            f"{per_cpu(f, meter, replicas):.1f} |")


def postmaster(pg: PgServer) -> int:
    """PostgreSQL's postmaster pid (its backends are its children)."""
    return int((pg.root / "data" / "postmaster.pid").read_text().split()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--reruns", type=int, default=4)
    parser.add_argument("--kill-sessions", type=int, default=40)
    args = parser.parse_args()
    question = protocol.first_question()
    pg = start_server()
    procs: list[subprocess.Popen] = []
    with tempfile.TemporaryDirectory() as tmp:
        try:
            env = {**os.environ, "VBESTUUR_DATABASE_URL": pg.url(pg.create_database())}
            ports = [free_port() for _ in range(3)]
            procs += [replica(p, env, Path(tmp) / f"app{i}.log") for i, p in
                      enumerate(ports[:2], 1)]
            for p in ports[:2]:
                wait_ready(p)
            hp_env = {**os.environ, "VB_FRONT": f"127.0.0.1:{ports[2]}",
                      "VB_APP1": f"127.0.0.1:{ports[0]}", "VB_APP2": f"127.0.0.1:{ports[1]}"}
            procs.append(subprocess.Popen(["haproxy", "-f", str(ROOT / "deploy/haproxy.cfg")],
                                          env=hp_env, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL))
            wait_ready(ports[2])
            parts = {"app1": (procs[0].pid, False), "app2": (procs[1].pid, False),
                     "haproxy": (procs[2].pid, False), "postgres": (postmaster(pg), True)}
            report(args, question, ports, procs[0], parts)
        finally:
            for proc in reversed(procs):
                if proc.poll() is None:
                    proc.terminate()
                    with suppress(subprocess.TimeoutExpired):
                        proc.wait(timeout=20)
            pg.stop()


def report(args: argparse.Namespace, question: protocol.Question, ports: list[int],
           app1: subprocess.Popen, parts: dict[str, tuple[int, bool]]) -> None:
    n, r = args.sessions, args.reruns
    print(f"Walking sessions: page load, home, door, answer, {r} reruns; closed loop, no think "
          "time, all sessions concurrent; PostgreSQL, both replicas, HAProxy and the client "
          f"on the same {os.cpu_count()} cores.")
    for port in ports[:2]:  # warm both replicas (first imports, first page) before timing
        asyncio.run(load(port, question, 2, 1))
    with Meter(parts) as alone:
        one = asyncio.run(load(ports[0], question, n, r))
    with Meter(parts) as both:
        two = asyncio.run(load(ports[2], question, n, r))
    print(HEADER)
    print(row("1 replica, direct", n, one, alone, ("app1",)))
    print(row("2 replicas via HAProxy", n, two, both, ("app1", "app2")))
    capacity = 2 * per_cpu(two, both, ("app1", "app2")) / per_cpu(one, alone, ("app1",))
    print(f"\nthroughput 2 replicas / 1 replica, wall clock on this machine: "
          f"{two['rps'] / one['rps']:.2f}x")
    print(f"2 replicas, CPU-bound capacity (a core each, client/HAProxy/PostgreSQL elsewhere): "
          f"{capacity:.2f}x one replica (2 x reruns per replica-CPU-second, 2 replicas vs 1)")
    back, answered, on_killed = asyncio.run(kill_test(ports[2], question, app1,
                                                      args.kill_sessions))
    print(f"kill test: {answered}/{args.kill_sessions} sessions answered the first question "
          f"({on_killed} on the killed replica app1); after SIGKILL of app1, {back}/{answered} "
          "resumed through HAProxy with their answers")


if __name__ == "__main__":
    main()
