"""The griffie's organisation view: status, owner, due date and note per guideline step.

Why the store takes the step ids from the app: which steps belong to the organisation is
content (rules/steps.yaml, role "organisatie"), owned by the engine. The store keeps a row per
step that was ever edited and reports unedited steps as "open". Every change is audited, and a
`version` counter lets the app refuse to overwrite an edit it has not seen (StaleItem).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from vbestuur_store import audit
from vbestuur_store.db import Db
from vbestuur_store.errors import InvalidValue, StaleItem
from vbestuur_store.models import ACTOR_LEN, OrgItemRow

AREA = "org"
STATUSES = ("open", "deels", "geregeld", "nvt")
FIELDS = ("status", "owner", "due", "note")
STEP_MIN, STEP_MAX = 1, 21
MAX_NOTE = 4000


@dataclass(frozen=True)
class OrgItem:
    """The organisation's state of one step; `version` 0 means never edited."""

    step_id: int
    status: str = "open"
    owner: str | None = None
    due: date | None = None
    note: str = ""
    updated_by: str | None = None
    updated_at: datetime | None = None
    version: int = 0


def _check_step(step_id: int) -> int:
    if isinstance(step_id, bool) or not isinstance(step_id, int) \
            or not STEP_MIN <= step_id <= STEP_MAX:
        raise InvalidValue(field="step_id")
    return step_id


def _check_change(field: str, value: object) -> object:
    """Validate one requested change; return the value to store."""
    if field == "status" and value in STATUSES:
        return value
    if field == "owner" and value is None:
        return None
    if field == "owner" and isinstance(value, str) and len(value.strip()) <= ACTOR_LEN:
        return value.strip() or None
    if field == "due" and (value is None or (isinstance(value, date)
                                             and not isinstance(value, datetime))):
        return value
    if field == "note" and isinstance(value, str) and len(value) <= MAX_NOTE:
        return value
    raise InvalidValue(field=field)


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _to_item(row: OrgItemRow) -> OrgItem:
    return OrgItem(step_id=row.step_id, status=row.status, owner=row.owner, due=row.due,
                   note=row.note, updated_by=row.updated_by, updated_at=row.updated_at,
                   version=row.version)


def org_items(db: Db, step_ids: Iterable[int] | None = None) -> list[OrgItem]:
    """The state of the given steps (unedited ones as "open"), or of all edited steps."""
    with db.read() as session:
        rows = {r.step_id: _to_item(r) for r in session.scalars(select(OrgItemRow)).all()}
    wanted = sorted(rows) if step_ids is None else [_check_step(s) for s in step_ids]
    return [rows.get(step_id, OrgItem(step_id=step_id)) for step_id in wanted]


def _apply(row: OrgItemRow, changes: Mapping[str, object]) -> list[audit.Diff]:
    """Set the changed fields on the row; return (field, old, new) for each real change."""
    diffs: list[audit.Diff] = []
    for field, value in changes.items():
        old = getattr(row, field)
        if old != value:
            diffs.append((field, _as_text(old), _as_text(value)))
            setattr(row, field, value)
    return diffs


def update_org_item(db: Db, step_id: int, actor: str, changes: Mapping[str, object],
                    expected_version: int | None = None) -> OrgItem:
    """Change some of status/owner/due/note of a step; audit each changed field.

    Pass `expected_version` (the version the person saw) to get StaleItem instead of silently
    overwriting someone else's edit; without it the last writer wins, but nothing is lost from
    the audit trail.
    """
    step_id, actor = _check_step(step_id), audit.check_actor(actor)
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise InvalidValue(field=sorted(unknown)[0])
    clean = {field: _check_change(field, value) for field, value in changes.items()}
    now = db.now()
    with db.write() as session:
        db.lock(session, f"{AREA}:{step_id}")
        row = session.get(OrgItemRow, step_id)
        is_new = row is None
        if row is None:
            row = OrgItemRow(step_id=step_id, status="open", owner=None, due=None, note="",
                             updated_by=actor, updated_at=now, version=0)
        if expected_version is not None and row.version != expected_version:
            raise StaleItem()
        diffs = _apply(row, clean)
        if not diffs:
            return OrgItem(step_id=step_id) if is_new else _to_item(row)
        if is_new:
            session.add(row)
        row.version += 1
        row.updated_by, row.updated_at = actor, now
        audit.record(session, AREA, str(step_id), actor, now, diffs)
        session.flush()
        return _to_item(row)


def org_history(db: Db, step_id: int | None = None) -> list[audit.Change]:
    """Who changed what when, for one step or all steps, oldest first."""
    return audit.history(db, AREA, None if step_id is None else str(_check_step(step_id)))
