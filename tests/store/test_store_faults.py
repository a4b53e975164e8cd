"""Faults: a hung or refused database costs seconds, not minutes (F3), is reported as a code
(F10), and unwritable SQLite files no longer kill the process (F12)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import PgServer
from sqlalchemy import text

from vbestuur_store import StorageFault, Store, open_store
from vbestuur_store.db import STATEMENT_SECONDS, make_engine
from vbestuur_store.health import ping

FEW_SECONDS = 8.0  # the promise: a sick database costs a page at most a few seconds


@pytest.fixture
def hung_port() -> Iterator[int]:
    """A socket that accepts connections and never says a word (like a hung PostgreSQL)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def _timed(action: object) -> tuple[float, BaseException | None]:
    start = time.monotonic()
    try:
        action()  # type: ignore[operator]
    except BaseException as err:  # noqa: BLE001  the test inspects it
        return time.monotonic() - start, err
    return time.monotonic() - start, None


def test_hung_server_costs_seconds_not_minutes(hung_port: int) -> None:
    """F3: the app waited 130 s per page on a server that accepts and never answers."""
    url = f"postgresql+psycopg://vb@127.0.0.1:{hung_port}/x"
    seconds, err = _timed(lambda: open_store(url, env={}))
    assert isinstance(err, StorageFault) and err.code == "unavailable"
    assert seconds < FEW_SECONDS
    engine = make_engine(url)
    start = time.monotonic()
    assert ping(engine, timeout=2).code == "unavailable"
    assert time.monotonic() - start < 3
    engine.dispose()


def test_refused_database_is_unavailable(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://vb@127.0.0.1:{port}/x"
    seconds, err = _timed(lambda: open_store(url, env={}))
    assert isinstance(err, StorageFault) and err.code == "unavailable" and seconds < FEW_SECONDS
    assert ping(make_engine(url), timeout=2).code == "unavailable"


def test_ping_says_ok_on_a_healthy_database(store: Store) -> None:
    assert store.ping().code == "ok" and store.ping().ready


@pytest.mark.parametrize("backend", ["postgresql"])
def test_stopped_postgresql_costs_seconds(store: Store, pg_server: PgServer) -> None:
    """F3 on the real server: SIGSTOP it with a pooled connection already open."""
    token = store.new_token()
    store.save_answers(token, "gereedheid", {"a": 1})
    pids = _server_processes(pg_server)
    for pid in pids:  # the postmaster and every backend: the whole server hangs
        os.kill(pid, signal.SIGSTOP)
    try:
        start = time.monotonic()
        assert store.ping(timeout=2).code == "unavailable"
        assert time.monotonic() - start < 3
        seconds, err = _timed(lambda: store.load_answers(token))
        assert isinstance(err, StorageFault) and err.code == "unavailable"
        assert seconds < STATEMENT_SECONDS + FEW_SECONDS
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)
    _wait_until(lambda: store.ping().code == "ok")
    assert store.load_answers(token) == {"gereedheid": {"a": 1}}  # recovered, no restart


def _server_processes(pg_server: PgServer) -> list[int]:
    """The postmaster's pid and its children's (from /proc), never anything else."""
    postmaster = int((pg_server.root / "data" / "postmaster.pid").read_text().split()[0])
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == postmaster:
            children.append(int(stat.parent.name))
    return [postmaster, *children]


def _wait_until(condition: object, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.1)


@pytest.mark.parametrize("backend", ["postgresql"])
def test_read_only_postgresql_is_read_only(store: Store, db_url: str) -> None:
    token = store.new_token()
    name = db_url.rsplit("/", 1)[1]
    with store.engine.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        conn.commit()
    store.engine.dispose()  # new connections pick the setting up
    with pytest.raises(StorageFault) as caught:
        store.save_answers(token, "gereedheid", {"a": 1})
    assert caught.value.code == "read_only"
    assert store.ping().code == "read_only"
    assert store.load_answers(token) == {}  # reading still works


IMMUTABLE_SCRIPT = r"""
import subprocess, sys
from pathlib import Path
from vbestuur_store import StorageFault, open_store
path = Path(sys.argv[1])
store = open_store(f"sqlite:///{path}", env={})
token = store.new_token()
store.save_answers(token, "gereedheid", {"a": 1})
files = [str(p) for p in path.parent.glob(path.name + "*")]
subprocess.run(["chattr", "+i", *files], check=True)
try:
    codes = []
    for _ in range(3):
        for action in (lambda: store.save_answers(token, "gereedheid", {"a": 2}),
                       lambda: store.load_answers(token)):
            try:
                action()
                codes.append("ok")
            except StorageFault as err:
                codes.append(err.code)
    print("ping", store.ping().code)
    print("codes", " ".join(codes))
finally:
    subprocess.run(["chattr", "-i", *files], check=True)
"""


def test_immutable_sqlite_files_do_not_kill_the_process(tmp_path: Path) -> None:
    """F12: `chattr +i` on the files mid-session ended the server with SIGBUS (exit -7)."""
    if os.geteuid() != 0 or subprocess.run(["which", "chattr"], capture_output=True).returncode:
        pytest.fail("this test needs root and chattr (e2fsprogs) to make files immutable")
    result = subprocess.run([sys.executable, "-c", IMMUTABLE_SCRIPT, str(tmp_path / "v.sqlite")],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert lines["ping"] == "read_only"
    assert set(lines["codes"].split()) == {"read_only"}


def test_down_database_is_not_a_missing_pin() -> None:
    """F10: with the database refused, the griffie page said "no PIN is set"."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    store = open_store(f"postgresql+psycopg://vb@127.0.0.1:{port}/x", upgrade=False, env={})
    for action in (store.has_pin, lambda: store.verify_pin("482913", client="c"),
                   lambda: store.save_answers("T" * 43, "gereedheid", {})):
        with pytest.raises(StorageFault) as caught:
            action()
        assert caught.value.code == "unavailable"
    store.close()

