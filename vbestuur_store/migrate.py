"""Schema versioning with Alembic, run from code: the app upgrades an older database on start.

Why programmatic (no alembic.ini): an operator should never have to run a migration by hand;
`open_store()` calls `upgrade_to_head()`. The whole upgrade runs in one transaction — on SQLite
a `BEGIN IMMEDIATE`, on PostgreSQL with an advisory lock — so two app processes starting at the
same time migrate once, and a crash half-way leaves the old schema intact.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import Connection

from vbestuur_store.db import WRITE_OPTION
from vbestuur_store.deadline import NO_DEADLINE

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
ADVISORY_LOCK_KEY = 0x76_62_65_73  # "vbes"
LOG = logging.getLogger("vbestuur_store.migrate")


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations, optionally bound to a connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision this code knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database).

    Read with plain SQL: importing Alembic costs a third of a second of app start-up, and on
    almost every start the database is already current.
    """
    with engine.connect() as conn:
        return _revision_in(conn)


def upgrade_to(engine: Engine, revision: str) -> None:
    """Upgrade the database to `revision` in one locked transaction; log one line per step.

    The statement timeout and the client-side deadline of ordinary requests (db.py,
    deadline.py) are lifted for this transaction: a migration that rewrites a big table, or a
    second process waiting for the first one's migration, must not be cut off half-way.
    """
    from alembic import command

    options = {WRITE_OPTION: True, NO_DEADLINE: True}
    with engine.execution_options(**options).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL statement_timeout = 0"))
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
        before = _revision_in(conn)
        command.upgrade(alembic_config(conn), revision)
        after = _revision_in(conn)
    if before != after:
        LOG.info("database migrated from revision %s to %s", before or "(empty)", after)


def _revision_in(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return str(rows[0]) if len(rows) == 1 else None


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database to the newest schema; a no-op when it is already there."""
    if current_revision(engine) != HEAD_REVISION:
        upgrade_to(engine, "head")


# The newest migration's id, known without importing Alembic; a test keeps it equal to
# `head_revision()`, so a new migration cannot be forgotten here.
HEAD_REVISION = "0006"
