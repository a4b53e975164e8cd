"""Crash safety: a writer killed with SIGKILL while saving, 100 times per backend.

After every kill the database must open cleanly (SQLite: integrity check "ok", schema at head),
no acknowledged save may be missing, and the stored answers must be one complete save — never a
mix of two (every field carries the save's number).
"""

from __future__ import annotations

import os
import random
import signal
import time
from multiprocessing.connection import Connection

from sqlalchemy import text
from store_helpers import FakeClock
from store_workers import FLOWS, check_payload, crash_writer, forkserver

from vbestuur_store import Store, current_revision, head_revision, open_store

ROUNDS = 100
ACK_TIMEOUT = 30


def _wait_acks(acks: Connection, wanted: int) -> int:
    """Block until the writer has acknowledged `wanted` more saves; return the last number."""
    last = -1
    for _ in range(wanted):
        assert acks.poll(ACK_TIMEOUT), "writer stopped acknowledging"
        last = int(acks.recv())
    return last


def _drain(acks: Connection, last: int) -> int:
    """Acks that were sent just before the kill are committed saves too."""
    try:
        while acks.poll(0):
            last = int(acks.recv())
    except (EOFError, OSError):
        pass
    return last


def _verify(url: str, token: str, acked: int) -> int:
    """Open the database as a restarted app would and check the committed answers."""
    store = open_store(url, clock=FakeClock(), env={})
    try:
        assert current_revision(store.engine) == head_revision()
        if store.engine.dialect.name == "sqlite":
            with store.engine.connect() as conn:
                assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        stored = store.load_answers(token)
        numbers = [check_payload(stored[flow]) for flow in FLOWS]
        # the first flow is saved first; both are at least the acknowledged round
        assert acked <= numbers[1] <= numbers[0] <= acked + 1, (acked, numbers)
        return numbers[0]
    finally:
        store.close()


def test_sigkill_while_saving(store: Store, db_url: str) -> None:
    token = store.new_token()
    context = forkserver()
    rng = random.Random(20261101)
    done, unacked_commits = 0, 0
    started = time.monotonic()
    for _ in range(ROUNDS):
        receiver, sender = context.Pipe(duplex=False)
        writer = context.Process(target=crash_writer, args=(db_url, token, done, sender))
        writer.start()
        sender.close()
        last = _wait_acks(receiver, rng.randint(1, 3))
        time.sleep(rng.uniform(0, 0.004))
        assert writer.pid is not None
        os.kill(writer.pid, signal.SIGKILL)
        writer.join(ACK_TIMEOUT)
        assert writer.exitcode == -signal.SIGKILL
        acked = _drain(receiver, last)
        receiver.close()
        done = _verify(db_url, token, acked)
        unacked_commits += done > acked
    elapsed = time.monotonic() - started
    print(f"{ROUNDS} SIGKILLs on {store.engine.dialect.name} in {elapsed:.1f}s; "
          f"{unacked_commits} killed between commit and ack, last save #{done}")
    assert done >= ROUNDS
