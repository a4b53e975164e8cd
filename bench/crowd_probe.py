"""A Streamlit server with probes inside: where a crowd's time goes in the server process.

Why: a crowd's p95 (bench/result.py) says that reruns wait, not for what. Run as
`python bench/crowd_probe.py OUT -- <streamlit run arguments>` (bench/crowd_profile.py does),
it starts the same `streamlit run` with, in the server process:
- the cyclic garbage collector's pauses (gc.callbacks): per generation, time and thread;
- the event loop's lag: a task that wakes every 5 ms notes how late it woke; when the loop is
  late by more than STALL_SECONDS, a watchdog thread notes what the loop thread was doing;
- each script run: its wall time and its thread's CPU time (the difference is waiting: for
  the GIL, a core, a lock or the database);
- the store: the wall time of every `Runtime.use` / `Runtime.within`.
Experiments before a fix goes into the app (VBESTUUR_PROBE_TRY, comma-separated):
`switch=SECONDS` (sys.setswitchinterval), `nofreeze=1` (the code before: no gc.freeze,
vbestuur_service/heap.py), `async=1` (an answer saved while the page goes on), `turns=1`
(the process's SQLite writers wait for their turn on one Python lock instead of in SQLite's
busy handler), `sync=normal` (SQLite's synchronous level; the app's is FULL: an
experiment, not a proposal).
Every sample carries its time.time(); when the file OUT.req appears, everything so far is
written to OUT as JSON and the request file is removed (the bench takes what falls in its own
window). A bench helper, not a test.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import gc
import inspect
import json
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

BEAT_SECONDS, STALL_SECONDS = 0.005, 0.03
TRY = dict(item.partition("=")[::2] for item in os.environ.get("VBESTUUR_PROBE_TRY", "")
           .split(",") if item)  # experiments, see the module docstring
SAMPLES: dict[str, list[list[Any]]] = collections.defaultdict(list)
STALLS: collections.Counter[str] = collections.Counter()
_gc_started: dict[int, tuple[float, float]] = {}
_loop: dict[str, Any] = {"beat": time.perf_counter(), "thread": None}


def note(kind: str, *values: Any) -> None:
    SAMPLES[kind].append([time.time(), *values])


def _gc_callback(phase: str, info: dict[str, int]) -> None:
    ident = threading.get_ident()
    if phase == "start":
        _gc_started[ident] = (time.perf_counter(), time.thread_time())
    elif ident in _gc_started:
        wall, cpu = _gc_started.pop(ident)
        note("gc", info["generation"], time.perf_counter() - wall, time.thread_time() - cpu,
             info.get("collected", 0))


async def _heartbeat() -> None:
    _loop["thread"] = threading.get_ident()
    while True:
        before = time.perf_counter()
        _loop["beat"] = before
        await asyncio.sleep(BEAT_SECONDS)
        note("lag", time.perf_counter() - before - BEAT_SECONDS)


def _where(frame: Any) -> str:
    """The loop thread's innermost frames, without the standard library's asyncio."""
    lines = [f"{Path(f.filename).name}:{f.lineno} {f.name}"
             for f in traceback.extract_stack(frame)[-8:]]
    return " < ".join(reversed(lines))


def _watchdog() -> None:
    seen_beat = 0.0
    while True:
        time.sleep(0.002)
        beat, thread = _loop["beat"], _loop["thread"]
        if thread is None or beat == seen_beat or time.perf_counter() - beat < STALL_SECONDS:
            continue
        seen_beat = beat
        frame = sys._current_frames().get(thread)
        if frame is not None:
            STALLS[_where(frame)] += 1


def _dumper(out: Path) -> None:
    request = out.with_suffix(out.suffix + ".req")
    while True:
        time.sleep(0.1)
        if request.exists():
            data = {"samples": dict(SAMPLES), "stalls": STALLS.most_common(25),
                    "gc_count": gc.get_count(), "gc_threshold": gc.get_threshold(),
                    "gc_frozen": gc.get_freeze_count(), "objects": len(gc.get_objects())}
            tmp = out.with_suffix(".tmp")
            tmp.write_text(json.dumps(data), encoding="utf-8")
            tmp.replace(out)
            request.unlink()


def _timed(kind: str, original: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return original(*args, **kwargs)
        finally:
            note(kind, time.perf_counter() - wall, time.thread_time() - cpu)
    return wrapper


def _transaction(kind: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """A Db.read/Db.write context manager timed: entering (pool, BEGIN, the SQLite lock),
    the body, and leaving (COMMIT: the fsync)."""
    @contextlib.contextmanager
    def wrapper(self: Any) -> Any:
        started = time.perf_counter()
        manager = original(self)
        session = manager.__enter__()
        entered = time.perf_counter()
        try:
            yield session
        except BaseException:
            if not manager.__exit__(*sys.exc_info()):
                raise
        else:
            body = time.perf_counter()
            manager.__exit__(None, None, None)
            note(kind, entered - started, body - entered, time.perf_counter() - body)
    return wrapper


def _try_async_saves() -> None:
    """Experiment: an answer of a session whose row exists is saved by one writer thread
    while the page goes on (the first save, which makes the row, still waits)."""
    from concurrent.futures import ThreadPoolExecutor

    from vbestuur_app import persistence, session

    writer, save = ThreadPoolExecutor(max_workers=1), persistence.save_answers

    def save_answers(flow_id: str, answers: dict[str, Any]) -> None:
        current = persistence.visitor()
        if current is None or not session.current().stored:
            save(flow_id, answers)
            return
        writer.submit(current.save_answers, flow_id, dict(answers))

    persistence.save_answers = save_answers


def _install_store_probes() -> None:
    from vbestuur_store import db, store

    if TRY.get("async"):
        _try_async_saves()
    if TRY.get("nofreeze"):
        from vbestuur_service import heap

        heap.settle = lambda: None


    db.Db.read = _transaction("db_read", db.Db.read)
    if TRY.get("sync"):  # experiment: SQLite's synchronous level (the app's is FULL)
        connect, level = db._sqlite_connect, TRY["sync"].upper()

        def connect_with_level(dbapi_connection: Any, record: Any) -> None:
            connect(dbapi_connection, record)
            dbapi_connection.execute(f"PRAGMA synchronous={level}")

        db._sqlite_connect = connect_with_level
    write = db.Db.write
    if TRY.get("turns"):  # experiment: the process's writers queue on one lock
        turn = threading.RLock()

        @contextlib.contextmanager
        def in_turn(self: Any) -> Any:
            with turn, write(self) as session:
                yield session

        write = in_turn
    db.Db.write = _transaction("db_write", write)
    for name, value in vars(store.Store).items():
        if inspect.isfunction(value) and not name.startswith("_"):
            setattr(store.Store, name, _timed(f"call:{name}", value))


_asked: dict[str, float] = {}  # session id -> when its rerun request arrived


def _install_request_probes() -> None:
    """From a rerun request's arrival to its script's start ("queued") and to the
    script_finished message handed to the websocket ("answered")."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.runtime import app_session, runtime
    from streamlit.runtime.scriptrunner import script_runner

    handle, send = app_session.AppSession.handle_backmsg, runtime.Runtime._send_message
    run_script = script_runner.ScriptRunner._run_script
    done = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)

    def handle_backmsg(self: Any, msg: Any) -> None:
        if msg.WhichOneof("type") == "rerun_script":
            _asked[self.id] = time.perf_counter()
            note("asked", self.id)
        handle(self, msg)

    def send_message(self: Any, info: Any, msg: Any) -> None:
        send(self, info, msg)
        if msg.WhichOneof("type") == "script_finished" and msg.script_finished in done:
            asked = _asked.pop(info.session.id, None)
            if asked is not None:
                note("answered", time.perf_counter() - asked)

    def timed_run_script(self: Any, rerun_data: Any) -> None:
        asked = _asked.get(self._session_id)
        if asked is not None:
            note("queued", time.perf_counter() - asked)
        run_script(self, rerun_data)

    app_session.AppSession.handle_backmsg = handle_backmsg  # type: ignore[method-assign]
    runtime.Runtime._send_message = send_message  # type: ignore[method-assign]
    script_runner.ScriptRunner._run_script = timed_run_script  # type: ignore[method-assign]


def install(out: Path) -> None:
    """The probes (see the module docstring); the server itself is unchanged."""
    import uvicorn
    from streamlit.runtime.scriptrunner import script_runner

    from vbestuur_service import runtime

    gc.callbacks.append(_gc_callback)
    if "switch" in TRY:
        sys.setswitchinterval(float(TRY["switch"]))
    _install_request_probes()
    script_runner.ScriptRunner._run_script = _timed(  # type: ignore[method-assign]
        "script", script_runner.ScriptRunner._run_script)
    for name in ("use", "within"):
        setattr(runtime.Runtime, name, _timed(f"store_{name}", getattr(runtime.Runtime, name)))
    startup = uvicorn.Server.startup

    async def startup_with_heartbeat(self: Any, *args: Any, **kwargs: Any) -> None:
        self._vbestuur_heartbeat = asyncio.get_running_loop().create_task(_heartbeat())
        await startup(self, *args, **kwargs)

    uvicorn.Server.startup = startup_with_heartbeat  # type: ignore[method-assign]
    _install_store_probes()
    for target in (_watchdog, lambda: _dumper(out)):
        threading.Thread(target=target, daemon=True, name="crowd-probe").start()


def main() -> None:
    out, args = Path(sys.argv[1]), sys.argv[sys.argv.index("--") + 1:]
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    install(out)
    from streamlit.web import cli

    sys.argv = ["streamlit", *args]
    cli.main()


if __name__ == "__main__":
    main()
