"""The engine and the two kinds of short transaction every store function uses.

Why this module exists: SQLite and PostgreSQL need different care to be safe under many threads
and processes, and the rest of the package should not have to know.

- SQLite runs in WAL mode (readers never block the writer) with `synchronous=FULL` (a committed
  answer survives a crash of the process and of the machine), foreign keys on, and a busy
  timeout. Write transactions start with `BEGIN IMMEDIATE`: a deferred transaction that reads
  first and writes later can fail with "database is locked" without waiting, which a person
  would see as an error.
- PostgreSQL runs in READ COMMITTED; functions that read-then-write lock their row first
  (`SELECT … FOR UPDATE` or an UPDATE), so concurrent edits of one item are serialised.
- `hide_parameters=True` and a filter on SQLAlchemy's engine logger: answers must never end up
  in a log file, even when someone turns on SQL debug logging.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from vbestuur_store.models import Base

Clock = Callable[[], datetime]
WRITE_OPTION = "vbestuur_write"
SQLITE_BUSY_SECONDS = 30


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
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """BEGIN IMMEDIATE for writers (waits for the lock up front), plain BEGIN for readers."""
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
                               connect_args={"timeout": SQLITE_BUSY_SECONDS,
                                             "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, hide_parameters=True, pool_pre_ping=True, pool_size=10,
                         max_overflow=40)


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
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A short write transaction: commits on success, rolls back on any exception."""
        with self._writer() as session, session.begin():
            yield session

    def lock(self, session: Session, key: str) -> None:
        """Serialise writers of one logical item (`key`) until the transaction ends.

        PostgreSQL: a transaction-scoped advisory lock, which also covers rows that do not exist
        yet (two first-time edits of one item). SQLite: nothing to do, `BEGIN IMMEDIATE`
        already serialises all writers.
        """
        if self.dialect == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": key})

    def insert(self, model: type[Base]) -> postgresql.Insert | sqlite.Insert:
        """An INSERT with ON CONFLICT support for the current dialect."""
        if self.dialect == "postgresql":
            return postgresql.insert(model)
        return sqlite.insert(model)
