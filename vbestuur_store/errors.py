"""Typed errors that the app can show to a person, in Dutch and English.

Why typed, with their own texts: the people using vbestuur are under threat and often under
stress. A wrong PIN, a mistyped bewaarcode or an expired session must give a clear sentence in
their language, never a stack trace, and never echo back the secret they typed. The app catches
`StoreError` and shows `err.message(lang)`; everything else is a bug.
"""

from __future__ import annotations

from typing import ClassVar


class StoreError(Exception):
    """Base class: a user-facing problem with a Dutch (authoritative) and English message."""

    nl: ClassVar[str] = "Er ging iets mis bij het bewaren van uw gegevens."
    en: ClassVar[str] = "Something went wrong while storing your data."

    def __init__(self, **fields: object) -> None:
        self.fields = fields
        super().__init__(self.message("en"))

    def message(self, lang: str = "nl") -> str:
        """The message in `lang` ("nl" or "en"), falling back to Dutch."""
        template = self.en if lang == "en" else self.nl
        return template.format(**self.fields)


class UnknownToken(StoreError):
    """The session token (cookie) is malformed, tampered with, forgotten or expired."""

    nl = ("Uw eerder bewaarde antwoorden zijn niet gevonden. Misschien zijn ze verwijderd of "
          "verlopen. U kunt opnieuw beginnen.")
    en = ("Your previously saved answers were not found. They may have been deleted or have "
          "expired. You can start again.")


class MalformedCode(StoreError):
    """The text typed as a bewaarcode cannot be a bewaarcode (wrong length or characters)."""

    nl = ("Dit is geen geldige bewaarcode. Een bewaarcode bestaat uit 7 groepjes van 4 letters "
          "en cijfers, bijvoorbeeld ABCD-EFGH-… Controleer of u de code volledig hebt overgenomen.")
    en = ("This is not a valid save code. A save code consists of 7 groups of 4 letters and "
          "digits, for example ABCD-EFGH-… Check that you copied the whole code.")


class UnknownCode(StoreError):
    """A well-formed bewaarcode that matches nothing (typo, replaced, forgotten or expired)."""

    nl = ("Deze bewaarcode is niet (meer) bekend. Misschien is er een nieuwere code gemaakt, of "
          "zijn de gegevens verwijderd of verlopen.")
    en = ("This save code is not (or no longer) known. A newer code may have been made, or the "
          "data may have been deleted or have expired.")


class WrongPin(StoreError):
    """The griffie PIN or password was wrong."""

    nl = "De pincode of het wachtwoord is onjuist."
    en = "The PIN or password is incorrect."


class Locked(StoreError):
    """Too many wrong PIN attempts: wait `seconds` before trying again."""

    nl = "Te veel onjuiste pogingen. Probeer het over {seconds} seconden opnieuw."
    en = "Too many incorrect attempts. Try again in {seconds} seconds."

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(seconds=seconds)


class PinNotConfigured(StoreError):
    """No griffie PIN has been set by the operator; editing is impossible until one is."""

    nl = ("Er is nog geen pincode voor de griffie ingesteld. Vraag de beheerder om die in te "
          "stellen (VBESTUUR_GRIFFIE_PIN of 'python -m vbestuur_store set-pin').")
    en = ("No griffie PIN has been set yet. Ask the operator to set one "
          "(VBESTUUR_GRIFFIE_PIN or 'python -m vbestuur_store set-pin').")


class WeakPin(StoreError):
    """A new PIN or password is too short (or too long)."""

    nl = "Kies een pincode of wachtwoord van {min_length} tot {max_length} tekens."
    en = "Choose a PIN or password of {min_length} to {max_length} characters."


class InvalidValue(StoreError):
    """A value the app passed does not fit (unknown status, empty text, too large)."""

    nl = "De waarde voor ‘{field}’ is niet geldig."
    en = "The value for ‘{field}’ is not valid."


class StaleItem(StoreError):
    """Someone else changed the organisation item since it was shown (optimistic locking)."""

    nl = ("Iemand anders heeft dit onderdeel intussen gewijzigd. Bekijk de nieuwe stand en "
          "voer uw wijziging opnieuw in.")
    en = ("Someone else changed this item in the meantime. Look at the new state and enter your "
          "change again.")
