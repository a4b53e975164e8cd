"""The register's audit log and its sealed index key (issue 16).

Why an audit log of its own: the griffie's audit (audit.py) records changed *fields* with old
and new values; the register must record *reads* too (every detail the coordinator opens) and
must never write a value a person typed into the log. Rows here carry a code (`action`) and a
code or count (`detail`) only. An incident's rows go with it on withdrawal or purge; events
about no single incident (a decision, a purge) are kept for the retention period.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from vbestuur_store.db import Db
from vbestuur_store.models import ACTOR_LEN
from vbestuur_store.models_incidents import (
    IncidentAuditRow,
    IncidentRow,
    IncidentTextRow,
    RegisterKeyRow,
)

DETAIL_LEN = 200


@dataclass(frozen=True)
class AuditEntry:
    """One audited event."""

    incident_id: str | None
    actor: str
    action: str
    detail: str
    at: datetime


def add_event(session: Session, incident_id: str | None, actor: str, action: str,
              detail: str, at: datetime) -> None:
    """Add one audit row in the caller's transaction."""
    session.add(IncidentAuditRow(incident_id=incident_id, actor=actor[:ACTOR_LEN], action=action,
                                 detail=detail[:DETAIL_LEN], at=at))


def record(db: Db, incident_id: str | None, actor: str, action: str, detail: str = "") -> None:
    """Write one audit row in its own transaction (a read of a detail, a figures export)."""
    with db.write() as session:
        add_event(session, incident_id, actor, action, detail, db.now())


def events(db: Db, incident_id: str | None = None) -> list[AuditEntry]:
    """The audit trail of one incident (or the whole register), oldest first."""
    query = select(IncidentAuditRow)
    if incident_id is not None:
        query = query.where(IncidentAuditRow.incident_id == incident_id)
    with db.read() as session:
        rows = session.scalars(query.order_by(IncidentAuditRow.id)).all()
        return [AuditEntry(r.incident_id, r.actor, r.action, r.detail, r.at) for r in rows]


def purge_events(db: Db, before: datetime) -> int:
    """Delete audit rows about no single incident older than `before` (retention)."""
    with db.write() as session:
        result = session.execute(delete(IncidentAuditRow).where(
            IncidentAuditRow.incident_id.is_(None), IncidentAuditRow.at < before))
        return int(result.rowcount)  # type: ignore[attr-defined]


def sealed_index_key(db: Db) -> str | None:
    """The sealed index key, or None before the register was first opened."""
    with db.read() as session:
        row = session.get(RegisterKeyRow, 1)
        return None if row is None else row.sealed


def keep_index_key(db: Db, sealed: str) -> str:
    """Store the sealed index key unless another process stored one first; return the one
    that is stored (so two processes opening a new register agree on one key)."""
    with db.write() as session:
        db.lock(session, "register-key")
        row = session.get(RegisterKeyRow, 1)
        if row is None:
            session.add(RegisterKeyRow(id=1, sealed=sealed, created_at=db.now()))
            return sealed
        return row.sealed


def reseal_all(db: Db, reseal: Callable[[str], str]) -> int:
    """Key rotation: re-encrypt every sealed text (and the index key) in one transaction."""
    count = 0
    with db.write() as session:
        db.lock(session, "register-key")
        rows: list[IncidentRow | IncidentTextRow | RegisterKeyRow] = [
            *session.scalars(select(IncidentRow)), *session.scalars(select(IncidentTextRow)),
            *session.scalars(select(RegisterKeyRow))]
        for row in rows:
            row.sealed = reseal(row.sealed)
            count += 1
    return count
