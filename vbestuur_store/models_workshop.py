"""The workshop tables: one row per workshop, its anonymous participants and their votes.

Why apart from models.py: workshop mode was built next to the storage layer, not inside it;
the tables share `Base` (and so the naming convention and the migration check), and are
created by revision 0003.

Why these tables:
- Workshop data is not personal data of a session: nobody in a workshop has a cookie session,
  so nothing here hangs off `sessions`. A participant is a random per-workshop token, stored
  only as its SHA-256 (`participant`), so even a copy of the database cannot be used to vote
  as someone else. The column is deliberately not called `token`.
- Participants and votes hang off `workshops.id` with ON DELETE CASCADE: deleting a workshop
  (by the facilitator, or when it expires) is one delete that cannot miss an answer.
- The primary key of a vote is (workshop, participant, step, question): the database itself
  allows one answer per participant per question; a changed answer replaces the old one.
- `k` has a CHECK of at least 3, so no code path can store a threshold that singles people out.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from vbestuur_store.models import Base, UTCDateTime

CODE_LEN = 6
HASH_LEN = 64
QUESTION_LEN = 16
MIN_K = 3


class WorkshopRow(Base):
    """One workshop: its room code, facilitator PIN hash, steps, threshold and state."""

    __tablename__ = "workshops"
    __table_args__ = (CheckConstraint(f"k >= {MIN_K}", name="k_min"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    room_code: Mapped[str] = mapped_column(String(CODE_LEN), unique=True)
    pin_hash: Mapped[str] = mapped_column(String(128))
    pin_salt: Mapped[str] = mapped_column(String(64))
    kdf: Mapped[str] = mapped_column(String(64))
    failures: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    steps: Mapped[list[int]] = mapped_column(JSON)
    k: Mapped[int] = mapped_column(Integer)
    current_step: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    max_participants: Mapped[int | None] = mapped_column(Integer)  # None: no maximum (0005)


def _workshop_fk() -> Mapped[int]:
    return mapped_column(Integer, ForeignKey("workshops.id", ondelete="CASCADE"),
                         primary_key=True)


class ParticipantRow(Base):
    """Someone who joined: only the hash of their random per-workshop token."""

    __tablename__ = "workshop_participants"

    workshop_id: Mapped[int] = _workshop_fk()
    participant: Mapped[str] = mapped_column(String(HASH_LEN), primary_key=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime())


class VoteRow(Base):
    """One participant's current answer to one question of one step (a list of values)."""

    __tablename__ = "workshop_votes"

    workshop_id: Mapped[int] = _workshop_fk()
    participant: Mapped[str] = mapped_column(String(HASH_LEN), primary_key=True)
    step_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    question: Mapped[str] = mapped_column(String(QUESTION_LEN), primary_key=True)
    answer: Mapped[list[str]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class RevealRow(Base):
    """The figures of one step as they stood when the facilitator revealed them (0005).

    Why a stored copy: the room only ever sees these figures, and the step's poll is closed from
    then on, so no later vote or change can move a figure on the wall (docs/workshop.md).
    """

    __tablename__ = "workshop_reveals"

    workshop_id: Mapped[int] = _workshop_fk()
    step_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    results: Mapped[dict[str, dict[str, object]]] = mapped_column(JSON)
    revealed_at: Mapped[datetime] = mapped_column(UTCDateTime())


WORKSHOP_TABLES = ("workshops", "workshop_participants", "workshop_votes", "workshop_reveals")
