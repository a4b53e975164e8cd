"""The griffie PIN or password that guards editing the profile and the organisation view.

Why these choices:
- No default PIN ships; the operator sets one (env VBESTUUR_GRIFFIE_PIN, applied on start, or
  `python -m vbestuur_store set-pin`). Until then editing raises PinNotConfigured.
- Stored as scrypt (n=2**14, r=8, p=1) with a random salt: a stolen database does not give the
  PIN away cheaply, even a short numeric one.
- Wrong attempts are counted *in the database*, not in the process, so restarting the app or
  running several workers does not reset the count. After FREE_ATTEMPTS consecutive failures
  every further failure locks PIN checks for BASE_LOCK·2^k seconds (capped at MAX_LOCK).
  The whole check runs in one write transaction with the state row locked, so parallel guesses
  are counted one by one.
- That counter is one global row (F4: anyone can lock the griffie out). It stays only for the
  app's current call sites; `signin.verify_pin` checks the same PIN with the per-client and
  per-account limiter instead, and staff accounts (accounts.py) replace the PIN altogether.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from vbestuur_store.config import ENV_PIN
from vbestuur_store.db import Db
from vbestuur_store.errors import Locked, PinNotConfigured, WeakPin, WrongPin
from vbestuur_store.models import AuthStateRow

STATE_ID = 1
MIN_LENGTH, MAX_LENGTH = 6, 128
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SCRYPT_MAXMEM = 64 * 1024 * 1024
FREE_ATTEMPTS = 5
BASE_LOCK_SECONDS = 5
MAX_LOCK_SECONDS = 900


def _derive(pin: str, salt: bytes, kdf: str) -> bytes:
    """scrypt with the parameters recorded next to the hash (so they can be raised later)."""
    name, n, r, p = kdf.split(":")
    if name != "scrypt":
        raise ValueError(f"unknown kdf {name!r}")
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=int(n), r=int(r), p=int(p),
                          maxmem=SCRYPT_MAXMEM, dklen=32)


def lock_seconds(failures: int) -> int:
    """How long PIN checks are locked after `failures` consecutive wrong attempts."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(BASE_LOCK_SECONDS * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_SECONDS))


def _state(db: Db, session: Session) -> AuthStateRow:
    """The state row, locked for this transaction; created empty if missing."""
    db.lock(session, "auth")
    row = session.get(AuthStateRow, STATE_ID)
    if row is None:
        row = AuthStateRow(id=STATE_ID, failures=0)
        session.add(row)
    return row


def set_pin(db: Db, pin: str) -> None:
    """Set (or replace) the PIN; resets the wrong-attempt counter."""
    if not isinstance(pin, str) or not MIN_LENGTH <= len(pin) <= MAX_LENGTH:
        raise WeakPin(min_length=MIN_LENGTH, max_length=MAX_LENGTH)
    salt = secrets.token_bytes(16)
    kdf = f"scrypt:{SCRYPT_N}:{SCRYPT_R}:{SCRYPT_P}"
    digest = _derive(pin, salt, kdf)
    with db.write() as session:
        row = _state(db, session)
        row.pin_hash, row.pin_salt, row.kdf = digest.hex(), salt.hex(), kdf
        row.failures, row.locked_until = 0, None


def has_pin(db: Db) -> bool:
    """Whether the operator has configured a PIN."""
    with db.read() as session:
        row = session.get(AuthStateRow, STATE_ID)
        return row is not None and row.pin_hash is not None


def _matches(row: AuthStateRow, pin: str) -> bool:
    if row.pin_hash is None or row.pin_salt is None or row.kdf is None:
        raise PinNotConfigured()
    if not isinstance(pin, str) or len(pin) > MAX_LENGTH:
        return False
    digest = _derive(pin, bytes.fromhex(row.pin_salt), row.kdf)
    return hmac.compare_digest(digest, bytes.fromhex(row.pin_hash))


def matches(row: AuthStateRow, pin: str) -> bool:
    """Whether `pin` is the stored PIN (no counting; signin.verify_pin counts per client)."""
    return _matches(row, pin)


def check_pin(db: Db, pin: str, now: datetime | None = None) -> bool:
    """True if `pin` is right; False if wrong. Raise Locked while locked (nothing is checked)."""
    now = now or db.now()
    with db.write() as session:
        row = _state(db, session)
        if row.pin_hash is None:
            raise PinNotConfigured()
        if row.locked_until is not None and row.locked_until > now:
            raise Locked(seconds=math.ceil((row.locked_until - now).total_seconds()))
        if _matches(row, pin):
            row.failures, row.locked_until = 0, None
            return True
        row.failures += 1
        wait = lock_seconds(row.failures)
        row.locked_until = now + timedelta(seconds=wait) if wait else None
        return False


def require_pin(db: Db, pin: str, now: datetime | None = None) -> None:
    """Like check_pin, but a wrong PIN raises WrongPin (with its nl/en message)."""
    if not check_pin(db, pin, now):
        raise WrongPin()


def apply_env_pin(db: Db, env: Mapping[str, str]) -> bool:
    """Set the PIN from VBESTUUR_GRIFFIE_PIN if it differs from the stored one.

    Returns whether it was (re)set. The environment wins over a PIN set with the CLI, so an
    operator who configures it there always knows the current PIN.
    """
    pin = env.get(ENV_PIN, "")
    if not pin:
        return False
    with db.read() as session:
        row = session.get(AuthStateRow, STATE_ID)
        if row is not None and row.pin_hash is not None and _matches(row, pin):
            return False
    set_pin(db, pin)
    return True
