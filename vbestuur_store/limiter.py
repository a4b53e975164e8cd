"""A per-key attempt limiter in the database: login, room codes, session creation.

Why per key and in the database: a global lock row lets one stranger lock everybody out (F4);
a limit in process memory resets on restart and differs per replica. Every limited thing has
its own key — a client, an account, a room-code guesser — so a wrong password slows down that
client and that account, and nobody else. The key is stored as SHA-256 with the policy's name,
so neither client addresses nor account names are kept in clear here.

A policy allows `free` events; the `free`-th and every later one locks the key for base·2^k seconds
(capped). A key whose last event is older than `window` starts again from zero (the counter
decays, unlike the old PIN counter), and the row may then be purged (retention.py).

Why `admit` counts in one statement (issue 15): sign-ins and room codes are rare, and their
read-check-write (`wait_in`, `record_in`) holds an advisory lock on the key for the whole
transaction. New sessions are not rare: everyone behind one address (a town hall's NAT, a
proxy not named in VBESTUUR_TRUSTED_PROXIES) shares one SESSION_CREATE key. With that lock a
crowd's first saves queued on one key, each holding it for the rest of its transaction in a
busy process; after a 200-session crowd (make scale) 31 first saves waited past the 5 s
statement timeout (measured: `pg_advisory_xact_lock` in the tracebacks, 189 of 220 session
rows), each timeout paused that replica's store for 10 s, and answers of sessions that came
right after were not kept (0 of 40). `admit` is one INSERT … ON CONFLICT DO UPDATE, on its own
(PostgreSQL: autocommit), so the row is locked only while the server runs that statement.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, delete, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from vbestuur_store.db import Db, faults_as_codes
from vbestuur_store.models_accounts import AttemptRow


@dataclass(frozen=True)
class Policy:
    """How many events a key may have before it waits, and how the wait grows."""

    name: str
    free: int
    base_seconds: int
    max_seconds: int
    window_seconds: int

    def lock_seconds(self, count: int) -> int:
        """The wait after the `count`-th event in the window (the `free`-th starts the waits)."""
        if count < self.free:
            return 0
        return int(min(self.base_seconds * 2 ** (count - self.free), self.max_seconds))


# Wrong sign-ins from one client (any account), and on one account (from any client).
LOGIN_CLIENT = Policy("login-client", free=5, base_seconds=2, max_seconds=300,
                      window_seconds=3600)
LOGIN_ACCOUNT = Policy("login-account", free=10, base_seconds=2, max_seconds=900,
                       window_seconds=3600)
# Room codes typed wrong by one client; 30^6 codes, so a few typos never matter.
ROOM_CODE = Policy("room-code", free=10, base_seconds=1, max_seconds=120, window_seconds=900)
# New session rows per client: generous, because a whole town hall may share one address.
SESSION_CREATE = Policy("session-create", free=300, base_seconds=600, max_seconds=600,
                        window_seconds=600)


def key_of(policy: Policy, key: str) -> str:
    """The stored key: SHA-256 of the policy name and the caller's key."""
    return hashlib.sha256(f"{policy.name}\0{key}".encode()).hexdigest()


def _remaining(row: AttemptRow | None, now: datetime) -> int:
    if row is None or row.locked_until is None or row.locked_until <= now:
        return 0
    return max(1, math.ceil((row.locked_until - now).total_seconds()))


def wait_in(db: Db, session: Session, policy: Policy, key: str, now: datetime) -> int:
    """Seconds `key` must still wait (0: free), read inside the caller's transaction."""
    stored = key_of(policy, key)
    db.lock(session, f"limit:{stored}")
    return _remaining(session.get(AttemptRow, stored), now)


def record_in(db: Db, session: Session, policy: Policy, key: str, now: datetime) -> int:
    """Count one event for `key`; return the wait it causes (0 while still free)."""
    stored = key_of(policy, key)
    db.lock(session, f"limit:{stored}")
    row = session.get(AttemptRow, stored)
    if row is None:
        row = AttemptRow(key=stored, count=0, last_at=now, expires_at=now)
        session.add(row)
    elif row.last_at < now - timedelta(seconds=policy.window_seconds):
        row.count = 0
    row.count += 1
    row.last_at = now
    wait = policy.lock_seconds(row.count)
    row.locked_until = now + timedelta(seconds=wait) if wait else None
    row.expires_at = max(now + timedelta(seconds=policy.window_seconds),
                         row.locked_until or now)
    return wait


def refund_in(db: Db, session: Session, policy: Policy, key: str) -> None:
    """Take back one counted event (an attempt that turned out right)."""
    stored = key_of(policy, key)
    db.lock(session, f"limit:{stored}")
    row = session.get(AttemptRow, stored)
    if row is None:
        return
    row.count = max(0, row.count - 1)
    if policy.lock_seconds(row.count) == 0:
        row.locked_until = None


def admit(db: Db, policy: Policy, key: str) -> int:
    """Count one event for `key` if it is not locked; 0 when admitted, else seconds to wait.

    As `wait_in` then `record_in`: a counted event is admitted, and the `free`-th one locks the
    key for the events after it; a refused event is not counted. One statement on its own,
    never inside a caller's transaction (module docstring). Events that arrive in the instant
    between the `free`-th count and its lock are admitted too (a few at most, never a flood).
    """
    stored, now = key_of(policy, key), db.now()
    with _alone(db) as conn:
        count = conn.execute(_count_statement(db, policy, stored, now)).scalar()
        if count is None:  # locked: the statement changed nothing
            row = conn.execute(select(AttemptRow.locked_until)
                               .where(AttemptRow.key == stored)).first()
            until = row[0] if row is not None else None
            return max(1, math.ceil((until - now).total_seconds())) if until else 1
        wait = policy.lock_seconds(count)
        if wait:
            until = now + timedelta(seconds=wait)
            conn.execute(update(AttemptRow).where(AttemptRow.key == stored).values(
                locked_until=until, expires_at=max(until, now + timedelta(
                    seconds=policy.window_seconds))))
        return 0


def _count_statement(db: Db, policy: Policy, stored: str, now: datetime) -> Any:
    """INSERT the key's first event, or add one to a key that is not locked (RETURNING count)."""
    expires = now + timedelta(seconds=policy.window_seconds)
    stale = AttemptRow.last_at < now - timedelta(seconds=policy.window_seconds)
    stmt = db.insert(AttemptRow).values(key=stored, count=1, last_at=now, locked_until=None,
                                        expires_at=expires)
    free = (AttemptRow.locked_until.is_(None)) | (AttemptRow.locked_until <= now)
    return stmt.on_conflict_do_update(
        index_elements=["key"], where=free,
        set_={"count": case((stale, 1), else_=AttemptRow.count + 1), "last_at": now,
              "locked_until": None, "expires_at": expires},
    ).returning(AttemptRow.count)


@contextmanager
def _alone(db: Db) -> Iterator[Connection]:
    """A connection whose statements each commit at once (PostgreSQL), or one short write
    transaction (SQLite: BEGIN IMMEDIATE serialises writers anyway)."""
    if db.dialect != "postgresql":
        with db.write() as session:
            yield session.connection()
        return
    with faults_as_codes(), db.engine.connect() as conn:
        # The pool's checkout ping (deadline.py) opened a transaction that holds nothing; end
        # it so the driver may switch to autocommit (SQLAlchemy resets it on return).
        conn.connection.dbapi_connection.rollback()  # type: ignore[union-attr]
        yield conn.execution_options(isolation_level="AUTOCOMMIT")


def clear_in(session: Session, policy: Policy, key: str) -> None:
    """Forget every counted event of `key`."""
    session.execute(delete(AttemptRow).where(AttemptRow.key == key_of(policy, key)))


def wait_seconds(db: Db, policy: Policy, key: str) -> int:
    """Seconds `key` must wait before its next attempt (0: go ahead)."""
    with db.read() as session:
        return _remaining(session.get(AttemptRow, key_of(policy, key)), db.now())


def record(db: Db, policy: Policy, key: str) -> int:
    """Count one event (e.g. a wrong room code); return the wait it causes."""
    with db.write() as session:
        return record_in(db, session, policy, key, db.now())


def purge(db: Db, now: datetime | None = None) -> int:
    """Delete rows whose window and lock have both passed; return how many."""
    with db.write() as session:
        when = now or db.now()
        result = session.execute(delete(AttemptRow).where(AttemptRow.expires_at < when))
        return int(result.rowcount)  # type: ignore[attr-defined]
