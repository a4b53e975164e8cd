"""Benchmark of the Streamlit app at the protocol level (run: .venv/bin/python bench/app.py).

Why a websocket client and not a browser: it measures the server alone, and one process can hold
a hundred sessions. It speaks the browser's protocol (Streamlit's bundled protobuf messages on
ws://127.0.0.1:PORT/_stcore/stream, subprotocol "streamlit", same-origin Origin; streamlit-notes
§8) to three servers started in one run with the same settings (cwd = the project, so all read
.streamlit/config.toml; free 127.0.0.1 ports): an empty script, hello-world and the real app.py.
- rerun: the app at its first incident question (reached by clicking the home page's door, whose
  widget id is found by its key in the deltas) versus the empty script; median of N reruns.
- cold start (bench/cold.py, its own table): spawn to the first question drawn versus spawn to
  hello-world's text drawn, in time and server CPU; after a restart and after a change.
- memory: server RSS (VmRSS from /proc) with 100 more sessions open, each at the question.
A bench, not a test: it prints a Markdown table and asserts nothing about timing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Origin, Subprotocol

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
from cpu import cpu_seconds  # noqa: E402  bench/cpu.py: a process's CPU seconds from /proc

from vbestuur_app.state import widget_key  # noqa: E402
from vbestuur_engine import Engine  # noqa: E402
from vbestuur_engine.schema import QuestionNode  # noqa: E402

DOOR_KEY, HELLO = "door:incident", "Hello world"
SCRIPTS = {"empty": "", "hello": f'import streamlit as st\n\nst.write("{HELLO}")\n'}
DONE = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR)
RUN_TIMEOUT, START_TIMEOUT, SERVERS = 60.0, 60.0, ("empty", "hello", "app")
Figures = dict[str, float]


@dataclass
class Run:
    """What one script run sent back: its duration and the elements it drew."""

    seconds: float
    elements: list[Element]

    def shows(self, text: str) -> bool:
        """Some string of some element holds `text` (Markdown escapes of the app removed)."""
        return any(text in s.replace("\\", "") for e in self.elements for s in _strings(e))

    def widget(self, key: str) -> str | None:
        """The id of the widget with this user key (Streamlit appends the key to the id)."""
        ids = (getattr(getattr(e, e.WhichOneof("type") or ""), "id", "") for e in self.elements)
        return next((i for i in ids if isinstance(i, str) and i.endswith("-" + key)), None)

    def asks(self, question: Question) -> bool:
        """The question's own widget is drawn (its text alone is also in the 112 notice)."""
        keys = [question.key, *(f"{question.key}:{v}" for v in question.values)]
        return any(self.widget(k) for k in keys) and self.shows(question.text)


class Question(NamedTuple):
    """The first incident question: its widget key, option values and Dutch text."""

    key: str
    values: tuple[str, ...]
    text: str


def _strings(message: Any) -> Iterator[str]:
    for field, value in message.ListFields():
        for item in value if field.is_repeated else [value]:
            if isinstance(item, str):
                yield item
            elif hasattr(item, "ListFields"):
                yield from _strings(item)


class Session:
    """One browser tab, as far as the server can tell: a websocket and its client state."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws, self.page_hash, self.query = ws, "", ""
        self.cache: dict[str, ForwardMsg] = {}

    def remember(self, back: BackMsg) -> BackMsg:
        """Tell the server which large messages this tab holds, as the browser does on every
        rerun (its ForwardMsgCache; `cachedMessageHashes` in the rerun request of Streamlit's
        frontend): the server then sends a reference instead of an unchanged large element."""
        back.rerun_script.cached_message_hashes.extend(self.cache)
        return back

    def receive(self, raw: bytes) -> ForwardMsg:
        """A message as the browser reads it: a reference is replaced by the cached message
        it names; a cacheable message is kept under its hash."""
        msg = ForwardMsg.FromString(raw)
        if msg.WhichOneof("type") == "ref_hash":
            cached = self.cache.get(msg.ref_hash)
            if cached is None:
                raise RuntimeError(f"the server referred to a message never sent: {msg.ref_hash}")
            found = ForwardMsg()
            found.CopyFrom(cached)
            found.metadata.CopyFrom(msg.metadata)
            return found
        if msg.metadata.cacheable and msg.hash:
            self.cache[msg.hash] = msg
        return msg

    @classmethod
    async def open(cls, port: int) -> Session:
        return cls(await connect(f"ws://127.0.0.1:{port}/_stcore/stream",
                                 subprotocols=[Subprotocol("streamlit")],
                                 origin=Origin(f"http://127.0.0.1:{port}"), max_size=None,
                                 proxy=None, open_timeout=START_TIMEOUT))

    async def run(self, click: str | None = None) -> Run:
        """Rerun the current page (optionally clicking one button) and wait for the end."""
        back = BackMsg()
        back.rerun_script.query_string = self.query
        back.rerun_script.page_script_hash = self.page_hash
        if click is not None:
            back.rerun_script.widget_states.widgets.add(id=click, trigger_value=True)
        start = time.perf_counter()
        await self.ws.send(self.remember(back).SerializeToString())
        elements: list[Element] = []
        async with asyncio.timeout(RUN_TIMEOUT):
            while True:
                msg = self.receive(await self.ws.recv())
                kind = msg.WhichOneof("type")
                if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                    elements.append(msg.delta.new_element)
                elif kind == "navigation":
                    self.page_hash = msg.navigation.page_script_hash
                elif kind == "page_info_changed":
                    self.query = msg.page_info_changed.query_string
                elif kind == "script_finished" and msg.script_finished in DONE:
                    return Run(time.perf_counter() - start, elements)
                elif kind == "script_finished":
                    elements = []  # st.switch_page or a rerun: the next run redraws

    async def to_question(self, question: Question) -> Run:
        """From a new session: draw the home page, click the incident door, see the question."""
        door = (await self.run()).widget(DOOR_KEY)
        asked = await self.run(click=door) if door else None
        if asked is None or not asked.asks(question):
            raise RuntimeError(f"no button {DOOR_KEY!r}, or no question {question.key!r} after it")
        return asked


class Server:
    """A `streamlit run` process on a free loopback port, with the project's config."""

    def __init__(self, script: Path, env: Mapping[str, str] | None = None) -> None:
        with socket.socket() as sock:  # a free port: bind to 0, read it back, release it
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the server)
        self.started, self.health = time.perf_counter(), float("nan")
        self.health_cpu = float("nan")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.address",
             "127.0.0.1", "--server.port", str(self.port), "--global.developmentMode", "false"],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=None if env is None else {**os.environ, **env})

    def wait_healthy(self) -> None:
        """Wait until /_stcore/health answers "ok" (no proxy: loopback only); keep the time."""
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        url = f"http://127.0.0.1:{self.port}/_stcore/health"
        for _ in range(int(START_TIMEOUT / 0.02)):
            if self.proc.poll() is not None:
                break
            with suppress(OSError), opener.open(url, timeout=1) as answer:
                if answer.read() == b"ok":
                    self.health = time.perf_counter() - self.started
                    self.health_cpu = cpu_seconds(self.proc.pid)
                    return
            time.sleep(0.02)
        self.log.seek(0)
        raise RuntimeError(f"server did not start:\n{self.log.read().decode()[-2000:]}")

    def rss_mb(self) -> float:
        found = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{self.proc.pid}/status").read_text())
        return int(found[1]) / 1024 if found else float("nan")

    def __enter__(self) -> Server:
        self.wait_healthy()
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop this server only (by its own process), politely first."""
        self.proc.terminate()
        with suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.log.close()


async def reach(session: Session, question: Question | None) -> Run:
    """The app's sessions go to the question; the plain scripts just run once."""
    return await (session.to_question(question) if question else session.run())


def open_store(port: int) -> None:
    """Ask the app's /readyz, which opens its store (hello-world answers 404): the memory per
    session is then measured on a server in service, not with the store's ~25 MB of code
    arriving in between (the app opens it a few seconds after the start, vbestuur_app/asgi.py)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with suppress(urllib.error.HTTPError):  # hello-world has no /readyz
        opener.open(f"http://127.0.0.1:{port}/readyz", timeout=30).read()


async def hot(server: Server, args: argparse.Namespace, question: Question | None) -> Figures:
    """Rerun times of one session (after 5 warm-ups), then RSS with more sessions open."""
    sessions = [await Session.open(server.port)]
    try:
        await reach(sessions[0], question)
        runs = [await sessions[0].run() for _ in range(5 + args.reruns)][5:]
        if question and not runs[-1].asks(question):
            raise RuntimeError("a rerun left the question page")
        await asyncio.to_thread(open_store, server.port)
        figures = {"rss_one": server.rss_mb()}
        for start in range(0, args.sessions, 10):
            batch = [await Session.open(server.port) for _ in range(min(10, args.sessions - start))]
            sessions += batch
            await asyncio.gather(*(reach(s, question) for s in batch))
        await asyncio.sleep(0.5)
        times, many = sorted(r.seconds * 1000 for r in runs), server.rss_mb()
        return {**figures, "rss_many": many, "rss_per": (many - figures["rss_one"]) / args.sessions,
                "median": statistics.median(times), "p90": times[int(0.9 * (len(times) - 1))]}
    finally:
        for session in sessions:
            await session.ws.close()


def first_question() -> Question:
    """The incident flow's first question, as the engine sees it (what the door leads to)."""
    engine = Engine.load()
    question_id = engine.walk("incident", {}).next_question or ""
    node = engine.flow("incident").node(question_id)
    assert isinstance(node, QuestionNode)
    return Question(widget_key("incident", question_id), tuple(o.value for o in node.options),
                    node.text.nl)


def table(hot: dict[str, Figures], args: argparse.Namespace) -> str:
    """The Markdown table: absolute figures per server, and the rerun ratio with its target."""
    def cells(key: str, fmt: str) -> list[str]:
        return [format(hot[n][key], fmt) if n in hot else "" for n in SERVERS]

    rerun = hot["app"]["median"] / hot["empty"]["median"]
    rows = [
        ["measure", "empty script", "hello-world", "app.py", "ratio", "target"],
        ["---", "---:", "---:", "---:", "---:", "---:"],
        [f"rerun, median ms (N={args.reruns}; app: at the first incident question)",
         *cells("median", ".1f"), f"{rerun:.2f} × empty", "≤ 2.0"],
        ["rerun, p90 ms", *cells("p90", ".1f"), "", ""],
        ["server RSS after 1 session, MB", *cells("rss_one", ".0f"), "", ""],
        [f"server RSS with {args.sessions} more sessions open, MB",
         *cells("rss_many", ".0f"), "", ""],
        ["RSS per extra session, MB", *cells("rss_per", ".2f"), "", ""],
    ]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def main() -> None:
    sys.modules.setdefault("app", sys.modules[__name__])  # what bench/cold.py imports as `app`
    import cold  # bench/cold.py: the cold-start table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name, default in (("reruns", 200), ("starts", 5), ("sessions", 100)):
        parser.add_argument(f"--{name}", type=int, default=default)
    args = parser.parse_args()
    question = first_question()
    with tempfile.TemporaryDirectory(prefix="vbestuur-bench-") as folder:
        scripts = {"app": ROOT / "app.py"} | {n: Path(folder) / f"{n}.py" for n in SCRIPTS}
        for name, source in SCRIPTS.items():
            scripts[name].write_text(source, encoding="utf-8")
        figures = {}
        for name in SERVERS:
            with Server(scripts[name]) as server:
                figures[name] = asyncio.run(hot(server, args, question if name == "app" else None))
        starts = cold.run(scripts["hello"], question, args.starts)
    print(f"Streamlit protocol bench, Python {sys.version.split()[0]}; app reaches "
          f"{question.text!r} (widget key {question.key!r}).\n")
    print(table(figures, args))
    print()
    print(starts)


if __name__ == "__main__":
    main()
