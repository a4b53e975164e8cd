"""The engine and the two kinds of short transaction every store function uses.

Why this module exists: SQLite and PostgreSQL need different care to be safe under many threads
and processes, and the rest of the package should not have to know.

- SQLite runs in WAL mode (readers never block the writer) with `synchronous=FULL` (a committed
  answer survives a crash of the process and of the machine), `secure_delete=ON`, foreign keys
  on, and a busy timeout. Write transactions start with `BEGIN IMMEDIATE`: a deferred
  transaction that reads first and writes later can fail with "database is locked" without
  waiting, which a person would see as an error.
- Unwritable files must not kill the server (F12). `mmap_size` is 0 (set explicitly; it is
  also this build's default), so the database file is never mapped. The WAL index (`-shm`)
  is mapped regardless, and a write into that mapping after the file became immutable or its
  file system read-only raises SIGBUS, which ends the process. So every transaction first
  checks that `-shm` is still writable (one `access()` call, microseconds) and
  otherwise fails with `StorageFault("read_only")` without touching the mapping. A rollback
  journal would avoid the mapping altogether, but it starved writers past the busy timeout
  in the 50-writer test (measured), so WAL stays.
- PostgreSQL runs in READ COMMITTED; functions that read-then-write lock their row first
  (`SELECT … FOR UPDATE` or an UPDATE), so concurrent edits of one item are serialised.
- Nothing waits long on a sick database (F3): connect, statement and pool timeouts of a few
  seconds, and a client-side deadline per statement (deadline.py) for a server that accepted
  the connection and then stopped answering. Database errors of that kind leave `read()` and
  `write()` as `StorageFault` with a code, `read_only` or `unavailable` (faults.py).
- `hide_parameters=True` and a filter on SQLAlchemy's engine logger: answers must never end up
  in a log file, even when someone turns on SQL debug logging.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

from vbestuur_store import deadline
from vbestuur_store.faults import READ_ONLY, StorageFault, fault_code
from vbestuur_store.models import Base

if TYPE_CHECKING:  # the dialect in use is imported by create_engine; the other one never
    from sqlalchemy.dialects import postgresql, sqlite

Clock = Callable[[], datetime]
WRITE_OPTION = "vbestuur_write"
SQLITE_BUSY_SECONDS = 30
CONNECT_SECONDS = 3
STATEMENT_SECONDS = 5
POOL_SECONDS = 5


def utcnow() -> datetime:
    """The default clock."""
    return datetime.now(UTC)


class _NoResultRows(logging.Filter):
    """Drop SQLAlchemy's "Row …" debug records: result rows are people's answers."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and record.msg.startswith(("Row ", "Col ")))


_ROW_FILTER = _NoResultRows()


def keep_answers_out_of_logs() -> None:
    """Make SQL logging safe even if someone turns it on: no parameters, no result rows.

    SQLAlchemy's own logger is quiet by default; `hide_parameters=True` on the engine covers
    statements and error messages, this filter covers the rows logged at DEBUG.
    """
    logger = logging.getLogger("sqlalchemy.engine.Engine")
    if _ROW_FILTER not in logger.filters:
        logger.addFilter(_ROW_FILTER)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    """Per-connection SQLite settings; autocommit at driver level so we issue BEGIN ourselves."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
    cursor.execute("PRAGMA mmap_size=0")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def shm_unwritable(database: str) -> bool:
    """Whether the WAL index of `database` exists and can no longer be written (F12).

    `access()` and not open/close: closing any descriptor of a file drops every POSIX lock
    the process holds on it, and SQLite keeps its WAL-index locks on `-shm` (a test with 50
    writer processes died of SIGBUS when this check opened the file).
    """
    shm = f"{database}-shm"
    return not os.access(shm, os.W_OK) and os.path.exists(shm)


def _sqlite_begin(conn: Connection) -> None:
    """BEGIN IMMEDIATE for writers (waits for the lock up front), plain BEGIN for readers.

    First the F12 check (module docstring): never touch a WAL index that became unwritable.
    """
    database = conn.engine.url.database
    if database and database != ":memory:" and shm_unwritable(database):
        raise StorageFault(READ_ONLY)
    write = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    """Create the engine for `url` with the settings described in the module docstring."""
    keep_answers_out_of_logs()
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":  # first start: create data/ (nothing to do)
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, hide_parameters=True, pool_size=10, max_overflow=60,
                               pool_timeout=POOL_SECONDS,
                               connect_args={"timeout": SQLITE_BUSY_SECONDS,
                                             "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    engine = create_engine(url, hide_parameters=True, pool_size=10, max_overflow=40,
                           pool_timeout=POOL_SECONDS, connect_args=pg_connect_args())
    deadline.install(engine, STATEMENT_SECONDS + 1)
    return engine


def pg_connect_args(connect_seconds: int = CONNECT_SECONDS,
                    statement_seconds: int = STATEMENT_SECONDS) -> dict[str, Any]:
    """psycopg settings: give up connecting, and let the server cancel a statement, in seconds."""
    return {"connect_timeout": connect_seconds,
            "options": f"-c statement_timeout={statement_seconds * 1000}"}


@contextmanager
def faults_as_codes() -> Iterator[None]:
    """Turn a refused, hung or read-only database into `StorageFault(code)` (faults.py)."""
    try:
        yield
    except (DBAPIError, PoolTimeout) as err:
        code = fault_code(err)
        if code is None:
            raise
        raise StorageFault(code) from err


class Db:
    """An engine, a clock and the read/write transaction helpers; safe to share between threads."""

    def __init__(self, engine: Engine, clock: Clock | None = None) -> None:
        self.engine = engine
        self.clock: Clock = clock or utcnow
        self._reader = sessionmaker(engine, expire_on_commit=False)
        writer_engine = engine.execution_options(**{WRITE_OPTION: True})
        self._writer = sessionmaker(writer_engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.engine.dialect.name

    def now(self) -> datetime:
        """The current time from the injected clock (tests move it)."""
        return self.clock()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only transaction."""
        with faults_as_codes(), self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A short write transaction: commits on success, rolls back on any exception."""
        with faults_as_codes(), self._writer() as session, session.begin():
            yield session

    def scrub(self) -> None:
        """After a deletion: leave no copy of deleted rows in SQLite's side files (F14).

        `secure_delete` has overwritten the rows in the main file once they get there; the
        WAL still holds the pages as they were, so it is checkpointed into the main file and
        truncated to zero bytes. PostgreSQL: nothing here (its WAL is the server's, see
        docs/storage.md).
        """
        if self.dialect != "sqlite":
            return
        with faults_as_codes():
            raw = self.engine.raw_connection()  # autocommit: a checkpoint needs no transaction
            try:
                raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
            finally:
                raw.close()

    def lock(self, session: Session, key: str) -> None:
        """Serialise writers of one logical item (`key`) until the transaction ends.

        PostgreSQL: a transaction-scoped advisory lock, which also covers rows that do not exist
        yet (two first-time edits of one item). SQLite: nothing to do, `BEGIN IMMEDIATE`
        already serialises all writers.
        """
        if self.dialect == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": key})

    def insert(self, model: type[Base]) -> postgresql.Insert | sqlite.Insert:
        """An INSERT with ON CONFLICT support for the current dialect (imported here: the
        PostgreSQL dialect costs an SQLite process 70 ms of start-up, issue 15)."""
        if self.dialect == "postgresql":
            from sqlalchemy.dialects import postgresql

            return postgresql.insert(model)
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(model)
