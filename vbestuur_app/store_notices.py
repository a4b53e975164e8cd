"""The calm sentences about saving that the frame shows above and below every page.

Why a module of its own: a storage problem must never stop someone under threat from reading
the advice; the page goes on with the answers in the session, and one calm sentence in the
person's language says what is not being saved. Every page that uses the store leaves its
message here (`notice`, `report`); the frame takes them once per run (`pop_notices`).
`vbestuur_app.persistence` re-exports these names, so pages keep using `persistence.notice`.
"""

from __future__ import annotations

from vbestuur_store import StoreError, UnknownToken

from . import session
from .i18n import _
from .messages import error_text

FRAME = "frame"  # the notice place of the frame (shown above and below every page)


def notice(message: str) -> None:
    """Leave a message for the frame; it shows it once (see `pop_notices`)."""
    session.notify(FRAME, "text", text=message)


def pop_notices() -> list[str]:
    """The frame's messages collected since the last run, once."""
    return [str(n.params["text"]) for n in session.take(FRAME)]


def report(err: StoreError) -> None:
    """Tell the person about a storage problem; a forgotten token stops saving."""
    if isinstance(err, UnknownToken):
        state = session.current()
        state.token, state.stored = None, None
        notice(_(
            "Uw bewaarde antwoorden zijn niet meer gevonden (verwijderd of verlopen). Wat u nu "
            "invult, staat alleen in dit venster."))
    else:
        notice(error_text(err))
