"""Typed errors the app can tell a person about: a stable code and its parameters, no prose.

Why codes and not sentences: the people using vbestuur are under threat and often under
stress. A wrong PIN, a mistyped bewaarcode or an expired session must give a clear sentence in
their language, never a stack trace, and never echo back the secret they typed. Which words
and which language are the app's job: it looks the code up in its message catalogue, in one
place (`vbestuur_app/messages.py`). The store only says what went wrong: `err.code` plus
`err.params` (never the typed input). Everything that is not a `StoreError` is a bug.
"""

from __future__ import annotations

from typing import ClassVar


class StoreError(Exception):
    """Base class: a problem the person can be told about, as `code` and `params`."""

    code: ClassVar[str] = "store-error"

    def __init__(self, **params: object) -> None:
        self.params = params
        detail = ", ".join(f"{k}={v}" for k, v in sorted(params.items()))
        super().__init__(f"{self.code} ({detail})" if detail else self.code)


class UnknownToken(StoreError):
    """The session token (cookie) is malformed, tampered with, forgotten or expired."""

    code = "unknown-token"


class MalformedCode(StoreError):
    """The text typed as a bewaarcode cannot be a bewaarcode (wrong length or characters)."""

    code = "malformed-code"


class UnknownCode(StoreError):
    """A well-formed bewaarcode that matches nothing (typo, replaced, forgotten or expired)."""

    code = "unknown-code"


class WrongPin(StoreError):
    """The griffie PIN or password was wrong."""

    code = "wrong-pin"


class Locked(StoreError):
    """Too many wrong PIN attempts: wait `seconds` before trying again."""

    code = "locked"

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(seconds=seconds)


class PinNotConfigured(StoreError):
    """No griffie PIN has been set by the operator; editing is impossible until one is."""

    code = "pin-not-configured"


class WeakPin(StoreError):
    """A new PIN or password is too short (or too long): params `min_length`, `max_length`."""

    code = "weak-pin"


class InvalidValue(StoreError):
    """A value the app passed does not fit (unknown status, empty text, too large): `field`."""

    code = "invalid-value"


class StaleItem(StoreError):
    """Someone else changed the organisation item since it was shown (optimistic locking)."""

    code = "stale-item"
