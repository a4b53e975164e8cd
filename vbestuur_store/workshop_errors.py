"""What a workshop participant or facilitator may be told went wrong, as codes.

Why separate classes per cause: someone in a room full of people types a code from a screen on
the wall. "This code has 6 characters" helps with a typo, "this workshop has ended" stops them
from trying again, and neither message repeats what they typed. All are `StoreError`s with a
code, so the app shows them like every other storage problem (its catalogue holds the words).
A wrong facilitator PIN reuses `WrongPin` and `Locked`.
"""

from __future__ import annotations

from vbestuur_store.errors import StoreError


class MalformedRoom(StoreError):
    """The typed text cannot be a room code (wrong length or characters)."""

    code = "malformed-room"


class UnknownRoom(StoreError):
    """A well-formed code that belongs to no stored workshop (typo, deleted or purged)."""

    code = "unknown-room"


class RoomExpired(StoreError):
    """The workshop still exists but its period is over; it is about to be deleted."""

    code = "room-expired"


class WorkshopEnded(StoreError):
    """The facilitator has ended the workshop: no new participants, no (changed) answers."""

    code = "workshop-ended"


class PollClosed(StoreError):
    """An answer for a step that is not on the screen now (the facilitator moved on)."""

    code = "poll-closed"


class NotJoined(StoreError):
    """The participant token is not (or no longer) known in this workshop."""

    code = "not-joined"


class RoomFull(StoreError):
    """The facilitator's maximum of participants is reached; a device already in may return."""

    code = "room-full"


class TooFewToReveal(StoreError):
    """The facilitator asked to reveal a step that fewer than k participants answered."""

    code = "reveal-too-few"


class StepRevealed(StoreError):
    """An answer for a step whose figures are on the wall: its poll closed when revealed."""

    code = "poll-revealed"
