"""Readiness: does the database answer, and may we write? Answered within a few seconds (F3).

Why a separate probe and not a pooled query: a pooled connection to a server that has stopped
answering would hang the probe like any page. The probe opens a fresh connection (no pool)
with a connect timeout, runs in a worker thread, and the caller waits at most `timeout`
seconds for it. While an earlier probe is still stuck, the answer is "unavailable" at once, so
a hung database never piles up threads.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.pool import NullPool

from vbestuur_store.db import CONNECT_SECONDS, pg_connect_args, shm_unwritable
from vbestuur_store.faults import fault_code
from vbestuur_store.migrate import HEAD_REVISION

ReadyCode = Literal["ok", "unavailable", "read_only", "schema_outdated"]
PING_SECONDS = 3.0


@dataclass(frozen=True)
class Readiness:
    """`ready` is true only for code "ok"."""

    code: ReadyCode

    @property
    def ready(self) -> bool:
        return self.code == "ok"


def _probe_engine(engine: Engine, timeout: float) -> Engine:
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return create_engine(url, poolclass=NullPool, connect_args={"timeout": timeout})
    seconds = max(1, min(int(timeout), CONNECT_SECONDS))
    return create_engine(url, poolclass=NullPool,
                         connect_args=pg_connect_args(seconds, max(1, int(timeout))))


def _probe(engine: Engine) -> ReadyCode:
    """One round trip: the schema revision, and whether this connection may write."""
    database = engine.url.database
    if engine.url.get_backend_name() == "sqlite" and database and shm_unwritable(database):
        engine.dispose()
        return "read_only"  # never touch an unwritable WAL index (F12, db.py)
    try:
        with engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if conn.dialect.name == "postgresql":
                read_only = conn.execute(text("SHOW transaction_read_only")).scalar() == "on"
            else:
                read_only = conn.exec_driver_sql("PRAGMA query_only").scalar() == 1 or \
                    _sqlite_read_only(conn.connection.dbapi_connection)
    except Exception as err:  # noqa: BLE001  every failure means "not ready", with its code
        return "read_only" if fault_code(err) == "read_only" else "unavailable"
    finally:
        engine.dispose()
    if read_only:
        return "read_only"
    return "ok" if revision == HEAD_REVISION else "schema_outdated"


def _sqlite_read_only(dbapi_connection: object) -> bool:
    """Write the header's user_version back unchanged and roll back: fails on a read-only file."""
    import sqlite3

    assert isinstance(dbapi_connection, sqlite3.Connection)
    dbapi_connection.isolation_level = None
    version = int(dbapi_connection.execute("PRAGMA user_version").fetchone()[0])
    try:
        dbapi_connection.execute("BEGIN IMMEDIATE")
        dbapi_connection.execute(f"PRAGMA user_version = {version}")
    except sqlite3.OperationalError as err:
        return "readonly" in str(err).lower() or "read-only" in str(err).lower()
    finally:
        if dbapi_connection.in_transaction:
            dbapi_connection.execute("ROLLBACK")
    return False


class Prober:
    """Runs probes with a deadline; at most one probe thread at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: threading.Thread | None = None

    def ping(self, engine: Engine, timeout: float = PING_SECONDS) -> Readiness:
        """The readiness of `engine`'s database, known within `timeout` seconds."""
        with self._lock:
            if self._running is not None and self._running.is_alive():
                return Readiness("unavailable")
            result: list[ReadyCode] = []
            probe = _probe_engine(engine, timeout)
            thread = threading.Thread(target=lambda: result.append(_probe(probe)),
                                      name="vbestuur-ping", daemon=True)
            self._running = thread
            thread.start()
        thread.join(timeout)
        return Readiness(result[0]) if result else Readiness("unavailable")


PROBER = Prober()


def ping(engine: Engine, timeout: float = PING_SECONDS) -> Readiness:
    """Module-level probe shared by the process (the readiness endpoint calls this)."""
    return PROBER.ping(engine, timeout)
