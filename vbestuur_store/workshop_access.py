"""Facilitator sign-in to a running workshop, throttled per client, never per workshop (F2).

Why: wrong PINs were counted on the workshop row, so any participant who read the room code
from the wall could lock the facilitator out of "next step", "end" and "export" mid-workshop.
`verify_facilitator` judges the PIN like a staff sign-in (signin.py): counted on the guesser's
client and on the workshop as an "account", and a session on which the facilitator signed in
before (e.g. right after creating the workshop) skips the workshop's count. It never touches
the row's own counter, so as long as the web layer signs facilitators in through here, the
actions that take the right PIN (show_step, end_workshop, …) are never locked by a stranger.

It also stops the room-code oracle (F15): an unknown, expired or malformed code answers
exactly like a wrong PIN (`Wrong()`, after the same scrypt work), and counts as a wrong room
code for the client (limiter.ROOM_CODE).
"""

from __future__ import annotations

import secrets

from sqlalchemy.orm import Session

from vbestuur_store import limiter
from vbestuur_store.accounts_errors import SignedIn, Throttled, VerifyResult, Wrong
from vbestuur_store.models_workshop import WorkshopRow
from vbestuur_store.signin import judge
from vbestuur_store.store import Store
from vbestuur_store.workshop import facilitator_pin_matches, find_row, normalise_room_code
from vbestuur_store.workshop_errors import MalformedRoom, RoomExpired, UnknownRoom

# A stand-in row with a random PIN, checked when the room does not exist (same scrypt work).
_DUMMY = WorkshopRow(pin_salt=secrets.token_hex(16), pin_hash=secrets.token_hex(32),
                     kdf="scrypt:16384:8:1")


def _room_key(code: str) -> str:
    try:
        return f"workshop:{normalise_room_code(code)}"
    except MalformedRoom:
        return f"workshop:{str(code)[:16].strip().upper()}"


def verify_facilitator(store: Store, code: str, pin: str, *, client: str,
                       session_token: str | None = None) -> VerifyResult:
    """SignedIn(roles={"facilitator"}) for the right room and PIN; else Wrong or Throttled."""
    wait = store.room_code_wait(client)
    if wait:
        return Throttled(seconds=wait)
    found: list[WorkshopRow] = []

    def load(session: Session) -> object:
        try:
            found.append(find_row(store.db, session, code))
        except (MalformedRoom, UnknownRoom, RoomExpired):
            return None
        return found[0]

    def check(row: object) -> bool:
        real = isinstance(row, WorkshopRow)
        return facilitator_pin_matches(row if real else _DUMMY, pin) and real  # type: ignore[arg-type]

    outcome = judge(store.db, _room_key(code), client, session_token, load, check)
    if outcome is True:
        return SignedIn(name=_room_key(code), roles=frozenset({"facilitator"}))
    if outcome is False and not found:
        limiter.record(store.db, limiter.ROOM_CODE, client)
    return Throttled(seconds=outcome) if outcome else Wrong()
