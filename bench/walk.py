"""A person walking the incident flow to its result, at the Streamlit protocol level.

Why a separate module: bench/result.py (reruns and load at the result page) and bench/scale.py
(replicas) drive the same walk. The answers are chosen so that the result is one of the
largest: in danger, threatened and stalked, a burgemeester with security (11 advice, the
checklist folded). Each answer is sent as the browser sends it: the widget's new value and a
click on "Volgende" in one rerun.
"""

from __future__ import annotations

import asyncio
import time
import urllib.request
from functools import cache

from streamlit.proto.BackMsg_pb2 import BackMsg
from websockets.asyncio.client import connect
from websockets.typing import Origin, Subprotocol

import app as protocol  # bench/app.py: the websocket protocol code

FLOW = "incident"
PLAN: tuple[tuple[str, str | tuple[str, ...]], ...] = (
    ("gevaar", "ja"), ("wat", ("bedreiging", "stalken")), ("rol", "burgemeester"),
    ("beveiliging", "ja"))
NEXT_KEY, RESULT_KEY = "ask:next", "result:review"
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
DONE = (*protocol.DONE, protocol.ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)


def cookies_of(port: int) -> str:
    """Load the page as a browser does; return the Cookie header it would send back."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={
        "Accept": "text/html", "Sec-Fetch-Dest": "document"})
    with NO_PROXY.open(request, timeout=60) as answer:
        jar = [value.split(";")[0] for key, value in answer.headers.items()
               if key.lower() == "set-cookie"]
    return "; ".join(jar)


@cache
def option_index(question: str, value: str) -> int:
    """Where `value` is among the question's options (the radio sends the option's label)."""
    node = protocol.Engine.load().flow(FLOW).node(question)
    assert isinstance(node, protocol.QuestionNode)
    return [o.value for o in node.options].index(value)


def key_of(question: str, value: str | None = None) -> str:
    base = f"ans:{FLOW}:{question}"
    return base if value is None else f"{base}:{value}"


class Walker(protocol.Session):
    """A bench/app.py session that carries cookies and answers questions."""

    @classmethod
    async def open_with(cls, port: int, cookie: str = "") -> Walker:
        headers = {"Cookie": cookie} if cookie else {}
        ws = await connect(f"ws://127.0.0.1:{port}/_stcore/stream",
                           subprotocols=[Subprotocol("streamlit")],
                           origin=Origin(f"http://127.0.0.1:{port}"), max_size=None, proxy=None,
                           additional_headers=headers, open_timeout=60)
        walker = cls(ws)
        walker.fragments, walker.folds = set(), {}
        return walker

    fragments: set[str]
    # the lazy expanders drawn (`key=..., on_change="rerun"`): id -> the fragment drawing it
    folds: dict[str, str]
    in_flight = 0  # requests of all walkers sent and not yet answered (bench/runqueue.py)

    def _back(self) -> BackMsg:
        back = BackMsg()
        back.rerun_script.query_string = self.query
        back.rerun_script.page_script_hash = self.page_hash
        return back

    async def answer(self, asked: protocol.Run, question: str,
                     value: str | tuple[str, ...]) -> protocol.Run:
        """Set the question's widget(s) to `value` and press "Volgende", in one rerun."""
        back = self._back()
        states = back.rerun_script.widget_states.widgets
        if isinstance(value, tuple):
            for one in value:
                states.add(id=asked.widget(key_of(question, one)) or "", bool_value=True)
        else:
            radio = next(e.radio for e in asked.elements if e.WhichOneof("type") == "radio"
                         and e.radio.id.endswith("-" + key_of(question)))
            states.add(id=radio.id, string_value=radio.options[option_index(question, value)])
        states.add(id=asked.widget(NEXT_KEY) or "", trigger_value=True)
        return await self.send(back)

    async def run(self, click: str | None = None) -> protocol.Run:
        """bench/app.py's rerun, through `send` (which also notes the fragments drawn)."""
        back = self._back()
        if click is not None:
            back.rerun_script.widget_states.widgets.add(id=click, trigger_value=True)
        return await self.send(back)

    async def follow(self, run: protocol.Run, url_path: str) -> protocol.Run:
        """Follow the page link to `url_path` that `run` drew, as a click on it does: a
        rerun of the page with that link's page hash."""
        links = [e.page_link for e in run.elements if e.WhichOneof("type") == "page_link"]
        found = next((link for link in links if link.page == url_path), None)
        if found is None:
            raise RuntimeError(f"no link to {url_path!r} on this page")
        self.page_hash = found.page_script_hash
        return await self.run()

    async def open_fold(self, key: str, is_open: bool = True) -> protocol.Run:
        """Open (or close) the lazy expander with this key, as a person's click does: one
        rerun, of the fragment that draws the fold if it is in one (as the browser asks)."""
        fold = next(i for i in self.folds if i.endswith("-" + key))
        back = self._back()
        back.rerun_script.widget_states.widgets.add(id=fold, bool_value=is_open)
        back.rerun_script.fragment_id = self.folds[fold]
        return await self.send(back)

    async def fragment_rerun(self, fragment: str) -> protocol.Run:
        """Rerun one fragment only, as the browser does when a widget inside it changes."""
        back = self._back()
        back.rerun_script.fragment_id = fragment
        return await self.send(back)

    async def send(self, back: BackMsg) -> protocol.Run:
        Walker.in_flight += 1
        try:
            return await self._send(back)
        finally:
            Walker.in_flight -= 1

    async def _send(self, back: BackMsg) -> protocol.Run:
        start = time.perf_counter()
        await self.ws.send(self.remember(back).SerializeToString())
        elements = []
        while True:
            msg = self.receive(await asyncio.wait_for(self.ws.recv(), 120))
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.fragment_id:
                self.fragments.add(msg.delta.fragment_id)
            if (kind == "delta" and msg.delta.WhichOneof("type") == "add_block"
                    and msg.delta.add_block.expandable.id):
                self.folds[msg.delta.add_block.expandable.id] = msg.delta.fragment_id
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                elements.append(msg.delta.new_element)
            elif kind == "navigation":
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "script_finished" and msg.script_finished in DONE:
                return protocol.Run(time.perf_counter() - start, elements)
            elif kind == "script_finished":
                elements = []

    async def to_result(self, think: float = 0.0) -> list[protocol.Run]:
        """Home, the incident door, every answer of PLAN: the runs, the last one the result."""
        runs = [await self.run()]
        door = runs[0].widget(protocol.DOOR_KEY)
        if door is None:
            raise RuntimeError(f"no button {protocol.DOOR_KEY!r} on the home page")
        await asyncio.sleep(think)
        runs.append(await self.run(click=door))
        for question, value in PLAN:  # a question not asked (the role: once per visit) is left
            first = key_of(question, value[0]) if isinstance(value, tuple) else key_of(question)
            if runs[-1].widget(first):
                await asyncio.sleep(think)
                runs.append(await self.answer(runs[-1], question, value))
        if not runs[-1].widget(RESULT_KEY):
            raise RuntimeError("the walk did not reach the result page")
        return runs
