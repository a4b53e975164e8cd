"""The municipality profile: the griffie's own values for the open terms of rules/terms.yaml.

Why the store knows nothing about which terms exist: the engine owns the vocabulary
(rules/terms.yaml); the store keeps whatever term ids the app hands it, with who set them when,
and the app turns `get_profile()` into the engine's `LocalValues`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from vbestuur_store import audit
from vbestuur_store.db import Db
from vbestuur_store.errors import InvalidValue
from vbestuur_store.models import ProfileValueRow

AREA = "profile"
TERM_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
MAX_TEXT = 4000


@dataclass(frozen=True)
class ProfileValue:
    """A term's local value in both languages, and who set it when."""

    nl: str
    en: str
    updated_by: str
    updated_at: datetime

    def text(self) -> dict[str, str]:
        """`{"nl": …, "en": …}`, ready for the engine's `Text(**value.text())`."""
        return {"nl": self.nl, "en": self.en}


def _check_term(term_id: str) -> str:
    if not isinstance(term_id, str) or not TERM_RE.fullmatch(term_id):
        raise InvalidValue(field="term_id")
    return term_id


def _check_text(value: str, field: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
        raise InvalidValue(field=field)
    return value.strip()


def get_profile(db: Db) -> dict[str, ProfileValue]:
    """Every term the municipality has filled in, by term id."""
    with db.read() as session:
        rows = session.scalars(select(ProfileValueRow).order_by(ProfileValueRow.term_id)).all()
        return {r.term_id: ProfileValue(nl=r.nl, en=r.en, updated_by=r.updated_by,
                                        updated_at=r.updated_at) for r in rows}


def set_profile_value(db: Db, term_id: str, nl: str, en: str, actor: str) -> None:
    """Set a term's value (both languages are required: the engine's Text needs both)."""
    term_id, actor = _check_term(term_id), audit.check_actor(actor)
    nl, en = _check_text(nl, "nl"), _check_text(en, "en")
    now = db.now()
    with db.write() as session:
        db.lock(session, f"{AREA}:{term_id}")
        row = session.get(ProfileValueRow, term_id)
        old = (None, None) if row is None else (row.nl, row.en)
        stmt = db.insert(ProfileValueRow).values(term_id=term_id, nl=nl, en=en,
                                                 updated_by=actor, updated_at=now)
        session.execute(stmt.on_conflict_do_update(
            index_elements=["term_id"],
            set_={"nl": nl, "en": en, "updated_by": actor, "updated_at": now}))
        diffs = [(f, o, n) for f, o, n in (("nl", old[0], nl), ("en", old[1], en)) if o != n]
        audit.record(session, AREA, term_id, actor, now, diffs)


def clear_profile_value(db: Db, term_id: str, actor: str) -> None:
    """Remove the local value, so the national default text is used again."""
    term_id, actor = _check_term(term_id), audit.check_actor(actor)
    now = db.now()
    with db.write() as session:
        db.lock(session, f"{AREA}:{term_id}")
        row = session.get(ProfileValueRow, term_id)
        if row is None:
            return
        diffs: list[audit.Diff] = [("nl", row.nl, None), ("en", row.en, None)]
        session.execute(delete(ProfileValueRow).where(ProfileValueRow.term_id == term_id))
        audit.record(session, AREA, term_id, actor, now, diffs)


def profile_history(db: Db, term_id: str | None = None) -> list[audit.Change]:
    """Who changed which term when (one term, or all), oldest first."""
    return audit.history(db, AREA, None if term_id is None else _check_term(term_id))
