"""Helpers of the register tests: a fixed time, a key, staff identities and a valid draft."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from sqlalchemy import Engine, MetaData, select

from vbestuur_service.incidents import IncidentDraft, Perpetrator
from vbestuur_service.incidents.crypto import new_key
from vbestuur_service.staff import StaffIdentity

KEY = new_key()
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
REGISTER_TABLES = ("incidents", "incident_texts", "incident_identifiers",
                   "incident_decisions", "incident_audit", "register_keys")


def staff(*roles: str, name: str = "coordinator-anna", minutes: float = 30) -> StaffIdentity:
    return StaffIdentity(name=name, roles=frozenset(roles), until=time.time() + minutes * 60)


COORDINATOR = staff("coordinator")


def draft(**changes: object) -> IncidentDraft:
    """A valid draft a day before NOW; keyword changes override fields."""
    values: dict[str, object] = {
        "occurred_at": NOW - dt.timedelta(days=1), "channel": "online", "platform": "X",
        "forms": ("bedreiging",), "named": False, "role": "wethouder",
        "perpetrator": Perpetrator()}
    return IncidentDraft(**(values | changes))  # type: ignore[arg-type]


def rows(engine: Engine, table: str) -> list[tuple[object, ...]]:
    """Every row of one table, reflected from the database (not from the models)."""
    meta = MetaData()
    meta.reflect(engine, only=[table])
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(meta.tables[table]))]


def sqlite_bytes(url: str) -> bytes:
    """The SQLite database file and its side files (-wal, -shm), as bytes."""
    path = Path(url.removeprefix("sqlite:///"))
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))
