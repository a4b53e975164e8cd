"""Tables for staff accounts (issue 12) and for the per-key attempt limiter.

Why these three tables:
- `users`: local staff accounts with an Argon2id hash and their roles. Roles are a small JSON
  list checked in code (accounts.py), so adding a role needs no migration.
- `attempt_limits`: one row per *key* (a client, an account, a room-code guesser, a session
  creator), never one global row (F4): a wrong password slows that client and that account,
  nobody else. Keys are stored as SHA-256, so no client address is kept in clear; rows expire.
- `trusted_signins`: sessions on which an account signed in successfully. Attempts from such a
  session skip the *account* throttle, so a stranger's guesses never lock the rightful owner
  out (OWASP's "device cookie" idea); the client throttle still applies.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from vbestuur_store.models import Base, UTCDateTime

NAME_LEN = 64
HASH_LEN = 64


class UserRow(Base):
    """A local staff account: name, Argon2id hash (PHC string) and roles."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(NAME_LEN), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    roles: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AttemptRow(Base):
    """Counted attempts for one key, the wait they caused, and when the row may be purged."""

    __tablename__ = "attempt_limits"

    key: Mapped[str] = mapped_column(String(HASH_LEN), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime())
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class TrustedSigninRow(Base):
    """A session (token hash) on which an account (account key hash) signed in."""

    __tablename__ = "trusted_signins"

    account: Mapped[str] = mapped_column(String(HASH_LEN), primary_key=True)
    session: Mapped[str] = mapped_column(String(HASH_LEN), primary_key=True)
    last_ok: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
