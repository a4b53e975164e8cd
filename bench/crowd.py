"""The crowd of make scale: N people, each on an address of their own, walk in through HAProxy
and then rerun their page in a closed loop; throughput is counted in a window of steady state.

Why a window and not the whole run: when N sessions start at once and each does a few runs,
the wall clock includes the ramp (page loads queueing) and the tail (the last sessions alone on
an idle machine), and those parts are a larger share the faster the setup is: two replicas
were measured 1.44x and 1.73x in two runs of the same code. Here every session first walks in
(page load, home, door, the first answer: its first save makes its stored session), and the
walk-in is timed on its own; then all N rerun their page for `warm` seconds unmeasured and
`window` seconds measured: the reruns that ended inside the window, per second. Every setup
reruns the same page with the same N sessions, so both do the same work per rerun.

Why an address per person: behind HAProxy the app takes the client from X-Forwarded-For (it
trusts 127.0.0.1, vbestuur_service/proxies.py), and HAProxy writes there the address it saw.
Each session connects from its own loopback address (127.0.1.x), as phones in a room each have
their own; the per-client allowance for new sessions then applies per person, not to the crowd.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass, field

from cpu import Meter
from lean import LeanSession, answer, page_cookies

import app as protocol  # bench/app.py: Run, Question, DOOR_KEY


def source(n: int) -> str:
    """The n-th person's own loopback address (127.0.1.2, 127.0.1.3, …; 250 per block)."""
    return f"127.0.{1 + n // 250}.{2 + n % 250}"


@dataclass
class Figures:
    """What one measured phase gave: runs ended in it, its length, their durations."""

    runs: int
    seconds: float
    times: list[float] = field(repr=False)
    errors: int = 0

    @property
    def rps(self) -> float:
        return self.runs / max(self.seconds, 1e-9)

    def percentile(self, share: float) -> float:
        ordered = sorted(self.times)
        return ordered[int(share * (len(ordered) - 1))] * 1000 if ordered else float("nan")

    @property
    def p50(self) -> float:
        return statistics.median(self.times) * 1000 if self.times else float("nan")


@dataclass
class Person:
    """One walked-in session and the cookies its browser keeps (for the kill test)."""

    session: LeanSession
    cookie: str
    answered: bool
    where: str  # the person's own address


async def walk_in(port: int, question: protocol.Question, n: int) -> tuple[Person, list[float]]:
    """Page load, home, door and the first answer; the person and the durations of the runs."""
    cookie = await page_cookies(port, source(n))
    session = await LeanSession.open(port, cookie, source=source(n))
    try:
        home = await session.run()
        door = home.widget(protocol.DOOR_KEY)
        asked = await session.run(click=door) if door else home
        if not asked.asks(question):
            raise RuntimeError(f"no question {question.key!r} after the door")
        answered = await answer(session, asked, question)
    except BaseException:
        await session.close()
        raise
    runs = [home.seconds, asked.seconds, answered.seconds]
    return Person(session, cookie, not answered.asks(question), source(n)), runs


class Crowd:
    """N people on one front (HAProxy's port): walked in once, rerun in rounds."""

    def __init__(self, port: int, question: protocol.Question, size: int, first: int = 0) -> None:
        self.port, self.question, self.size, self.first = port, question, size, first
        self.people: list[Person] = []

    async def walk_in(self) -> Figures:
        """Everyone walks in at once; the figures are of the whole walk-in (ramp and tail)."""
        started = time.perf_counter()
        done = await asyncio.gather(
            *(walk_in(self.port, self.question, self.first + n) for n in range(self.size)),
            return_exceptions=True)
        seconds = time.perf_counter() - started
        self.people = [person for person, _runs in (d for d in done if isinstance(d, tuple))]
        times = [t for d in done if isinstance(d, tuple) for t in d[1]]
        return Figures(len(times), seconds, times, sum(isinstance(d, BaseException) for d in done))

    async def round(self, warm: float, window: float, meter: Meter) -> Figures:
        """Every person reruns the page, closed loop; count the reruns ended in the window."""
        ended: list[tuple[float, float]] = []
        stop = [float("inf")]

        async def rerun(person: Person) -> None:
            while time.perf_counter() < stop[0]:
                ran = await person.session.run(keep=False)
                ended.append((time.perf_counter(), ran.seconds))

        tasks = [asyncio.create_task(rerun(p)) for p in self.people]
        await asyncio.sleep(warm)
        meter.__enter__()
        start = time.perf_counter()
        await asyncio.sleep(window)
        end = stop[0] = time.perf_counter()
        meter.__exit__()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        kept = [p for p, r in zip(self.people, results, strict=True)
                if not isinstance(r, BaseException)]
        lost, self.people = len(self.people) - len(kept), kept
        inside = [seconds for at, seconds in ended if start <= at <= end]
        return Figures(len(inside), end - start, inside, lost)

    async def close(self) -> None:
        await asyncio.gather(*(p.session.close() for p in self.people), return_exceptions=True)
        self.people = []
