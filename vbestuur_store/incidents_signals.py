"""The pattern signal's stored parts: the identifier index and the coordinator's decisions.

Why the index holds only keyed hashes: "two incidents name the same handle" is an equality of
hashes, found with one query and no decryption. Why decisions keep their members: a signal
is a group of incidents that changes as incidents arrive, are withdrawn or expire; the service
compares today's groups with the decided ones (see vbestuur_service/incidents/signals.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from vbestuur_store.db import Db
from vbestuur_store.incidents_audit import add_event
from vbestuur_store.models import ACTOR_LEN
from vbestuur_store.models_incidents import IncidentIdentifierRow, SignalDecisionRow


@dataclass(frozen=True)
class Decision:
    """A remembered decision on one signal."""

    signal_id: str
    members: tuple[str, ...]
    decision: str
    decided_by: str
    decided_at: datetime


def identifiers(db: Db) -> list[tuple[str, str, str]]:
    """Every (incident id, kind, digest) of the index."""
    query = select(IncidentIdentifierRow.incident_id, IncidentIdentifierRow.kind,
                   IncidentIdentifierRow.digest)
    with db.read() as session:
        return [(str(a), str(b), str(c)) for a, b, c in session.execute(query).all()]


def decisions(db: Db) -> list[Decision]:
    """Every remembered decision, oldest first."""
    with db.read() as session:
        rows = session.scalars(select(SignalDecisionRow)
                               .order_by(SignalDecisionRow.decided_at)).all()
        return [Decision(r.signal_id, tuple(r.members), r.decision, r.decided_by, r.decided_at)
                for r in rows]


def decide(db: Db, signal_id: str, members: Sequence[str], decision: str, actor: str) -> None:
    """Remember (or replace) the decision on one signal; audited without incident id."""
    with db.write() as session:
        db.lock(session, f"signal:{signal_id}")
        row = session.get(SignalDecisionRow, signal_id)
        if row is None:
            row = SignalDecisionRow(signal_id=signal_id)
            session.add(row)
        row.members, row.decision = sorted(members), decision
        row.decided_by, row.decided_at = actor[:ACTOR_LEN], db.now()
        add_event(session, None, actor, "decided", f"{signal_id[:16]}:{decision}", db.now())


def forget_members(session: Session, ids: Sequence[str]) -> None:
    """Drop deleted incidents from every decision; a decision that no longer covers two
    incidents supported only them and goes."""
    gone = set(ids)
    for row in session.scalars(select(SignalDecisionRow)).all():
        left = [m for m in row.members if m not in gone]
        if len(left) == len(row.members):
            continue
        if len(left) < 2:
            session.execute(delete(SignalDecisionRow)
                            .where(SignalDecisionRow.signal_id == row.signal_id))
        else:
            row.members = left
