"""What a workshop participant or facilitator may be told went wrong, in Dutch and English.

Why separate classes per cause: someone in a room full of people types a code from a screen on
the wall. "This code has 6 characters" helps with a typo, "this workshop has ended" stops them
from trying again, and neither message repeats what they typed. All are `StoreError`s, so the
app shows `err.message(lang)` like for every other storage problem. A wrong facilitator PIN
reuses `WrongPin` and `Locked`.
"""

from __future__ import annotations

from vbestuur_store.errors import StoreError


class MalformedRoom(StoreError):
    """The typed text cannot be a room code (wrong length or characters)."""

    nl = ("Dit is geen geldige workshopcode. Een workshopcode heeft 6 tekens, letters en "
          "cijfers, bijvoorbeeld K7QM3X. Kijk nog eens naar het scherm.")
    en = ("This is not a valid workshop code. A workshop code has 6 characters, letters and "
          "digits, for example K7QM3X. Please look at the screen again.")


class UnknownRoom(StoreError):
    """A well-formed code that belongs to no stored workshop (typo, deleted or purged)."""

    nl = ("Er is geen workshop met deze code. Controleer de code op het scherm. Misschien is "
          "de workshop al verwijderd.")
    en = ("There is no workshop with this code. Check the code on the screen. The workshop "
          "may already have been deleted.")


class RoomExpired(StoreError):
    """The workshop still exists but its period is over; it is about to be deleted."""

    nl = "Deze workshop is verlopen. U kunt niet meer meedoen."
    en = "This workshop has expired. You can no longer take part."


class WorkshopEnded(StoreError):
    """The facilitator has ended the workshop: no new participants, no (changed) answers."""

    nl = "Deze workshop is afgelopen. U kunt geen antwoorden meer geven of wijzigen."
    en = "This workshop has ended. You can no longer give or change answers."


class PollClosed(StoreError):
    """An answer for a step that is not on the screen now (the facilitator moved on)."""

    nl = ("De begeleider is naar een andere stap gegaan. Uw antwoord op deze stap is niet "
          "bewaard. Beantwoord de vraag bij de stap die nu op het scherm staat.")
    en = ("The facilitator has moved to another step. Your answer to this step was not "
          "saved. Please answer the question for the step that is on the screen now.")


class NotJoined(StoreError):
    """The participant token is not (or no longer) known in this workshop."""

    nl = "U doet niet (meer) mee aan deze workshop. Vul de workshopcode opnieuw in."
    en = "You are not (or no longer) taking part in this workshop. Enter the workshop code again."
