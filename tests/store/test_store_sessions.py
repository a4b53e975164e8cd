"""Sessions, answers, documents, bewaarcodes and "vergeet mij", on both backends."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from store_helpers import dump, tables_with_column, text_of

from vbestuur_store import (
    InvalidValue,
    MalformedCode,
    Store,
    StoreError,
    UnknownCode,
    UnknownToken,
    is_token,
)
from vbestuur_store.models import Base
from vbestuur_store.tokens import CROCKFORD, hash_token

ANSWERS: dict[str, Any] = {"rol": "raadslid", "dreiging": ["online", "thuis"], "n": 3,
                           "toelichting": "Bedreigd via sociale media — ‘citaat’ é"}


def test_new_token_is_opaque_and_unique(store: Store) -> None:
    tokens = {store.new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(is_token(t) and len(t) == 43 for t in tokens)
    assert all(store.exists(t) for t in tokens)


def test_answers_round_trip_per_flow(store: Store, reopen: Callable[[], Store]) -> None:
    token = store.new_token()
    store.save_answers(token, "gereedheid", ANSWERS)
    store.save_answers(token, "melden", {"wat": "brief"})
    assert store.load_answers(token) == {"gereedheid": ANSWERS, "melden": {"wat": "brief"}}
    # another process sees the same (nothing is cached in the Store object)
    assert reopen().load_answers(token)["gereedheid"] == ANSWERS


def test_save_replaces_the_flow_and_leaves_others(store: Store) -> None:
    token = store.new_token()
    store.save_answers(token, "gereedheid", ANSWERS)
    store.save_answers(token, "melden", {"wat": "brief"})
    store.save_answers(token, "gereedheid", {"rol": "wethouder"})
    assert store.load_answers(token) == {"gereedheid": {"rol": "wethouder"},
                                         "melden": {"wat": "brief"}}


def test_sessions_do_not_see_each_other(store: Store) -> None:
    one, two = store.new_token(), store.new_token()
    store.save_answers(one, "gereedheid", {"a": 1})
    assert store.load_answers(two) == {}


def test_documents_round_trip(store: Store) -> None:
    token = store.new_token()
    assert store.load_document(token, "netwerklijst") is None
    contacts = [{"naam": "Wijkagent", "telefoon": "0900-8844"}]
    store.save_document(token, "netwerklijst", contacts)
    store.save_document(token, "netwerklijst", [*contacts, {"naam": "Griffier"}])
    assert store.load_document(token, "netwerklijst") == [*contacts, {"naam": "Griffier"}]


@pytest.mark.parametrize("token", ["", "x", "a" * 42, "a" * 44, "a" * 42 + "!",
                                   "' OR 1=1 --", None, 12])
def test_malformed_token_is_unknown(store: Store, token: Any) -> None:
    with pytest.raises(UnknownToken):
        store.load_answers(token)
    with pytest.raises(UnknownToken):
        store.save_answers(token, "gereedheid", {"a": 1})
    assert not store.exists(token)


def test_well_formed_but_unknown_token(store: Store) -> None:
    store.new_token()
    fake = "A" * 43
    for call in (lambda: store.load_answers(fake), lambda: store.touch(fake),
                 lambda: store.save_answers(fake, "gereedheid", {}),
                 lambda: store.save_document(fake, "netwerklijst", []),
                 lambda: store.create_bewaarcode(fake),
                 lambda: store.record_readiness(fake, "gereedheid", {"vooraf": 1.0})):
        with pytest.raises(UnknownToken) as err:
            call()
        assert err.value.code == "unknown-token" and err.value.params == {}
    assert dump(store.engine)["answers"] == []


def test_ensure_session_keeps_known_and_replaces_unknown(store: Store) -> None:
    token = store.new_token()
    assert store.ensure_session(token) == (token, False)
    for junk in (None, "", "A" * 43, "tampered;cookie"):
        fresh, is_new = store.ensure_session(junk)
        assert is_new and fresh != junk and store.exists(fresh)


@pytest.mark.parametrize(("flow_id", "data"), [
    ("Gereedheid", {"a": 1}), ("../etc", {"a": 1}), ("", {"a": 1}),
    ("gereedheid", {"a": object()}), ("gereedheid", {"a": float("nan")}),
    ("gereedheid", ["not", "a", "dict"]), ("gereedheid", {"big": "x" * 300_000}),
])
def test_invalid_answers_are_refused(store: Store, flow_id: str, data: Any) -> None:
    token = store.new_token()
    with pytest.raises(InvalidValue):
        store.save_answers(token, flow_id, data)
    assert store.load_answers(token) == {}


def test_bewaarcode_shape(store: Store) -> None:
    code = store.create_bewaarcode(store.new_token())
    groups = code.split("-")
    assert len(groups) == 7 and all(len(g) == 4 for g in groups)
    assert all(c in CROCKFORD for c in code.replace("-", ""))
    assert len(code.replace("-", "")) * 5 >= 128


def test_resume_forgives_case_spaces_and_lookalikes(store: Store) -> None:
    token = store.new_token()
    code = store.create_bewaarcode(token)
    bare = code.replace("-", "")
    variants = [code, code.lower(), " ".join(code.split("-")), f"  {bare}\n",
                code.replace("0", "O").replace("1", "l")]
    for typed in variants:
        assert store.resume(typed) == token


def test_bewaarcode_is_stored_only_as_hash(store: Store) -> None:
    token = store.new_token()
    code = store.create_bewaarcode(token)
    everything = text_of(dump(store.engine))
    assert code not in everything and code.replace("-", "") not in everything


def test_new_bewaarcode_replaces_the_old_one(store: Store) -> None:
    token = store.new_token()
    old = store.create_bewaarcode(token)
    new = store.create_bewaarcode(token)
    assert old != new
    assert store.resume(new) == token
    with pytest.raises(UnknownCode):
        store.resume(old)
    assert len(dump(store.engine)["bewaarcodes"]) == 1


@pytest.mark.parametrize("typed", ["", "ABCD", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-234",
                                   "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-23456", "UUUU-" * 6 + "UUUU",
                                   "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-23!5", "A" * 5000])
def test_malformed_bewaarcode(store: Store, typed: str) -> None:
    with pytest.raises(MalformedCode) as err:
        store.resume(typed)
    # the same code whatever was typed, and no parameters: nothing of the input is echoed
    assert (err.value.code, err.value.params) == (MalformedCode.code, {})
    assert not typed or typed not in str(err.value)


def test_unknown_bewaarcode(store: Store) -> None:
    token = store.new_token()
    code = store.create_bewaarcode(token)
    other = ("0000" if not code.startswith("0000") else "1111") + code[4:]
    with pytest.raises(UnknownCode) as err:
        store.resume(other)
    assert err.value.code == "unknown-code" and err.value.params == {}
    assert code not in str(err.value) and other not in str(err.value)


def test_resume_on_another_device_sees_the_answers(store: Store,
                                                   reopen: Callable[[], Store]) -> None:
    token = store.new_token()
    store.save_answers(token, "gereedheid", ANSWERS)
    code = store.create_bewaarcode(token)
    other_device = reopen()
    assert other_device.load_answers(other_device.resume(code)) == {"gereedheid": ANSWERS}


def test_forget_leaves_no_row_for_the_token(store: Store) -> None:
    keep, gone = store.new_token(), store.new_token()
    for token in (keep, gone):
        store.save_answers(token, "gereedheid", ANSWERS)
        store.save_document(token, "netwerklijst", [{"naam": "x"}])
        store.record_readiness(token, "gereedheid", {"vooraf": 0.5})
        store.create_bewaarcode(token)
    code = store.create_bewaarcode(gone)
    store.forget(gone)
    rows = dump(store.engine)
    token_tables = tables_with_column(store.engine, "token")
    assert set(token_tables) >= {"sessions", "answers", "documents", "readiness", "bewaarcodes"}
    for table in token_tables:  # rows are keyed by the token's hash (F17)
        assert all(hash_token(gone) not in row for row in rows[table]), table
        assert any(hash_token(keep) in row for row in rows[table]), table
    assert gone not in text_of(rows) and hash_token(gone) not in text_of(rows)
    with pytest.raises(UnknownCode):
        store.resume(code)
    with pytest.raises(UnknownToken):
        store.load_answers(gone)
    assert store.load_answers(keep) == {"gereedheid": ANSWERS}


def test_every_personal_table_hangs_off_sessions() -> None:
    """A table added later with a token column must cascade from sessions, or forget() and the
    purge would miss it."""
    for table in Base.metadata.tables.values():
        if "token" in table.c and table.name != "sessions":
            fks = list(table.c.token.foreign_keys)
            assert fks and fks[0].column.table.name == "sessions", table.name
            assert fks[0].ondelete == "CASCADE", table.name


def test_forget_unknown_token_is_harmless(store: Store) -> None:
    token = store.new_token()
    store.forget("B" * 43)
    assert store.exists(token)
    with pytest.raises(UnknownToken):
        store.forget("not a token")


def test_cookie_header(store: Store) -> None:
    token = store.new_token()
    header = store.cookie_header(token)
    assert header.startswith(f"vbestuur_sessie={token};")
    for part in ("HttpOnly", "SameSite=Strict", "Path=/", f"Max-Age={90 * 86400}"):
        assert part in header
    assert "Secure" in store.cookie_header(token, secure=True)
    with pytest.raises(ValueError, match="token"):
        store.cookie_header("x; Domain=evil")


def test_every_store_error_has_its_own_code_and_no_prose() -> None:
    def subclasses(cls: type[StoreError]) -> list[type[StoreError]]:
        return [cls, *(s for c in cls.__subclasses__() for s in subclasses(c))]

    found = subclasses(StoreError)
    codes = [cls.code for cls in found]
    assert len(codes) == len(set(codes)), codes
    for cls in found:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", cls.code), cls
        assert not hasattr(cls, "nl") and not hasattr(cls, "en"), cls


def test_add_row_says_whether_it_made_the_row(store: Store) -> None:
    """`add_row` is True for the insert that made the row and False for one that found it
    (on PostgreSQL it once said False for both)."""
    from vbestuur_store.sessions import add_row
    from vbestuur_store.tokens import new_token

    token = new_token()
    made = []
    for _ in range(2):
        with store.db.write() as session:
            made.append(add_row(store.db, session, token, store.db.now()))
    assert made == [True, False]
    assert store.exists(token)
