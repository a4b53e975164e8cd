"""Anonymous sessions: create, touch, forget, and move to another device with a bewaarcode.

Why the session row matters: every personal row references it with ON DELETE CASCADE, so
"vergeet mij" and the retention purge cannot miss a table. Writes first *touch* the session row
with an UPDATE, which both checks that the token exists and locks the row (PostgreSQL) or the
database (SQLite `BEGIN IMMEDIATE`), so a save racing a forget either lands before the forget
(and is deleted with it) or fails with UnknownToken — never an orphan.

Tokens are stored only as their SHA-256 (F17): every function takes the cookie's token and
looks up its hash (`session_key`). A resume hands device B the token itself, which the
bewaarcode row keeps sealed under the code (token_box.py). After "vergeet mij" the SQLite
files are scrubbed (`Db.scrub`), so nothing deleted lingers in a journal (F14).
"""

from __future__ import annotations

import hmac
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from vbestuur_store import token_box, tokens
from vbestuur_store.db import Db
from vbestuur_store.errors import UnknownCode, UnknownToken
from vbestuur_store.models import (
    AnswerRow,
    BewaarcodeRow,
    DocumentRow,
    ReadinessRow,
    SessionRow,
)


def check_token(token: object) -> str:
    """Return `token` if it has a token's shape, else raise UnknownToken (tampered cookie)."""
    if not tokens.is_token(token):
        raise UnknownToken()
    assert isinstance(token, str)
    return token


def session_key(token: object) -> str:
    """The stored key of a cookie's token (its SHA-256); UnknownToken for a malformed one."""
    return tokens.hash_token(check_token(token))


def lock_session(session: Session, token: str, now: datetime) -> str:
    """Mark the session as used now, hold its lock until the transaction ends; return its key."""
    key = session_key(token)
    result = session.execute(
        update(SessionRow).where(SessionRow.token == key).values(last_seen=now))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise UnknownToken()
    return key


def require_session(session: Session, token: object) -> str:
    """Check (in a read transaction) that the session exists; return its key."""
    key = session_key(token)
    if session.get(SessionRow, key) is None:
        raise UnknownToken()
    return key


def add_row(db: Db, session: Session, token: str, now: datetime) -> bool:
    """Create the row of `token` if it does not exist yet; return whether it was created.

    Why RETURNING and not the row count: through the ORM session, psycopg's INSERT reported
    no row count on PostgreSQL, so a new row read as "already there" (issue 15); a returned
    key is the same answer on both backends (SQLite has RETURNING since 3.35)."""
    stmt = db.insert(SessionRow).values(token=session_key(token), created_at=now, last_seen=now)
    made = stmt.on_conflict_do_nothing(index_elements=["token"]).returning(SessionRow.token)
    return session.execute(made).first() is not None


def new_session(db: Db) -> str:
    """Create a session row for a fresh token and return the token."""
    token = tokens.new_token()
    with db.write() as session:
        add_row(db, session, token, db.now())
    return token


def touch(db: Db, token: str) -> None:
    """Record that the person is still using the session (resets the retention clock)."""
    with db.write() as session:
        lock_session(session, token, db.now())


def exists(db: Db, token: object) -> bool:
    """Whether a cookie's token belongs to a stored session (no error for junk)."""
    if not tokens.is_token(token):
        return False
    with db.read() as session:
        return session.get(SessionRow, session_key(token)) is not None


def ensure_session(db: Db, token: object) -> tuple[str, bool]:
    """The token to use for a request: the given one if known (touched), else a new one.

    Returns (token, is_new). The cookie middleware sets the cookie when `is_new` is true.
    """
    if tokens.is_token(token):
        assert isinstance(token, str)
        try:
            touch(db, token)
            return token, False
        except UnknownToken:
            pass
    return new_session(db), True


def forget(db: Db, token: str) -> None:
    """Delete everything stored under `token` at once ("vergeet mij").

    The explicit deletes repeat what ON DELETE CASCADE does, so forgetting does not depend on
    the backend enforcing foreign keys.
    """
    key = session_key(token)
    with db.write() as session:
        for model in (AnswerRow, DocumentRow, ReadinessRow, BewaarcodeRow):
            session.execute(delete(model).where(model.token == key))
        session.execute(delete(SessionRow).where(SessionRow.token == key))
    db.scrub()


def create_bewaarcode(db: Db, token: str) -> str:
    """Make a new bewaarcode for the session, replacing any earlier one; shown once."""
    code = tokens.new_code()
    now = db.now()
    box = token_box.seal(check_token(token), code)
    with db.write() as session:
        key = lock_session(session, token, now)
        stmt = db.insert(BewaarcodeRow).values(token=key, code_hash=tokens.hash_code(code),
                                               token_box=box, created_at=now)
        stmt = stmt.on_conflict_do_update(
            index_elements=["token"],
            set_={"code_hash": stmt.excluded.code_hash, "token_box": box, "created_at": now})
        session.execute(stmt)
    return code


def resume(db: Db, typed_code: str) -> str:
    """The token belonging to a typed bewaarcode; raise MalformedCode or UnknownCode.

    The code stays valid (the person may use it on several devices) until a new one is made,
    the session is forgotten, or it expires.
    """
    wanted = tokens.hash_code(typed_code)
    now = db.now()
    with db.write() as session:
        row = session.execute(
            select(BewaarcodeRow.token_box, BewaarcodeRow.code_hash)
            .where(BewaarcodeRow.code_hash == wanted)).first()
        if row is None or not hmac.compare_digest(row.code_hash, wanted) \
                or row.token_box is None:
            raise UnknownCode()
        token = token_box.open_box(row.token_box, typed_code)
        if token is None:
            raise UnknownCode()
        lock_session(session, token, now)
        return token
