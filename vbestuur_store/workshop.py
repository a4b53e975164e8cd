"""Workshop mode (issue 6): a facilitator walks a room through the steps with anonymous polls.

Why the rules are enforced here and not in the pages:
- Room codes are 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), read
  from a wall and typed on a phone. They are unique among all stored workshops (a UNIQUE
  constraint), and expired workshops are purged before a new code is drawn, so every active
  workshop has its own code.
- The facilitator PIN is stored as scrypt, like the griffie PIN, and wrong attempts are counted
  per workshop in the database (backoff as in pin.py), so a participant who guesses is slowed
  down whatever process or tab he uses.
- A participant is one device in one room: the SHA-256 of (room code, the device's HttpOnly
  cookie token), so a reload, a second tab or a reopened browser is the same participant
  (issue 13); the database cannot link the row to the visitor's session row. A facilitator
  may set a maximum of participants. One answer per participant per question is the primary
  key of `workshop_votes`, and a new answer replaces the old one in one upsert, so 40 people
  answering at once can neither lose nor double a vote.
- Answers are accepted only for the step on the screen while the workshop runs; the workshop
  row is share-locked while a vote is written, so "end" or "next step" waits for votes in
  flight and no vote slips in after.
- Workshops expire after VBESTUUR_WORKSHOP_DAYS (default 7) and are then deleted with all
  answers; the facilitator can delete earlier with one action.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from vbestuur_store.db import Db
from vbestuur_store.errors import InvalidValue, Locked, WeakPin, WrongPin
from vbestuur_store.models_workshop import (
    CODE_LEN,
    ParticipantRow,
    RevealRow,
    VoteRow,
    WorkshopRow,
)
from vbestuur_store.pin import (
    MAX_LENGTH,
    MIN_LENGTH,
    SCRYPT_MAXMEM,
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    lock_seconds,
)
from vbestuur_store.store import Store
from vbestuur_store.workshop_errors import MalformedRoom, RoomExpired, UnknownRoom
from vbestuur_store.workshop_polls import check_k
from vbestuur_store.workshop_settings import workshop_days

ROOM_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
DEFAULT_K = 5
STEP_MIN, STEP_MAX = 1, 21
CODE_TRIES = 20
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.]+")
T = TypeVar("T")


@dataclass(frozen=True)
class Workshop:
    """What anyone with the room code may know about a workshop (no PIN, no answers)."""

    code: str
    steps: tuple[int, ...]
    k: int
    current_step: int
    created_at: datetime
    expires_at: datetime
    ended: bool
    participants: int
    max_participants: int | None = None




def new_room_code() -> str:
    """A random room code, e.g. `K7QM3X` (30^6 ≈ 729 million possibilities)."""
    return "".join(secrets.choice(ROOM_ALPHABET) for _ in range(CODE_LEN))


def normalise_room_code(typed: object) -> str:
    """The canonical form of a typed code: case, spaces and dashes forgiven, O read as 0 is
    not (0 is not in the alphabet), anything else raises MalformedRoom before the database."""
    if not isinstance(typed, str) or len(typed) > 40:
        raise MalformedRoom()
    code = _SEPARATORS.sub("", typed).upper()
    if len(code) != CODE_LEN or any(c not in ROOM_ALPHABET for c in code):
        raise MalformedRoom()
    return code


def participant_hash(code: str, token: str) -> str:
    """The stored form of a device's token in one room (the room code salts it, so the same
    device is a different, unlinkable participant in every workshop)."""
    return hashlib.sha256(f"workshop:{code}:{token}".encode()).hexdigest()


def check_steps(steps: Iterable[int]) -> list[int]:
    """The chosen steps in guideline order; InvalidValue if empty or out of 1–21."""
    chosen = list(steps)
    if not chosen or any(isinstance(s, bool) or not isinstance(s, int)
                         or not STEP_MIN <= s <= STEP_MAX for s in chosen):
        raise InvalidValue(field="steps")
    return sorted(set(chosen))


def _derive(pin: str, salt: bytes, kdf: str) -> bytes:
    """scrypt with the parameters recorded next to the hash (the griffie PIN's parameters)."""
    _name, n, r, p = kdf.split(":")
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=int(n), r=int(r), p=int(p),
                          maxmem=SCRYPT_MAXMEM, dklen=32)


def _pin_matches(row: WorkshopRow, pin: object) -> bool:
    if not isinstance(pin, str) or not pin or len(pin) > MAX_LENGTH:
        return False
    digest = _derive(pin, bytes.fromhex(row.pin_salt), row.kdf)
    return hmac.compare_digest(digest, bytes.fromhex(row.pin_hash))


def to_workshop(session: Session, row: WorkshopRow) -> Workshop:
    count = session.scalar(select(func.count()).select_from(ParticipantRow)
                           .where(ParticipantRow.workshop_id == row.id)) or 0
    return Workshop(code=row.room_code, steps=tuple(row.steps), k=row.k,
                    current_step=row.current_step, created_at=row.created_at,
                    expires_at=row.expires_at, ended=row.ended_at is not None,
                    participants=int(count), max_participants=row.max_participants)


def check_max(value: object) -> int | None:
    """A maximum of participants: None (no maximum) or a whole number from 1 to 1000."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
        raise InvalidValue(field="max_participants")
    return value


def create_workshop(store: Store, pin: str, steps: Iterable[int], *, k: int = DEFAULT_K,
                    days: int | None = None, max_participants: int | None = None) -> Workshop:
    """Start a workshop over `steps` with threshold `k` (at least 3) and at most
    `max_participants` devices (None: no maximum); return it with its code."""
    db, chosen, k = store.db, check_steps(steps), check_k(k)
    most = check_max(max_participants)
    if not isinstance(pin, str) or not MIN_LENGTH <= len(pin) <= MAX_LENGTH:
        raise WeakPin(min_length=MIN_LENGTH, max_length=MAX_LENGTH)
    days = workshop_days() if days is None else days
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise InvalidValue(field="days")
    salt, kdf = secrets.token_bytes(16), f"scrypt:{SCRYPT_N}:{SCRYPT_R}:{SCRYPT_P}"
    digest = _derive(pin, salt, kdf)
    purge_expired_workshops(store)
    now = db.now()
    with db.write() as session:
        db.lock(session, "workshop:codes")
        row = WorkshopRow(room_code=_free_code(session), pin_hash=digest.hex(),
                          pin_salt=salt.hex(), kdf=kdf,
                          failures=0, locked_until=None, steps=chosen, k=k,
                          current_step=chosen[0], created_at=now,
                          expires_at=now + timedelta(days=days), ended_at=None,
                          max_participants=most)
        session.add(row)
        session.flush()
        return to_workshop(session, row)


def _free_code(session: Session) -> str:
    for _ in range(CODE_TRIES):
        code = new_room_code()
        if session.scalar(select(WorkshopRow.id).where(WorkshopRow.room_code == code)) is None:
            return code
    raise RuntimeError("no free room code found")  # ~impossible: 729 million codes


def find_row(db: Db, session: Session, code: str, *, lock: str | None = None) -> WorkshopRow:
    """The workshop row for a typed code, optionally locked ("share" or "update").

    Raises MalformedRoom, UnknownRoom or RoomExpired (expired rows are never used, even in the
    moments before the purge removes them).
    """
    query = select(WorkshopRow).where(WorkshopRow.room_code == normalise_room_code(code))
    if lock is not None and db.dialect == "postgresql":
        query = query.with_for_update(read=lock == "share")
    row = session.scalars(query).first()
    if row is None:
        raise UnknownRoom()
    if row.expires_at <= db.now():
        raise RoomExpired()
    return row


def get_workshop(store: Store, code: str) -> Workshop:
    """The public state of a workshop: steps, current step, whether it ended, how many joined."""
    with store.db.read() as session:
        return to_workshop(session, find_row(store.db, session, code))


def as_facilitator(store: Store, code: str, pin: str,
                   action: Callable[[Session, WorkshopRow], T]) -> T:
    """Run `action` on the locked workshop row if `pin` is its facilitator PIN.

    A wrong PIN is counted (and committed) before WrongPin is raised; after FREE_ATTEMPTS
    failures every further try locks the workshop's PIN checks for longer (Locked).
    """
    db = store.db
    now = db.now()
    with db.write() as session:
        row = find_row(db, session, code, lock="update")
        if row.locked_until is not None and row.locked_until > now:
            raise Locked(seconds=math.ceil((row.locked_until - now).total_seconds()))
        if _pin_matches(row, pin):
            row.failures, row.locked_until = 0, None
            return action(session, row)
        row.failures += 1
        wait = lock_seconds(row.failures)
        row.locked_until = now + timedelta(seconds=wait) if wait else None
    raise WrongPin()


def check_facilitator(store: Store, code: str, pin: str) -> Workshop:
    """The workshop, if `pin` is right (WrongPin / Locked otherwise)."""
    return as_facilitator(store, code, pin, to_workshop)


def show_step(store: Store, code: str, pin: str, step_id: int) -> Workshop:
    """Put another step of the workshop on the screen; its poll opens, the previous closes."""
    def action(session: Session, row: WorkshopRow) -> Workshop:
        if step_id not in row.steps:
            raise InvalidValue(field="step_id")
        row.current_step = step_id
        return to_workshop(session, row)

    return as_facilitator(store, code, pin, action)


def end_workshop(store: Store, code: str, pin: str) -> Workshop:
    """End the workshop: nobody can join or answer any more; the results stay for export."""
    def action(session: Session, row: WorkshopRow) -> Workshop:
        if row.ended_at is None:
            row.ended_at = store.db.now()
        return to_workshop(session, row)

    return as_facilitator(store, code, pin, action)


def _delete_rows(session: Session, ids: list[int]) -> None:
    """Delete workshops and, explicitly, their children (independent of FK enforcement)."""
    for model in (RevealRow, VoteRow, ParticipantRow):
        session.execute(delete(model).where(model.workshop_id.in_(ids)))
    session.execute(delete(WorkshopRow).where(WorkshopRow.id.in_(ids)))


def delete_workshop(store: Store, code: str, pin: str) -> None:
    """Delete the workshop with all its participants and answers, in one transaction."""
    as_facilitator(store, code, pin, lambda session, row: _delete_rows(session, [row.id]))


def purge_expired_workshops(store: Store, now: datetime | None = None) -> int:
    """Delete every expired workshop with all its answers; return how many."""
    when = now or store.db.now()
    with store.db.write() as session:
        ids = list(session.scalars(select(WorkshopRow.id).where(WorkshopRow.expires_at <= when)))
        if ids:
            _delete_rows(session, ids)
        return len(ids)


def facilitator_pin_matches(row: WorkshopRow, pin: object) -> bool:
    """The facilitator PIN check without counting (workshop_access.py counts per client)."""
    return _pin_matches(row, pin)
