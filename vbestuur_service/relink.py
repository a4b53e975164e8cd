"""The relink book: one-time, short-lived instructions "the browser holding token X gets Y".

Why it exists: after a person continues with a bewaarcode on another device, that browser
still holds its own cookie. The page then leaves an instruction here, valid for 60 seconds and
renewed while the page is open; the next page load of that browser swaps the cookie (see the
web layer's `asgi.py`). The browser's own HttpOnly cookie is the proof, so no secret ever
travels in a URL. The book lives in this process's memory, like Streamlit's sessions, and
belongs to the process's one `Runtime`, so the page and the cookie middleware share it.

Why per replica and not in the database (issue 15): behind HAProxy the instruction is left by
the page and taken by the next page load of the *same* browser, which carries HAProxy's SRV
cookie and so reaches the same replica. Only when that replica dies within the 60 seconds is
the instruction lost; then the browser simply keeps its own cookie, nothing stored is lost,
and the person's answers stay under the bewaarcode, which they can enter again. The resume
after a killed replica (`make scale`) does not depend on it: those answers come back from the
database under the session cookie. A table for a one-minute hint would add a write per page
load of every resumed browser for that rare case.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable

RELINK_SECONDS = 60.0


class RelinkBook:
    """One-time, short-lived instructions: "the browser holding token X now gets token Y"."""

    def __init__(self, ttl: float = RELINK_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[str, float]] = {}

    @staticmethod
    def _key(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def offer(self, old: str, new: str) -> None:
        """Leave (or renew) the instruction for the browser that holds `old`."""
        with self._lock:
            now = self.clock()
            self._entries = {k: v for k, v in self._entries.items() if v[1] > now}
            self._entries[self._key(old)] = (new, now + self.ttl)

    def take(self, old: str) -> str | None:
        """The new token for `old`, once; None when there is none or it has expired."""
        with self._lock:
            entry = self._entries.pop(self._key(old), None)
        if entry is None or entry[1] <= self.clock():
            return None
        return entry[0]

    def cancel(self, old: str) -> None:
        """Drop a pending instruction (after "vergeet mij")."""
        with self._lock:
            self._entries.pop(self._key(old), None)
