"""A participant's phone's two hot paths: what it shows (the step on the screen and own answers)
and the checks before its vote is stored, each one small query.

Why its own read: every phone in the room polls this every few seconds to follow the facilitator
(vbestuur_app/workshop/participant.py), so forty phones ask it about thirteen times a second.
`room_view` counts the whole room's votes for the wall and `get_workshop` counts its
participants; a phone needs neither, only the room's state and this participant's own answers
to the step on the screen. So it is ONE query (the room by its unique code, joined by primary
key to its reveal of that step, to this participant and to his votes of that step), whatever
the size of the room. The rules are those of `find_row` and
`own_answers`: an unknown or expired code raises UnknownRoom or RoomExpired, a token that did not
join NotJoined, and a participant reads back only his own answers. A vote (forty of them in
one second when the facilitator opens a step) is checked by the same kind of query inside its
write transaction (`checked_voter`, used by `workshop_room.cast_vote`), on PostgreSQL with the
workshop row share-locked as `find_row(lock="share")` does, so a reveal waits for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Integer, String, bindparam, text
from sqlalchemy.orm import Session

from vbestuur_store.db import Db
from vbestuur_store.models import UTCDateTime
from vbestuur_store.models_workshop import ParticipantRow, RevealRow, VoteRow, WorkshopRow
from vbestuur_store.store import Store
from vbestuur_store.tokens import is_token
from vbestuur_store.workshop import normalise_room_code, participant_hash
from vbestuur_store.workshop_errors import (
    NotJoined,
    PollClosed,
    RoomExpired,
    StepRevealed,
    UnknownRoom,
    WorkshopEnded,
)

# Textual, with typed result columns: the same SELECT built with `select()` costs three times
# as much per call (its cache key is computed at every execution), and this read is the one
# every phone repeats. Only the models' table names are put into the text; every value is a
# bound parameter.
_PHONE_SQL = text(f"""
SELECT w.current_step, w.ended_at, w.expires_at, r.step_id, p.participant, v.question, v.answer
FROM {WorkshopRow.__tablename__} w
LEFT JOIN {RevealRow.__tablename__} r ON r.workshop_id = w.id AND r.step_id = w.current_step
LEFT JOIN {ParticipantRow.__tablename__} p
    ON p.workshop_id = w.id AND p.participant = :hashed
LEFT JOIN {VoteRow.__tablename__} v
    ON v.workshop_id = w.id AND v.participant = :hashed AND v.step_id = w.current_step
WHERE w.room_code = :room
ORDER BY v.question""").columns(  # noqa: S608 (table names only; values are bound)
    current_step=Integer, ended_at=UTCDateTime(), expires_at=UTCDateTime(), step_id=Integer,
    participant=String, question=String, answer=JSON)
_VOTER_SQL = f"""
SELECT w.id, w.current_step, w.ended_at, w.expires_at, r.step_id, p.participant
FROM {WorkshopRow.__tablename__} w
LEFT JOIN {RevealRow.__tablename__} r ON r.workshop_id = w.id AND r.step_id = w.current_step
LEFT JOIN {ParticipantRow.__tablename__} p
    ON p.workshop_id = w.id AND p.participant = :hashed
WHERE w.room_code = :room"""  # noqa: S608 (table names only; values are bound)
_VOTER_TYPES: dict[str, Any] = {"id": Integer, "current_step": Integer, "ended_at": UTCDateTime(),
                "expires_at": UTCDateTime(), "step_id": Integer, "participant": String}
_VOTER = {"sqlite": text(_VOTER_SQL).columns(**_VOTER_TYPES),
          "postgresql": text(_VOTER_SQL + " FOR SHARE OF w").columns(**_VOTER_TYPES)}


@dataclass(frozen=True)
class PhoneView:
    """The room as one participant's phone shows it; equal views draw the same page."""

    step: int  # the step on the screen
    ended: bool
    revealed: bool  # the step's figures are on the wall: its poll is closed
    answers: tuple[tuple[str, tuple[str, ...]], ...]  # (question, answer) for that step

    def answer(self, question: str) -> list[str] | None:
        """This participant's stored answer to `question` of the step, None if none."""
        return next((list(a) for q, a in self.answers if q == question), None)

_UPSERT_VOTE = text(f"""
INSERT INTO {VoteRow.__tablename__}
    (workshop_id, participant, step_id, question, answer, updated_at)
VALUES (:workshop_id, :participant, :step_id, :question, :answer, :updated_at)
ON CONFLICT (workshop_id, participant, step_id, question)
DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at
""").bindparams(  # noqa: S608 (the table name only; values are bound)
    bindparam("answer", type_=JSON), bindparam("updated_at", type_=UTCDateTime()))


def _room_and_hash(code: str, token: str) -> tuple[str, str]:
    """The canonical code (MalformedRoom if it cannot be one) and the token's stored form
    ("" for a string that is no token: it matches no participant)."""
    room = normalise_room_code(code)
    return room, participant_hash(room, token) if is_token(token) else ""


def checked_voter(db: Db, session: Session, code: str, token: str,
                  step_id: int) -> tuple[int, str]:
    """(workshop id, participant hash) when this participant may answer `step_id` now; in
    `cast_vote`'s order UnknownRoom, RoomExpired, WorkshopEnded, PollClosed (another step on
    the screen), StepRevealed, NotJoined otherwise."""
    room, hashed = _room_and_hash(code, token)
    found = session.connection().execute(_VOTER[db.dialect],
                                         {"room": room, "hashed": hashed}).first()
    if found is None:
        raise UnknownRoom()
    if found.expires_at <= db.now():
        raise RoomExpired()
    if found.ended_at is not None:
        raise WorkshopEnded()
    if step_id != found.current_step:
        raise PollClosed()
    if found.step_id is not None:
        raise StepRevealed()
    if found.participant is None:
        raise NotJoined()
    return int(found.id), hashed


def store_vote(db: Db, session: Session, voter: tuple[int, str], step_id: int,
               question: str, answer: list[str]) -> None:
    """Store (or replace) the checked voter's answer; the same statement on SQLite and
    PostgreSQL (both have INSERT ... ON CONFLICT DO UPDATE)."""
    session.connection().execute(_UPSERT_VOTE, {
        "workshop_id": voter[0], "participant": voter[1], "step_id": step_id,
        "question": question, "answer": answer, "updated_at": db.now()})


def phone_view(store: Store, code: str, token: str) -> PhoneView:
    """The phone's view of the room (see the module docstring for the errors)."""
    db, (room, hashed) = store.db, _room_and_hash(code, token)
    with db.read() as session:
        rows = session.connection().execute(_PHONE_SQL, {"room": room, "hashed": hashed}).all()
        now = db.now()
    if not rows:
        raise UnknownRoom()
    first = rows[0]
    if first.expires_at <= now:
        raise RoomExpired()
    if first.participant is None:
        raise NotJoined()
    answers = tuple((r.question, tuple(r.answer)) for r in rows if r.question is not None)
    return PhoneView(first.current_step, first.ended_at is not None,
                     first.step_id is not None, answers)
