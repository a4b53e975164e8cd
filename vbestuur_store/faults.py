"""Storage faults as codes: `read_only` and `unavailable` (F10 of the security review).

Why codes: with the database refused, hung or read-only, every page must say one calm and
*correct* sentence (not "no PIN is set", not "your cookie"). The store cannot word it (the web
layer owns the texts and the language), but it can say which of the two it is. `StorageFault`
subclasses SQLAlchemy's base error, so code that already catches `SQLAlchemyError` keeps
working unchanged.
"""

from __future__ import annotations

import sqlite3
from typing import Literal

from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout

FaultCode = Literal["read_only", "unavailable"]
READ_ONLY: FaultCode = "read_only"
UNAVAILABLE: FaultCode = "unavailable"

_SQLITE_READ_ONLY = ("readonly database", "read-only", "read only")


class StorageFault(SQLAlchemyError):
    """The database cannot be used right now; `code` says why. No prose, no secrets."""

    def __init__(self, code: FaultCode) -> None:
        super().__init__(code)
        self.code: FaultCode = code


def _sqlite_code(err: sqlite3.Error) -> FaultCode | None:
    text = str(err).lower()
    if any(marker in text for marker in _SQLITE_READ_ONLY):
        return READ_ONLY
    if isinstance(err, sqlite3.OperationalError):
        return UNAVAILABLE  # locked past the busy timeout, I/O error, cannot open the file
    return None


def _pg_code(err: BaseException) -> FaultCode | None:
    import psycopg  # only here: SQLite installations should not pay for importing it

    if isinstance(err, psycopg.errors.ReadOnlySqlTransaction):
        return READ_ONLY
    if isinstance(err, psycopg.OperationalError | psycopg.InterfaceError):
        return UNAVAILABLE  # refused, connect timeout, statement timeout, server gone
    return None


def fault_code(err: BaseException) -> FaultCode | None:
    """The fault code for a database error, or None when it is not a storage fault (a bug)."""
    if isinstance(err, StorageFault):
        return err.code
    if isinstance(err, PoolTimeout):
        return UNAVAILABLE
    orig = err.orig if isinstance(err, DBAPIError) else err
    if isinstance(orig, sqlite3.Error):
        return _sqlite_code(orig)
    if orig is not None and type(orig).__module__.startswith("psycopg"):
        return _pg_code(orig)
    if isinstance(err, DBAPIError) and err.connection_invalidated:
        return UNAVAILABLE
    return None
