"""Privacy of the stored data: hashed tokens (F17), nothing left after "vergeet mij" (F14),
no row for a page load without a cookie (F6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from store_helpers import dump, text_of

from vbestuur_store import SessionStarted, Store, Throttled
from vbestuur_store.models import SessionRow
from vbestuur_store.tokens import hash_token, is_token

NAME, NOTE = "GEHEIMNAAM123", "GEHEIMNOTITIE456"


def _session_rows(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(SessionRow)).scalar_one())


def test_tokens_are_stored_only_as_hashes(store: Store) -> None:
    """F17: before, `sessions.token` held the cookie value itself."""
    token = store.new_token()
    store.save_answers(token, "gereedheid", {"rol": "raadslid"})
    code = store.create_bewaarcode(token)
    stored = text_of(dump(store.engine))
    assert token not in stored
    assert hash_token(token) in stored
    # the bewaarcode still hands the *token* to another device
    assert store.resume(code) == token
    assert store.load_answers(token) == {"gereedheid": {"rol": "raadslid"}}


def _database_bytes(url: str) -> bytes:
    path = Path(url.removeprefix("sqlite:///"))
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


@pytest.mark.parametrize("backend", ["sqlite"])
def test_forget_leaves_nothing_in_the_files(store: Store, db_url: str) -> None:
    """F14: the deleted name, note and tokens stayed in vbestuur.sqlite-wal after forget."""
    keep, gone = store.new_token(), store.new_token()
    other = store.new_token()
    store.save_document(keep, "netwerklijst", [{"naam": "blijft"}])
    for token in (gone, other):
        store.save_document(token, "netwerklijst", [{"naam": NAME, "notitie": NOTE}])
        store.create_bewaarcode(token)
    assert NAME.encode() in _database_bytes(db_url)  # control: the scan sees stored text
    store.forget(gone)
    store.forget(other)
    data = _database_bytes(db_url)
    for secret in (NAME, NOTE, gone, other, hash_token(gone), hash_token(other)):
        assert secret.encode() not in data, secret
    assert store.load_document(keep, "netwerklijst") == [{"naam": "blijft"}]


def test_a_page_load_without_cookie_creates_no_row(store: Store) -> None:
    """F6: every cookieless page load inserted a session row (2,000 loads, 2,000 rows)."""
    issued = {store.page_load(None) for _ in range(200)}
    assert len(issued) == 200 and all(is_new and is_token(t) for t, is_new in issued)
    assert _session_rows(store) == 0
    token, _ = issued.pop()
    # the same browser comes back before saving anything: it keeps its token, still no row
    assert store.page_load(token) == (token, False)
    assert store.page_load("x" * 5000)[1] is True
    assert _session_rows(store) == 0
    started = store.start_session(token, client="10.0.0.1")
    assert started == SessionStarted(token=token, created=True)
    store.save_answers(token, "gereedheid", {"a": 1})
    assert store.start_session(token, client="10.0.0.1") == SessionStarted(token, False)
    assert store.page_load(token) == (token, False) and _session_rows(store) == 1


def test_session_creation_is_bounded_per_client(store: Store) -> None:
    from vbestuur_store.limiter import SESSION_CREATE

    for _ in range(SESSION_CREATE.free):
        token, _new = store.page_load(None)
        assert isinstance(store.start_session(token, client="flood"), SessionStarted)
    token, _new = store.page_load(None)
    refused = store.start_session(token, client="flood")
    assert isinstance(refused, Throttled) and refused.seconds > 0
    # another client is not affected, and a known session is never refused
    assert isinstance(store.start_session(token, client="neighbour"), SessionStarted)
    assert store.start_session(token, client="flood") == SessionStarted(token, False)
    assert _session_rows(store) == SESSION_CREATE.free + 1
