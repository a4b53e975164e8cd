"""The incident register's rows: insert, read, change status, delete (issue 16).

Why the store only moves opaque text: identifying fields arrive sealed and the owner and
identifiers arrive as keyed hashes (the service's crypto.py); nothing here can decrypt them,
so a bug or a debug log in this layer cannot leak who did what to whom.
Why one transaction per call: a registration, its index rows and its audit row are written
together or not at all; a withdrawal removes all of them together.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from vbestuur_store.db import Db
from vbestuur_store.incidents_audit import add_event
from vbestuur_store.incidents_signals import forget_members
from vbestuur_store.models import ACTOR_LEN
from vbestuur_store.models_incidents import (
    IncidentAuditRow,
    IncidentIdentifierRow,
    IncidentRow,
    IncidentTextRow,
)


@dataclass(frozen=True)
class StoredIncident:
    """One incident row as stored: facts in clear, `sealed` opaque."""

    id: str
    owner: str
    occurred_at: datetime
    channel: str
    forms: tuple[str, ...]
    role: str
    status: str
    reported: str
    vpt_code_asked: bool | None
    named: bool
    keep_until: date
    created_at: datetime
    sealed: str


@dataclass(frozen=True)
class StoredText:
    """An addition or a note, sealed."""

    incident_id: str
    kind: str
    author: str
    at: datetime
    sealed: str


def _stored(row: IncidentRow) -> StoredIncident:
    return StoredIncident(id=row.id, owner=row.owner, occurred_at=row.occurred_at,
                          channel=row.channel, forms=tuple(row.forms), role=row.role,
                          status=row.status, reported=row.reported,
                          vpt_code_asked=row.vpt_code_asked, named=row.named,
                          keep_until=row.keep_until, created_at=row.created_at, sealed=row.sealed)


def new_incident_id() -> str:
    """A random id (128 bits, hex): says nothing about the order or time of registration."""
    return secrets.token_hex(16)


def insert_incident(db: Db, incident: StoredIncident,
                    identifiers: Sequence[tuple[str, str]]) -> None:
    """Store one incident with its identifier hashes and a "registered" audit row."""
    with db.write() as session:
        session.add(IncidentRow(**{f: getattr(incident, f) for f in _FIELDS}))
        session.flush()
        session.add_all(IncidentIdentifierRow(incident_id=incident.id, kind=kind, digest=digest)
                        for kind, digest in sorted(set(identifiers)))
        add_event(session, incident.id, "owner", "registered", "", db.now())


_FIELDS = ("id", "owner", "occurred_at", "channel", "role", "status", "reported",
           "vpt_code_asked", "named", "keep_until", "created_at", "sealed", "forms")


def incident(db: Db, incident_id: str) -> StoredIncident | None:
    """One incident, or None when there is none with that id."""
    with db.read() as session:
        row = session.get(IncidentRow, incident_id)
        return None if row is None else _stored(row)


def owned(db: Db, owner: str) -> list[StoredIncident]:
    """The incidents of one owner hash, newest first."""
    query = select(IncidentRow).where(IncidentRow.owner == owner)
    with db.read() as session:
        rows = session.scalars(query.order_by(IncidentRow.occurred_at.desc())).all()
        return [_stored(r) for r in rows]


def incidents(db: Db, since: date | None = None, status: str | None = None) -> list[StoredIncident]:
    """All incidents (optionally from a date, with a status), newest first."""
    query = select(IncidentRow)
    if status is not None:
        query = query.where(IncidentRow.status == status)
    with db.read() as session:
        rows = session.scalars(query.order_by(IncidentRow.occurred_at.desc())).all()
        found = [_stored(r) for r in rows]
    return [i for i in found if since is None or i.occurred_at.date() >= since]


def set_status(db: Db, incident_id: str, status: str, actor: str) -> bool:
    """Change the status (audited); False when the incident does not exist."""
    with db.write() as session:
        done = session.execute(update(IncidentRow).where(IncidentRow.id == incident_id)
                               .values(status=status)).rowcount  # type: ignore[attr-defined]
        if done:
            add_event(session, incident_id, actor, "status", status, db.now())
        return bool(done)


def add_text(db: Db, text: StoredText, actor: str) -> bool:
    """Add an addition or note (audited); False when the incident does not exist."""
    with db.write() as session:
        if session.get(IncidentRow, text.incident_id) is None:
            return False
        session.add(IncidentTextRow(incident_id=text.incident_id, kind=text.kind,
                                    author=text.author[:ACTOR_LEN], at=text.at,
                                    sealed=text.sealed))
        add_event(session, text.incident_id, actor, "added" if text.kind == "addition"
                  else "note", "", db.now())
        return True


def texts(db: Db, incident_id: str) -> list[StoredText]:
    """The additions and notes of one incident, oldest first."""
    query = select(IncidentTextRow).where(IncidentTextRow.incident_id == incident_id)
    with db.read() as session:
        rows = session.scalars(query.order_by(IncidentTextRow.id)).all()
        return [StoredText(r.incident_id, r.kind, r.author, r.at, r.sealed) for r in rows]


def delete_incidents(db: Db, ids: Sequence[str], actor: str, action: str) -> int:
    """Delete incidents with everything that hangs off them; drop them from signal decisions
    (a decision left with fewer than two incidents goes too). One audit row without id."""
    if not ids:
        return 0
    with db.write() as session:
        count = _delete(session, list(ids))
        if count:
            add_event(session, None, actor, action, str(count), db.now())
    db.scrub()
    return count


def _delete(session: Session, ids: list[str]) -> int:
    for table in (IncidentTextRow, IncidentIdentifierRow):  # explicit: SQLite FKs may be off
        session.execute(delete(table).where(table.incident_id.in_(ids)))
    session.execute(delete(IncidentAuditRow).where(IncidentAuditRow.incident_id.in_(ids)))
    forget_members(session, ids)
    result = session.execute(delete(IncidentRow).where(IncidentRow.id.in_(ids)))
    return int(result.rowcount)  # type: ignore[attr-defined]


def expired(db: Db, today: date) -> list[str]:
    """The ids of incidents whose keep-until date has passed."""
    with db.read() as session:
        return list(session.scalars(select(IncidentRow.id)
                                    .where(IncidentRow.keep_until < today)).all())
