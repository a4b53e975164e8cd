"""New sessions behind one shared address: counted exactly, and never queued on one lock.

Why (issue 15, make scale): everyone behind one address shares one SESSION_CREATE key. The
key's count used to be kept under an advisory lock held for the whole session-start
transaction; in a 200-session crowd first saves queued on it past the statement timeout, the
store paused, and the answers of the sessions after the crowd were not kept. The count is now
one statement of its own (limiter.admit).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select
from store_helpers import FakeClock

from vbestuur_store import SessionStarted, Store, Throttled
from vbestuur_store import session_start as start_module
from vbestuur_store.limiter import SESSION_CREATE, Policy, admit, key_of
from vbestuur_store.models import SessionRow
from vbestuur_store.models_accounts import AttemptRow

SMALL = Policy("test-small", free=3, base_seconds=60, max_seconds=60, window_seconds=600)


def _count(store: Store, policy: Policy, client: str) -> int | None:
    with store.db.read() as session:
        row = session.get(AttemptRow, key_of(policy, client))
        return None if row is None else row.count


def _sessions(store: Store) -> int:
    with store.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(SessionRow)) or 0)


def test_the_free_th_event_is_admitted_and_locks_the_later_ones(
        store: Store, clock: FakeClock) -> None:
    assert [admit(store.db, SMALL, "raadhuis") for _ in range(SMALL.free)] == [0, 0, 0]
    refused = admit(store.db, SMALL, "raadhuis")
    assert 0 < refused <= SMALL.base_seconds
    assert _count(store, SMALL, "raadhuis") == SMALL.free  # a refused event is not counted
    assert admit(store.db, SMALL, "buren") == 0  # another key is not affected
    clock.advance(seconds=SMALL.window_seconds + 1)  # the count decays after its window
    assert admit(store.db, SMALL, "raadhuis") == 0
    assert _count(store, SMALL, "raadhuis") == 1


def test_a_crowd_behind_one_address_is_counted_exactly(store: Store) -> None:
    """200 first saves from 8 threads, one client key: all admitted, each counted once."""
    def start(_n: int) -> object:
        return store.start_session(store.page_load(None)[0], client="raadhuis")

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(start, range(200)))
    assert [r for r in results if not (isinstance(r, SessionStarted) and r.created)] == []
    assert all(isinstance(r, SessionStarted) and r.created for r in results)
    assert _count(store, SESSION_CREATE, "raadhuis") == 200
    assert _sessions(store) == 200


@pytest.mark.parametrize("backend", ["postgresql"])  # only PostgreSQL runs writers side by side
def test_a_slow_first_save_holds_up_no_other_first_save(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The count is not held while a session row is written: while one first save is stuck
    in its transaction, others from the same address are started (PostgreSQL; SQLite
    serialises every writer by design, BEGIN IMMEDIATE)."""
    stuck, release = threading.Event(), threading.Event()
    real_add_row = start_module.add_row
    slow_token = store.page_load(None)[0]

    def add_row(db, session, token, now):  # type: ignore[no-untyped-def]
        if token == slow_token:
            stuck.set()
            assert release.wait(30)
        return real_add_row(db, session, token, now)

    monkeypatch.setattr(start_module, "add_row", add_row)
    with ThreadPoolExecutor(max_workers=4) as pool:
        slow = pool.submit(store.start_session, slow_token, client="raadhuis")
        assert stuck.wait(10)
        others = [pool.submit(store.start_session, store.page_load(None)[0], client="raadhuis")
                  for _ in range(10)]
        try:
            done = [f.result(timeout=10) for f in others]  # before the slow one may go on
        finally:
            release.set()
        assert all(isinstance(r, SessionStarted) and r.created for r in done)
        assert isinstance(slow.result(timeout=10), SessionStarted)
    assert _count(store, SESSION_CREATE, "raadhuis") == 11


def test_the_limit_still_holds_for_one_address(store: Store) -> None:
    for _ in range(SESSION_CREATE.free):
        assert isinstance(store.start_session(store.page_load(None)[0], client="flood"),
                          SessionStarted)
    refused = store.start_session(store.page_load(None)[0], client="flood")
    assert isinstance(refused, Throttled) and refused.seconds > 0
