"""The hashed keys of sign-in bookkeeping: which account, which session.

Why hashed, and with their own labels: `trusted_signins` must not hold account names or
session tokens, and its session key must differ from `sessions.token` (also a SHA-256 of the
token), so a database copy cannot join a staff member's sign-ins to anonymous answers.
"""

from __future__ import annotations

import hashlib


def account_key(account: str) -> str:
    """The stored key of an account ("user:NAME" or "pin:griffie")."""
    return hashlib.sha256(f"account\0{account}".encode()).hexdigest()


def trusted_session_key(token: str) -> str:
    """The stored key of a session on which an account signed in."""
    return hashlib.sha256(f"trusted\0{token}".encode()).hexdigest()
