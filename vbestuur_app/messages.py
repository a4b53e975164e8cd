"""The one place where a storage error becomes a sentence for the person.

Why one place: the store and the service report *what* went wrong as a typed error with a
code and its parameters (never prose, never the typed input); which words a person reads, in
which language, is the web layer's job. Every page shows a storage problem through
`error_text`, so the same problem reads the same everywhere, and the words live in the
message catalogue (`strings_store.py`, keys `err.*`) like every other text of the app.
"""

from __future__ import annotations

from typing import Final

from vbestuur_service.errors import StorageUnavailable
from vbestuur_store import StoreError
from vbestuur_store.workshop_room import NoteWriter, Proposal

from .i18n import t

# The store's error codes and the catalogue key of each one's sentence (keys written out, so
# the catalogue tooling finds them). An unknown code gets the general sentence.
ERROR_KEYS: Final[dict[str, str]] = {
    StorageUnavailable.code: "store.down",
    "store-error": "err.store",
    "unknown-token": "err.unknown_token",
    "malformed-code": "err.malformed_code",
    "unknown-code": "err.unknown_code",
    "wrong-pin": "err.wrong_pin",
    "locked": "err.locked",
    "pin-not-configured": "err.pin_not_configured",
    "weak-pin": "err.weak_pin",
    "invalid-value": "err.invalid_value",
    "stale-item": "err.stale_item",
    "malformed-room": "err.malformed_room",
    "unknown-room": "err.unknown_room",
    "room-expired": "err.room_expired",
    "workshop-ended": "err.workshop_ended",
    "poll-closed": "err.poll_closed",
    "not-joined": "err.not_joined",
    "room-full": "err.room_full",
    "reveal-too-few": "err.reveal_too_few",
    "poll-revealed": "err.poll_revealed",
}


def error_text(err: StoreError, lang: str | None = None) -> str:
    """The calm sentence for a storage problem, in `lang` (default: this session's)."""
    return t(ERROR_KEYS.get(err.code, "err.store"), lang, **err.params)


# The room's verdict in words, for the hand-over note (keys written out, as above).
JUDGED_KEYS: Final[dict[str, str]] = {
    "nee": "ws.proposal.nee", "deels": "ws.proposal.deels", "weet-niet": "ws.proposal.weet-niet"}


def proposal_note(lang: str) -> NoteWriter:
    """The sentence a workshop's hand-over adds to a step's note in the register, in `lang`."""
    def write(facts: Proposal) -> str:
        counts = facts.counts
        return t("ws.proposal.note", lang, code=facts.code, day=facts.day,
                 judged=t(JUDGED_KEYS[facts.judged], lang), ja=counts["ja"],
                 deels=counts["deels"], nee=counts["nee"], weet=counts["weet-niet"],
                 n=facts.respondents)

    return write
