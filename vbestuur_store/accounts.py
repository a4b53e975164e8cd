"""Local staff accounts with roles: add, list, remove, set roles (operator commands).

Why local accounts: the shared griffie PIN (one secret, one global lock) let any visitor lock
the griffie out (F4) and gave no names. Every staff member gets an own account with roles
(griffie, coordinator, facilitator, operator), a passphrase of at least 12 characters hashed
with Argon2id (passwords.py), and is signed in by signin.py. Names are case-insensitive
(stored lower-case) so "J.Jansen" and "j.jansen" are one account.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from vbestuur_store import passwords
from vbestuur_store.accounts_errors import ROLES, Account, AccountError
from vbestuur_store.db import Db
from vbestuur_store.models_accounts import TrustedSigninRow, UserRow
from vbestuur_store.signin_keys import account_key

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")


def normalise_name(name: object) -> str:
    """The stored form of an account name; AccountError("invalid_name") if it cannot be one."""
    if not isinstance(name, str):
        raise AccountError("invalid_name")
    clean = name.strip().lower()
    if not NAME_RE.fullmatch(clean):
        raise AccountError("invalid_name")
    return clean


def check_roles(roles: Iterable[str]) -> list[str]:
    """The roles sorted and without repeats; refuse unknown roles and an empty set."""
    chosen = sorted(set(roles))
    if not chosen:
        raise AccountError("no_roles")
    if any(role not in ROLES for role in chosen):
        raise AccountError("unknown_role")
    return chosen


def add_user(db: Db, name: str, passphrase: str, roles: Iterable[str]) -> Account:
    """Create an account; refuse a short passphrase, an unknown role or a taken name."""
    clean, chosen = normalise_name(name), check_roles(roles)
    if not passwords.acceptable(passphrase):
        raise AccountError("weak_passphrase")
    hashed = passwords.hash_passphrase(passphrase)
    now = db.now()
    try:
        with db.write() as session:
            if session.scalar(select(UserRow.id).where(UserRow.name == clean)) is not None:
                raise AccountError("duplicate_user")
            session.add(UserRow(name=clean, password_hash=hashed, roles=chosen,
                                created_at=now, updated_at=now))
    except IntegrityError:  # the same name added at the same moment elsewhere
        raise AccountError("duplicate_user") from None
    return Account(name=clean, roles=frozenset(chosen))


def list_users(db: Db) -> list[Account]:
    """Every account with its roles, by name."""
    with db.read() as session:
        rows = session.execute(select(UserRow.name, UserRow.roles).order_by(UserRow.name)).all()
    return [Account(name=row.name, roles=frozenset(row.roles)) for row in rows]


def set_roles(db: Db, name: str, roles: Iterable[str]) -> Account:
    """Replace the roles of an account."""
    clean, chosen = normalise_name(name), check_roles(roles)
    with db.write() as session:
        row = session.scalar(select(UserRow).where(UserRow.name == clean).with_for_update())
        if row is None:
            raise AccountError("unknown_user")
        row.roles, row.updated_at = chosen, db.now()
    return Account(name=clean, roles=frozenset(chosen))


def set_passphrase(db: Db, name: str, passphrase: str) -> None:
    """Give an account a new passphrase (the operator resets a forgotten one)."""
    clean = normalise_name(name)
    if not passwords.acceptable(passphrase):
        raise AccountError("weak_passphrase")
    hashed = passwords.hash_passphrase(passphrase)
    with db.write() as session:
        row = session.scalar(select(UserRow).where(UserRow.name == clean).with_for_update())
        if row is None:
            raise AccountError("unknown_user")
        row.password_hash, row.updated_at = hashed, db.now()


def remove_user(db: Db, name: str) -> None:
    """Delete an account and the sessions it trusted."""
    clean = normalise_name(name)
    with db.write() as session:
        result = session.execute(delete(UserRow).where(UserRow.name == clean))
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise AccountError("unknown_user")
        session.execute(delete(TrustedSigninRow)
                        .where(TrustedSigninRow.account == account_key(f"user:{clean}")))
    db.scrub()
