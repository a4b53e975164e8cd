"""The pages' door to the incident register: open it calmly, and who "I" am to it.

Why the service is imported only when the register is opened: it loads cryptography,
phonenumbers and rapidfuzz, which the app's cold start must not pay for.

Why a calm `None`: without a key (or with a wrong one, or the database down) the service
refuses to open the register and says why with a code; the page then says, in the person's
words, that the municipality has not switched it on and what to do instead. Never a
traceback.

Why the owner is the browser's storage token: the office holder has no account. The register
keeps only a keyed hash of this opaque string, so "Mijn registraties" finds one's own
registrations again after a reload (the token is in an HttpOnly cookie). Without a token
(nothing can be stored for this browser) a random owner for this window is used, and the page
says the registrations can then only be seen in this window.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from vbestuur_service import runtime

from .. import persistence, session

if TYPE_CHECKING:
    from vbestuur_service.incidents import IncidentRegister, RegisterUnavailable

OWNER_KEY = persistence.INCIDENT_OWNER_KEY  # a session-only owner (no storage token)


def open_register() -> IncidentRegister | RegisterUnavailable:
    """The register, or why it cannot be used (a code, worded by the page)."""
    from vbestuur_service.incidents import IncidentRegister, RegisterUnavailable

    try:
        return IncidentRegister.open(runtime.current())
    except RegisterUnavailable as err:
        return err


def switched_on() -> bool:
    """True when the municipality gave the app a register key (cheap: the settings only).
    A key that turns out not to open the register is said on the register's own page."""
    settings = runtime.current().settings
    return bool(settings.register_key or settings.register_key_file)


def owner() -> tuple[str, bool]:
    """(the opaque owner string, True if it lasts beyond this window)."""
    token = persistence.session_token()
    if token:
        return token, True
    kept = session.widget(OWNER_KEY)
    if not isinstance(kept, str):
        kept = secrets.token_urlsafe(32)
        session.set_widget(OWNER_KEY, kept)
    return kept, False
