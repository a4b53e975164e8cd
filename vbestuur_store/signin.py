"""Sign-in with throttling per account AND per client, never global (F2, F4).

How an attempt is judged:
1. In one short write transaction: if this client, or this account, must still wait, the
   attempt is refused as `Throttled(seconds)` without looking at the passphrase. Otherwise it
   is counted up front on both keys (so parallel guesses cannot slip past the count).
2. Outside any transaction (Argon2id takes ~0.1 s): the passphrase is checked — against a
   dummy hash if the account does not exist, so both cases take equally long and give the same
   `Wrong()`.
3. If right: the client's count is cleared, the account's count gets its attempt back, and
   the session the person signed in on becomes *trusted* for that account.

A trusted session skips the account's throttle (only its own client's throttle applies), so a
stranger's wrong guesses on an account never lock its owner out on the session they already
use. Staff sessions themselves are held by the web layer; nothing here ends them.

`verify_pin` runs the old griffie PIN through the same rules (account "pin:griffie"), so the web
layer can stop using the global lock of pin.py today and retire the PIN later without another
store change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from vbestuur_store import limiter, passwords, pin
from vbestuur_store.accounts import normalise_name
from vbestuur_store.accounts_errors import AccountError, SignedIn, Throttled, VerifyResult, Wrong
from vbestuur_store.db import Db
from vbestuur_store.errors import PinNotConfigured
from vbestuur_store.models import AuthStateRow
from vbestuur_store.models_accounts import TrustedSigninRow, UserRow
from vbestuur_store.signin_keys import account_key, trusted_session_key

PIN_ACCOUNT = "pin:griffie"


def _trusted(session: Session, account: str, token: str | None) -> bool:
    if token is None:
        return False
    key = (account_key(account), trusted_session_key(token))
    return session.get(TrustedSigninRow, key) is not None


def _reserve(db: Db, session: Session, account: str, client: str, token: str | None,
             now: datetime) -> int:
    """The wait if this attempt must not be made; else count it on both keys and return 0."""
    trusted = _trusted(session, account, token)
    wait = limiter.wait_in(db, session, limiter.LOGIN_CLIENT, client, now)
    if not trusted:
        wait = max(wait, limiter.wait_in(db, session, limiter.LOGIN_ACCOUNT, account, now))
    if wait:
        return wait
    limiter.record_in(db, session, limiter.LOGIN_CLIENT, client, now)
    if not trusted:
        limiter.record_in(db, session, limiter.LOGIN_ACCOUNT, account, now)
    return 0


def _confirm(db: Db, session: Session, account: str, client: str, token: str | None,
             now: datetime) -> None:
    """After a right passphrase: clear the client, refund the account, trust the session."""
    limiter.clear_in(session, limiter.LOGIN_CLIENT, client)
    limiter.refund_in(db, session, limiter.LOGIN_ACCOUNT, account)
    if token is None:
        return
    key = (account_key(account), trusted_session_key(token))
    row = session.get(TrustedSigninRow, key)
    if row is None:
        session.add(TrustedSigninRow(account=key[0], session=key[1], last_ok=now))
    else:
        row.last_ok = now


def judge(db: Db, account: str, client: str, token: str | None,
           load: Callable[[Session], object], check: Callable[[object], bool]) -> int | bool:
    """Steps 1-3 of the module docstring; returns a wait (int) or whether it was right."""
    now = db.now()
    with db.write() as session:
        wait = _reserve(db, session, account, client, token, now)
        loaded = None if wait else load(session)
    if wait:
        return wait
    if not check(loaded):
        return False
    with db.write() as session:
        _confirm(db, session, account, client, token, now)
    return True


def verify(db: Db, name: str, passphrase: str, *, client: str,
           session_token: str | None = None) -> VerifyResult:
    """Check a staff sign-in. `client`: the caller's address (or another per-client key)."""
    try:
        account = f"user:{normalise_name(name)}"
    except AccountError:
        account = f"user:{str(name)[:64].strip().lower()}"  # counted all the same
    found: dict[str, tuple[str, list[str]]] = {}

    def load(session: Session) -> object:
        row = session.execute(select(UserRow.password_hash, UserRow.roles)
                              .where(UserRow.name == account[5:])).first()
        if row is not None:
            found["row"] = (row.password_hash, list(row.roles))
        return row.password_hash if row is not None else None

    def check(stored: object) -> bool:
        return passwords.matches(stored if isinstance(stored, str) else None, passphrase)

    outcome = judge(db, account, client, session_token, load, check)
    if outcome is True:
        stored, roles = found["row"]
        _maybe_rehash(db, account[5:], stored, passphrase)
        return SignedIn(name=account[5:], roles=frozenset(roles))
    return Throttled(seconds=outcome) if outcome else Wrong()


def _maybe_rehash(db: Db, name: str, stored: str, passphrase: str) -> None:
    """Store a fresh hash when the parameters were raised since this one was made."""
    if not passwords.needs_rehash(stored):
        return
    with db.write() as session:
        row = session.scalar(select(UserRow).where(UserRow.name == name))
        if row is not None and row.password_hash == stored:
            row.password_hash = passwords.hash_passphrase(passphrase)


def verify_pin(db: Db, candidate: str, *, client: str,
               session_token: str | None = None) -> VerifyResult:
    """The griffie PIN, throttled per client and per "account" like a sign-in (no global lock).

    Raises PinNotConfigured when no PIN is set (distinct from a database fault, F10).
    """

    def load(session: Session) -> object:
        row = session.get(AuthStateRow, pin.STATE_ID)
        if row is None or row.pin_hash is None:
            raise PinNotConfigured()
        return row

    def check(row: object) -> bool:
        return isinstance(row, AuthStateRow) and pin.matches(row, candidate)

    outcome = judge(db, PIN_ACCOUNT, client, session_token, load, check)
    if outcome is True:
        return SignedIn(name=PIN_ACCOUNT, roles=frozenset({"griffie"}))
    return Throttled(seconds=outcome) if outcome else Wrong()
