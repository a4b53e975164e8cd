"""The projector as a second window: a one-time, short-lived hand-over from the console.

Why: a Streamlit session is one browser tab, so the screen opened in a new window knew nothing
of the facilitator and asked to sign in again, in front of the room (issue 13). A reusable
secret in the screen's address would do, but an address is seen, copied and kept in history.

How: the signed-in facilitator presses a button on the console; `issue` makes a random code
that works ONCE, for `SECONDS`, and only in the browser that asked (bound to its HttpOnly
session cookie). The new window opens `…/workshop-scherm?overdracht=<code>`; the screen
`redeem`s it at once and takes the code out of the address. A copied address is then worth
nothing: used, expired, or from another browser.

Why in this process's memory and not in the database: the code carries the facilitator's
(room code, PIN) from one tab's session to the other's, and a PIN must never be stored in
clear. Both windows of one browser reach the same process: one server, or behind HAProxy the
sticky SRV cookie (deploy/haproxy.cfg). Only the SHA-256 of a code is kept as the key.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

SECONDS = 120
MAX_OPEN = 256  # hand-overs waiting at one time; the oldest goes first
PARAM = "overdracht"


@dataclass(frozen=True)
class _Grant:
    code: str
    pin: str
    device: str | None
    until: float


def _key(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


class HandoverBook:
    """Open hand-overs of this process: issue once, redeem once. Thread-safe."""

    def __init__(self, seconds: float = SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._seconds, self._clock = seconds, clock
        self._lock = threading.Lock()
        self._open: dict[str, _Grant] = {}

    def issue(self, code: str, pin: str, device: str | None) -> str:
        """A fresh one-time code for (room code, PIN), for the browser with cookie `device`."""
        token = secrets.token_urlsafe(24)
        now = self._clock()
        with self._lock:
            self._open = {k: g for k, g in self._open.items() if g.until > now}
            while len(self._open) >= MAX_OPEN:
                self._open.pop(next(iter(self._open)))
            self._open[_key(token)] = _Grant(code, pin, device, now + self._seconds)
        return token

    def redeem(self, token: str, device: str | None) -> tuple[str, str] | None:
        """(room code, PIN) once, within the time and from the same browser; else None.

        A try from another browser leaves the code for the facilitator's own window (192
        random bits: it cannot be guessed, only seen)."""
        key, now = _key(token), self._clock()
        with self._lock:
            grant = self._open.get(key)
            if grant is None or grant.until <= now:
                self._open.pop(key, None)
                return None
            if grant.device is not None and grant.device != device:
                return None
            del self._open[key]
        return grant.code, grant.pin


BOOK = HandoverBook()
