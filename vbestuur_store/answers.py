"""A person's answers, per-session documents and readiness history, all under their token.

The rows are keyed by the token's SHA-256 (see sessions.py), never by the token itself.

Why JSON blobs per flow (not one row per question): a flow's answers are read and written as a
whole by the app, the engine validates them, and one upsert per save keeps every save atomic —
after a crash the stored answers are always one complete earlier save, never a mix.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from vbestuur_store.db import Db
from vbestuur_store.errors import InvalidValue
from vbestuur_store.models import AnswerRow, DocumentRow, ReadinessRow
from vbestuur_store.sessions import lock_session, require_session

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MAX_JSON_BYTES = 256 * 1024


@dataclass(frozen=True)
class ReadinessEntry:
    """One dated readiness result: a score per phase (e.g. vooraf/tijdens/erna)."""

    when: datetime
    scores: dict[str, float]


def _check_id(value: str, field: str) -> str:
    if not isinstance(value, str) or not ID_RE.fullmatch(value):
        raise InvalidValue(field=field)
    return value


def _check_json(value: Any, field: str) -> Any:
    """Refuse what is not plain JSON or is unreasonably large (a full disk helps nobody)."""
    try:
        encoded = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        raise InvalidValue(field=field) from None
    if len(encoded.encode("utf-8")) > MAX_JSON_BYTES:
        raise InvalidValue(field=field)
    return json.loads(encoded)


def save_answers(db: Db, token: str, flow_id: str, answers: dict[str, Any]) -> None:
    """Replace the stored answers of one flow (an upsert in one short transaction)."""
    _check_id(flow_id, "flow_id")
    if not isinstance(answers, dict):
        raise InvalidValue(field="answers")
    data = _check_json(answers, "answers")
    now = db.now()
    with db.write() as session:
        key = lock_session(session, token, now)
        stmt = db.insert(AnswerRow).values(token=key, flow_id=flow_id, data=data,
                                           updated_at=now)
        session.execute(stmt.on_conflict_do_update(
            index_elements=["token", "flow_id"], set_={"data": data, "updated_at": now}))


def load_answers(db: Db, token: str) -> dict[str, dict[str, Any]]:
    """All stored answers of the session, by flow id; UnknownToken if the session is gone."""
    with db.read() as session:
        key = require_session(session, token)
        rows = session.execute(select(AnswerRow.flow_id, AnswerRow.data)
                               .where(AnswerRow.token == key)).all()
    return {row.flow_id: dict(row.data) for row in rows}


def save_document(db: Db, token: str, kind: str, data: Any) -> None:
    """Store a JSON document of some `kind` for the session (e.g. "netwerklijst")."""
    _check_id(kind, "kind")
    value = _check_json(data, "data")
    now = db.now()
    with db.write() as session:
        key = lock_session(session, token, now)
        stmt = db.insert(DocumentRow).values(token=key, kind=kind, data=value, updated_at=now)
        session.execute(stmt.on_conflict_do_update(
            index_elements=["token", "kind"], set_={"data": value, "updated_at": now}))


def load_document(db: Db, token: str, kind: str) -> Any | None:
    """The stored document of that kind, or None if there is none."""
    _check_id(kind, "kind")
    with db.read() as session:
        key = require_session(session, token)
        row = session.get(DocumentRow, (key, kind))
        return None if row is None else row.data


def _check_scores(scores: dict[str, float]) -> dict[str, float]:
    if not isinstance(scores, dict) or not scores:
        raise InvalidValue(field="scores")
    clean: dict[str, float] = {}
    for phase, value in scores.items():
        if not isinstance(phase, str) or isinstance(value, bool) \
                or not isinstance(value, int | float) or value != value:
            raise InvalidValue(field="scores")
        clean[phase] = float(value)
    return clean


def record_readiness(db: Db, token: str, flow_id: str, scores: dict[str, float],
                     when: datetime | None = None) -> None:
    """Keep one readiness result with its date, so the next check can show progress."""
    _check_id(flow_id, "flow_id")
    clean = _check_scores(scores)
    now = db.now()
    with db.write() as session:
        key = lock_session(session, token, now)
        session.add(ReadinessRow(token=key, flow_id=flow_id, taken_at=when or now,
                                 scores=clean))


def readiness_history(db: Db, token: str, flow_id: str) -> list[ReadinessEntry]:
    """The session's readiness results for `flow_id`, oldest first."""
    _check_id(flow_id, "flow_id")
    with db.read() as session:
        key = require_session(session, token)
        rows = session.execute(
            select(ReadinessRow.taken_at, ReadinessRow.scores)
            .where(ReadinessRow.token == key, ReadinessRow.flow_id == flow_id)
            .order_by(ReadinessRow.taken_at, ReadinessRow.id)).all()
    return [ReadinessEntry(when=row.taken_at, scores=dict(row.scores)) for row in rows]
