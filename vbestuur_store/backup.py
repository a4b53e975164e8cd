"""Backup and restore of the SQLite database with SQLite's online backup API (issue 15).

Why not copy the file: a commit may still sit in a journal or WAL beside the main file, so a
file copy taken while the app runs can miss acknowledged saves or be torn. `Connection.backup`
copies a consistent snapshot in one step (it holds a read lock for the few milliseconds the
copy takes; writers wait, none is lost), and the copy is checked with `PRAGMA
integrity_check` before it counts.
Restore copies the backup *into* the live database with the same API under a write lock, so
processes that have it open see the restored data on their next transaction (no file swap
under their feet). PostgreSQL uses `pg_dump`/`pg_restore` (docs/storage.md).
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlalchemy import make_url

from vbestuur_store.db import SQLITE_BUSY_SECONDS

LOG = logging.getLogger("vbestuur_store.backup")


class BackupError(Exception):
    """A backup or restore cannot be done; `code` says why (no prose)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def sqlite_path(url: str) -> Path:
    """The database file of an SQLite URL; BackupError("not_sqlite") for another database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database \
            or parsed.database == ":memory:":
        raise BackupError("not_sqlite")
    return Path(parsed.database)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=SQLITE_BUSY_SECONDS, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
    return conn


def _check(conn: sqlite3.Connection) -> None:
    result = conn.execute("PRAGMA integrity_check").fetchone()
    if result is None or result[0] != "ok":
        raise BackupError("integrity")


def backup(url: str, target: Path) -> int:
    """Write a consistent copy of the database at `url` to `target`; return its page count."""
    source_path = sqlite_path(url)
    if not source_path.exists():
        raise BackupError("no_database")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source, copy = _connect(source_path), sqlite3.connect(partial, isolation_level=None)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
        _check(copy)
        pages = int(copy.execute("PRAGMA page_count").fetchone()[0])
    finally:
        copy.close()
        source.close()
    partial.replace(target)
    LOG.info("backup written: %d pages", pages)
    return pages


def restore(url: str, source_file: Path) -> int:
    """Replace the contents of the database at `url` by the backup `source_file`."""
    target_path = sqlite_path(url)
    if not source_file.is_file():
        raise BackupError("no_backup")
    source = sqlite3.connect(f"file:{source_file}?mode=ro", uri=True, isolation_level=None)
    try:
        _check(source)
        target = _connect(target_path)
        try:
            source.backup(target)
            _check(target)
            pages = int(target.execute("PRAGMA page_count").fetchone()[0])
        finally:
            target.close()
    finally:
        source.close()
    LOG.info("database restored from backup: %d pages", pages)
    return pages
