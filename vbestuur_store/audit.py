"""The audit trail: who changed which field of which item, when, from what to what.

Why one table for the profile and the organisation view: the griffie keeps both up to date over
months and by several people; "who changed this, and what was it before?" is the same question
for both, and one table answers it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from vbestuur_store.db import Db
from vbestuur_store.errors import InvalidValue
from vbestuur_store.models import ACTOR_LEN, AuditRow

Diff = tuple[str, str | None, str | None]


@dataclass(frozen=True)
class Change:
    """One audited change of one field."""

    item: str
    field: str
    old: str | None
    new: str | None
    actor: str
    at: datetime


def check_actor(actor: str) -> str:
    """Every change needs a name (or role) of who made it."""
    if not isinstance(actor, str) or not actor.strip() or len(actor) > ACTOR_LEN:
        raise InvalidValue(field="actor")
    return actor.strip()


def record(session: Session, area: str, item: str, actor: str, at: datetime,
           diffs: Sequence[Diff]) -> None:
    """Add one audit row per changed field, in the caller's transaction."""
    session.add_all(AuditRow(area=area, item=item, field=field, old=old, new=new, actor=actor,
                             at=at) for field, old, new in diffs)


def history(db: Db, area: str, item: str | None = None) -> list[Change]:
    """The changes in `area` (of one `item`, or all), oldest first."""
    query = select(AuditRow).where(AuditRow.area == area)
    if item is not None:
        query = query.where(AuditRow.item == item)
    with db.read() as session:
        rows = session.scalars(query.order_by(AuditRow.id)).all()
        return [Change(item=r.item, field=r.field, old=r.old, new=r.new, actor=r.actor,
                       at=r.at) for r in rows]
