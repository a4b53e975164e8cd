"""A workshop round on one process: 40 phones join, the facilitator opens a step, all vote.

What it prints (run: `python bench/workshop.py`, also in `make bench`), hello-world and the app
started in this run with the project's settings (bench/app.py `Server`), the app on a SQLite
database in a temporary folder that this bench also opens through the service layer:
1. one participant alone, server CPU ms per rerun (from /proc, robust on shared cores) of every
   page a participant sees (the join page, the poll page, the poll's 3-second refresh and a
   vote), each against hello-world's rerun; target <= 2x;
2. the round: a workshop is created through `vbestuur_service.workshop` (as the facilitator's
   page does), 40 participant sessions load the join link (`/meedoen?code=...`, with the page's
   session cookie) and press "Meedoen"; each phone then refreshes its poll every 3 s as the
   browser's fragment timer does (`run_every`, an auto-rerun of the fragment, random phase);
   the facilitator opens the next step (`ws.move`); once every phone shows it, all 40 vote
   within one second (click moments uniform over 1 s; a phone's vote waits for its own refresh
   in flight, as in a browser). p50/p95/p99 of the votes (from the click until the page shows
   "Uw antwoord nu") and of every participant rerun of the round, the server CPU per
   participant rerun against hello-world's, and whether all 40 votes were counted (read back
   through the service: respondents, then the revealed counts against what was sent).
   The round's figures run from the first tap until one refresh period after the last; it
   also counts the refreshes in that time that drew elements (the page redraws itself only
   when the room changed, not for an answer given on it).
hello-world gets the same 40 sessions, the same 3 s refresh and one rerun each in one second.
The phones' protocol is in bench/phones.py; bench/profile_workshop.py profiles one kind of
rerun; with `--probe` the app runs under bench/crowd_probe.py and the bench also prints where
the round's time went inside the server (GC pauses, event loop lag, store transactions). A
bench, not a test: it prints tables and asserts nothing about timing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from cpu import cpu_seconds, load_average  # noqa: E402
from crowd_profile import HEAD, RULE, ProbedServer, server_rows, store_rows  # noqa: E402
from phones import HelloTab, Phone, Round, new_phone, percentiles  # noqa: E402
from walk import cookies_of  # noqa: E402

import app as protocol  # noqa: E402
from vbestuur_app.workshop.participant import REFRESH_SECONDS  # noqa: E402
from vbestuur_app.workshop.prompts import poll_vocabulary  # noqa: E402
from vbestuur_service import workshop as ws  # noqa: E402
from vbestuur_service.runtime import Runtime  # noqa: E402
from vbestuur_service.settings import Settings  # noqa: E402

PIN = "bench-zaal-2026"


async def cpu_per_run(pid: int, count: int,
                      run: Callable[[int], Awaitable[protocol.Run]]) -> tuple[float, int]:
    """(server CPU ms per call of `run` after 3 warm-ups, elements the last call drew)."""
    for i in range(3):
        await run(i)
    cpu = cpu_seconds(pid)
    for i in range(count):
        last = await run(i)
    return 1000 * (cpu_seconds(pid) - cpu) / count, len(last.elements)


async def alone(server: protocol.Server, code: str, step: int,
                count: int) -> dict[str, tuple[float, int]]:
    """One participant: CPU per rerun of each page it sees (the vote alternates answers)."""
    phone, poll = await new_phone(server.port, code)
    link = await Phone.open_with(server.port, await asyncio.to_thread(cookies_of, server.port))
    try:
        await link.open_link(code)
        pid = server.proc.pid
        return {"join page": await cpu_per_run(pid, count, lambda _i: link.run()),
                "poll page (whole page)": await cpu_per_run(pid, count, lambda _i: phone.run()),
                "poll refresh (fragment, every 3 s)": await cpu_per_run(
                    pid, count, lambda _i: phone.refresh()),
                "vote (fragment)": await cpu_per_run(
                    pid, count, lambda i: phone.vote(poll, step, i % 2))}
    finally:
        await phone.ws.close()
        await link.ws.close()


async def vote_all(room: Round, pid: int, window: float,
                   chosen: list[int]) -> dict[str, Any]:
    """Everybody taps an answer within `window` s; then one more refresh period. The server
    CPU per rerun and the refreshes that drew elements are counted from the first tap on."""
    cpu, runs, redraws = cpu_seconds(pid), len(room.runs), room.redraws
    since = time.time()  # the probe's samples of the round (--probe) start here
    votes = await asyncio.gather(*(room.voting(i, room.rng.uniform(0, window), c)
                                   for i, c in enumerate(chosen)))
    await asyncio.sleep(REFRESH_SECONDS)
    room.stop.set()
    cpu_ms = 1000 * (cpu_seconds(pid) - cpu) / (len(room.runs) - runs)
    for phone in room.phones:
        await phone.ws.close()
    return {"votes": percentiles([v for v, _ in votes]), "runs": percentiles(room.runs[runs:]),
            "drawn": sum(ok for _, ok in votes), "cpu": cpu_ms,
            "redraws": room.redraws - redraws, "load": load_average(), "since": since}


async def the_round(server: protocol.Server, rt: Runtime, code: str, args: argparse.Namespace,
                    steps: tuple[int, int]) -> dict[str, Any]:
    """Join, refresh, the facilitator opens `steps[1]`, everybody votes within one second."""
    started = time.perf_counter()
    joined = await asyncio.gather(*(new_phone(server.port, code) for _ in range(args.phones)))
    join_wall = time.perf_counter() - started
    room = Round([p for p, _ in joined], steps[1], random.Random(15))
    loops = [asyncio.create_task(room.refreshing(i)) for i in range(args.phones)]
    await asyncio.sleep(REFRESH_SECONDS)
    moved = time.perf_counter()
    await asyncio.to_thread(ws.move, rt, code, PIN, steps[1])
    await asyncio.wait_for(asyncio.gather(*(e.wait() for e in room.seen)), 60)
    shown = time.perf_counter() - moved
    chosen = [room.rng.randrange(4) for _ in range(args.phones)]
    figures = await vote_all(room, server.proc.pid, args.window, chosen)
    await asyncio.gather(*loops)
    return {**figures, "join_wall": join_wall, "shown": shown, "chosen": chosen}


async def hello_round(server: protocol.Server, args: argparse.Namespace) -> dict[str, Any]:
    """hello-world's room: the same sessions, a rerun every 3 s, one more each in one second."""
    tabs = [await HelloTab.open_with(server.port) for _ in range(args.phones)]
    for tab in tabs:
        tab.lock = asyncio.Lock()
        await tab.run()
    room = Round(list(tabs), 0, random.Random(15))
    loops = [asyncio.create_task(room.refreshing(i)) for i in range(args.phones)]
    await asyncio.sleep(REFRESH_SECONDS)
    figures = await vote_all(room, server.proc.pid, args.window, [0] * args.phones)
    await asyncio.gather(*loops)
    return figures


def solo_table(hello: tuple[float, int], solo: dict[str, tuple[float, int]], count: int) -> str:
    rows = [f"| one participant, server CPU ms per rerun (N={count}) | elements | app | "
            f"hello-world ({hello[1]} element) | ratio | target |",
            "|---|---:|---:|---:|---:|---:|"]
    for label, (cpu, elements) in solo.items():
        rows.append(f"| {label} | {elements} | {cpu:.1f} | {hello[0]:.1f} | "
                    f"{cpu / hello[0]:.2f} × hello-world | ≤ 2.0 |")
    return "\n".join(rows)


def round_table(hello: dict[str, Any], app: dict[str, Any], phones: int) -> str:
    """From the first tap until one refresh period after the last: the votes, every rerun."""
    rows = ["| the round, from the first tap, one process | reruns | p50 ms | p95 ms | p99 ms | "
            "server CPU ms per rerun | target |", "|---|---:|---:|---:|---:|---:|---:|"]
    ratio = f"{app['cpu']:.1f} = {app['cpu'] / hello['cpu']:.2f} × hello-world"
    for label, f, cpu, target in (
            (f"app: the {phones} votes (tap until drawn)", app["votes"], "", "p95 < 300 ms"),
            ("app: every participant rerun (votes and refreshes)", app["runs"], ratio, "≤ 2.0 ×"),
            (f"hello-world: {phones} reruns in the same second", hello["votes"], "", ""),
            ("hello-world: every rerun", hello["runs"], f"{hello['cpu']:.1f}", "")):
        rows.append(f"| {label} | {f['n']} | {f['p50']:.0f} | {f['p95']:.0f} | {f['p99']:.0f} "
                    f"| {cpu} | {target} |")
    return "\n".join(rows)


def counted(rt: Runtime, code: str, step: int, chosen: list[int]) -> str:
    """Read the votes back through the service: how many answered, then the revealed counts
    against what the phones sent."""
    engine = rt.loaded.engine
    assert engine is not None, "the content does not load"
    polls = poll_vocabulary(engine)
    respondents = ws.results(rt, code, step, polls).result.geregeld.respondents
    shown = ws.reveal(rt, code, PIN, polls).geregeld.counts or {}
    sent = Counter(polls.geregeld[c] for c in chosen)
    same = all(shown.get(v, 0) == sent[v] for v in polls.geregeld)
    return (f"votes counted (read back through vbestuur_service.workshop): {respondents} of "
            f"{len(chosen)} answered; revealed counts equal to what the phones sent: "
            f"{'yes' if same else 'NO'} ({dict(shown)})")


async def app_bench(server: protocol.Server, rt: Runtime,
                    args: argparse.Namespace) -> tuple[dict[str, Any], dict[str, Any], str]:
    """The solo figures on one workshop, the round on a second one."""
    steps = (1, 2)
    solo_room = ws.create(rt, PIN, steps, k=5).code
    solo = await alone(server, solo_room, steps[0], args.reruns)
    code = ws.create(rt, PIN, steps, k=5).code
    figures = await the_round(server, rt, code, args, steps)
    return solo, figures, counted(rt, code, steps[1], figures["chosen"])


async def hello_bench(server: protocol.Server, args: argparse.Namespace
                      ) -> tuple[tuple[float, int], dict[str, Any]]:
    session = await protocol.Session.open(server.port)
    try:
        solo = await cpu_per_run(server.proc.pid, args.reruns, lambda _i: session.run())
    finally:
        await session.ws.close()
    return solo, await hello_round(server, args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=40)
    parser.add_argument("--window", type=float, default=1.0, help="s in which all vote")
    parser.add_argument("--reruns", type=int, default=100, help="reruns per solo figure")
    parser.add_argument("--probe", action="store_true",
                        help="start the app under bench/crowd_probe.py and print where the "
                             "round's time went in the server (GC, event loop, store)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vbestuur-bench-") as folder:
        hello = Path(folder) / "hello.py"
        hello.write_text(protocol.SCRIPTS["hello"], encoding="utf-8")
        os.environ.pop("VBESTUUR_DATABASE_URL", None)
        os.environ["VBESTUUR_DATA_DIR"] = str(Path(folder) / "data")
        with protocol.Server(hello) as server:
            hello_solo, hello_room = asyncio.run(hello_bench(server, args))
        rt = Runtime(Settings.from_env())
        with app_server(Path(folder), args.probe) as server:
            solo, room, votes = asyncio.run(app_bench(server, rt, args))
            inside = probed(server, room["since"]) if args.probe else ""
    print(solo_table(hello_solo, solo, args.reruns) + "\n")
    print(f"The round: {args.phones} phones joined in {room['join_wall']:.1f} s (all at once); "
          f"each refreshes its poll every {REFRESH_SECONDS} s; {room['shown']:.1f} s after the "
          f"facilitator opened the step every phone showed it; then all voted within "
          f"{args.window:g} s: {room['drawn']} of {args.phones} pages showed their answer, "
          f"{room['redraws']} refreshes after the first tap drew elements (the page's "
          f"refresh draws nothing unless the room changed). Load average at the end: "
          f"hello-world's round {hello_room['load']:.1f}, the app's {room['load']:.1f} (2 cores)."
          "\n")
    print(round_table(hello_room, room, args.phones) + "\n")
    print(votes)
    if inside:
        print("\nIn the server during the round (bench/crowd_probe.py), from the first tap:\n")
        print(inside)


def app_server(folder: Path, probe: bool) -> protocol.Server:
    """The app's server: as `make bench` starts it, or with crowd_probe.py's probes inside."""
    if not probe:
        return protocol.Server(protocol.ROOT / "app.py")
    return ProbedServer(protocol.ROOT / "app.py", folder / "probe.json",
                        {"VBESTUUR_PROBE_TRY": os.environ.get("VBESTUUR_PROBE_TRY", "")})


def probed(server: protocol.Server, since: float) -> str:
    assert isinstance(server, ProbedServer)
    samples = server.probes()["samples"]
    return "\n".join([f"| in the server {HEAD}", RULE, *server_rows(samples, since),
                      *store_rows(samples, since)])


if __name__ == "__main__":
    main()
