"""Participants' phones at the Streamlit protocol level, for bench/workshop.py.

Why a module of its own: the workshop bench's figures and tables are one job, speaking the
browser's protocol to the participant's page is another. A `Phone` is bench/walk.py's `Walker`
that opens the QR code's join link, presses "Meedoen", runs the poll's refresh timer as the
browser does (an auto-rerun of the fragment that announced `auto_rerun`) and taps an answer (a
rerun of the fragment the radio is in, with the radio's new value). A `Round` holds a room of
phones: their refresh loops, serialised per phone as a browser tab's runs are, and the time
of every rerun.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable

from streamlit.proto.BackMsg_pb2 import BackMsg
from walk import DONE, Walker, cookies_of

import app as protocol
from vbestuur_app.links import MEEDOEN
from vbestuur_app.workshop.participant import CODE_WIDGET, REFRESH_SECONDS, vote_key

JOIN_KEY, YOURS = "ws-join", "Uw antwoord nu: "
Percentiles = dict[str, float]


class Phone(Walker):
    """A participant's browser tab: joins by the link, refreshes its poll, votes."""

    room_fragment = radio_fragment = ""
    lock: asyncio.Lock
    timers: set[str]

    async def open_link(self, code: str) -> protocol.Run:
        """The first run of the QR code's address, as the browser sends it."""
        self.lock, self.query, self.timers = asyncio.Lock(), f"code={code}", set()
        back = self._back()
        back.rerun_script.page_name = MEEDOEN
        return await self.send(back)

    async def join(self, page: protocol.Run, code: str) -> protocol.Run:
        """Type nothing (the code is filled in from the link) and press "Meedoen"."""
        back = self._back()
        states = back.rerun_script.widget_states.widgets
        states.add(id=page.widget(CODE_WIDGET) or "", string_value=code)
        states.add(id=page.widget(JOIN_KEY) or "", trigger_value=True)
        return self._note_room(await self.send(back))

    def _note_room(self, run: protocol.Run) -> protocol.Run:
        if not self.timers or not self.radio_fragment:
            raise RuntimeError("after joining: no poll with a refresh timer and a radio")
        self.room_fragment = sorted(self.timers)[0]
        return run

    async def _send(self, back: BackMsg) -> protocol.Run:
        """bench/walk.py's wait for the end of a run, also noting what a browser notes: the
        fragments with a refresh timer (`auto_rerun`) and the fragment the radio is in."""
        start, elements = time.perf_counter(), []
        await self.ws.send(back.SerializeToString())
        while True:
            msg = protocol.ForwardMsg.FromString(await asyncio.wait_for(self.ws.recv(), 120))
            kind = msg.WhichOneof("type")
            if kind == "auto_rerun":
                self.timers.add(msg.auto_rerun.fragment_id)
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                elements.append(msg.delta.new_element)
                if msg.delta.new_element.WhichOneof("type") == "radio":
                    self.radio_fragment = msg.delta.fragment_id
            elif kind == "navigation":
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "script_finished" and msg.script_finished in DONE:
                return protocol.Run(time.perf_counter() - start, elements)
            elif kind == "script_finished":
                elements = []

    async def refresh(self) -> protocol.Run:
        """The browser's `run_every` timer: an auto-rerun of the poll's fragment only."""
        back = self._back()
        back.rerun_script.fragment_id, back.rerun_script.is_auto_rerun = self.room_fragment, True
        return await self.send(back)

    async def vote(self, poll: protocol.Run, step: int, index: int) -> protocol.Run:
        """Tap option `index` of the step's radio: the fragment reruns with its new value."""
        key = vote_key(step, "geregeld")
        radio = next(e.radio for e in poll.elements if e.WhichOneof("type") == "radio"
                     and e.radio.id.endswith("-" + key))
        back = self._back()
        back.rerun_script.fragment_id = self.radio_fragment
        back.rerun_script.widget_states.widgets.add(id=radio.id,
                                                    string_value=radio.options[index])
        return await self.send(back)


async def new_phone(port: int, code: str) -> tuple[Phone, protocol.Run]:
    """A new device (its own cookie) that has joined the room: (phone, its poll page)."""
    phone = await Phone.open_with(port, await asyncio.to_thread(cookies_of, port))
    page = await phone.open_link(code)
    return phone, await phone.join(page, code)


class HelloTab(Phone):
    """hello-world's session in the same shape: its "refresh" and its "vote" are reruns."""

    async def refresh(self) -> protocol.Run:
        return await self.run()

    async def vote(self, poll: protocol.Run, step: int, index: int) -> protocol.Run:
        return await self.run()


class Round:
    """The 40 phones of one room: their refresh loops, the step they see, their reruns."""

    def __init__(self, phones: list[Phone], step: int, rng: random.Random) -> None:
        self.phones, self.step, self.rng = phones, step, rng
        self.latest = [protocol.Run(0.0, [])] * len(phones)
        self.seen = [asyncio.Event() for _ in phones]
        self.runs: list[float] = []  # every participant rerun while the round runs, ms
        self.redraws = 0  # refreshes that drew elements (the page: only when the room changed)
        self.stop = asyncio.Event()

    async def _timed(self, i: int, make: Callable[[], Awaitable[protocol.Run]],
                     clicked: float) -> protocol.Run:
        async with self.phones[i].lock:
            run = await make()
        self.runs.append(1000 * (time.perf_counter() - clicked))
        if run.widget(vote_key(self.step, "geregeld")):
            self.latest[i] = run
            self.seen[i].set()
        return run

    async def refreshing(self, i: int) -> None:
        """The phone's fragment timer: every REFRESH_SECONDS, starting at a random phase."""
        await asyncio.sleep(self.rng.uniform(0, REFRESH_SECONDS))
        while not self.stop.is_set():
            run = await self._timed(i, self.phones[i].refresh, time.perf_counter())
            self.redraws += bool(run.elements)
            await asyncio.sleep(REFRESH_SECONDS)

    async def voting(self, i: int, at: float, index: int) -> tuple[float, bool]:
        """Tap the answer at `at` s from now: (ms until drawn, the page shows the answer)."""
        await asyncio.sleep(at)
        clicked = time.perf_counter()
        phone = self.phones[i]
        run = await self._timed(i, lambda: phone.vote(self.latest[i], self.step, index),
                                clicked)
        return 1000 * (time.perf_counter() - clicked), run.shows(YOURS)


def percentiles(times: list[float]) -> Percentiles:
    ordered = sorted(times)
    pick = {q: ordered[int(q / 100 * (len(ordered) - 1))] if ordered else 0.0
            for q in (50, 95, 99)}
    return {"n": len(ordered), **{f"p{q}": value for q, value in pick.items()}}
