"""Sessions that exist only from the first thing worth keeping (F6 of the security review).

Why: the cookie middleware used to insert a session row on *every* cookieless page load —
2,000 loads from one client made 2,000 rows kept for 90 days. Now a page load only hands out
a token (`page_load`, no write for an unknown token); the row is made by `start_session`
when the person first saves something, and a client can start only so many sessions per
window (limiter.SESSION_CREATE), however many page loads it makes.

A well-formed token the store does not know is kept as it is: it may be one handed out by an
earlier page load of the same browser, which has saved nothing yet. Replacing it would split
one browser across two tokens. Such a token is only ever the browser's own choice; whoever
knows a *stored* token could act as it anyway (that is what a bearer cookie is).
"""

from __future__ import annotations

from vbestuur_store import limiter, tokens
from vbestuur_store.accounts_errors import SessionStarted, StartResult, Throttled
from vbestuur_store.db import Db
from vbestuur_store.errors import UnknownToken
from vbestuur_store.sessions import add_row, check_token, lock_session


def page_load(db: Db, cookie: object) -> tuple[str, bool]:
    """For a page load: (token for the cookie, whether to send Set-Cookie). Never inserts.

    A stored token is touched (the retention clock restarts); a well-formed unknown one is
    kept; a missing or malformed one is replaced by a fresh token without a row.
    """
    if tokens.is_token(cookie):
        assert isinstance(cookie, str)
        try:
            with db.write() as session:
                lock_session(session, cookie, db.now())
        except UnknownToken:
            pass
        return cookie, False
    return tokens.new_token(), True


def start_session(db: Db, token: str, *, client: str) -> StartResult:
    """Make sure `token` has a row before the first save; bounded per client.

    Returns SessionStarted (created or already there) or Throttled when this client has
    started too many sessions lately. An existing session is never throttled (nor counted).
    Three short steps, not one transaction: the client's count is kept by `limiter.admit` in
    a statement of its own, because one client key may be shared by a whole crowd (limiter.py).
    """
    check_token(token)
    now = db.now()
    with db.write() as session:
        try:
            lock_session(session, token, now)
            return SessionStarted(token=token, created=False)
        except UnknownToken:
            pass
    wait = limiter.admit(db, limiter.SESSION_CREATE, client)
    if wait:
        return Throttled(seconds=wait)
    with db.write() as session:  # another tab of this browser may have made it meanwhile
        created = add_row(db, session, token, now)
    return SessionStarted(token=token, created=created)
