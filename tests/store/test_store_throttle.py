"""Throttling per client and per account, never global (F2, F4, F15 store side)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from store_helpers import FakeClock, dump, text_of

from vbestuur_store import SignedIn, Store, Throttled, Wrong
from vbestuur_store.limiter import LOGIN_ACCOUNT, LOGIN_CLIENT, ROOM_CODE
from vbestuur_store.models_accounts import AttemptRow

PASS = "de juiste lange zin"


@pytest.fixture
def griffier(store: Store) -> Store:
    store.add_user("griffier", PASS, ["griffie"])
    return store


def test_wrong_passwords_slow_that_client_only(griffier: Store) -> None:
    results = [griffier.verify("griffier", "fout fout fout", client="aanvaller")
               for _ in range(LOGIN_CLIENT.free + 1)]
    assert results[:LOGIN_CLIENT.free] == [Wrong()] * LOGIN_CLIENT.free
    assert isinstance(results[-1], Throttled) and results[-1].seconds > 0
    # the right passphrase from the same client is refused too while it waits…
    assert isinstance(griffier.verify("griffier", PASS, client="aanvaller"), Throttled)
    # …but the owner elsewhere signs in at once
    assert isinstance(griffier.verify("griffier", PASS, client="griffie-pc"), SignedIn)


def test_many_clients_slow_the_account_but_not_its_trusted_session(
        griffier: Store, clock: FakeClock) -> None:
    owner_session = griffier.new_token()
    assert isinstance(griffier.verify("griffier", PASS, client="griffie-pc",
                                      session_token=owner_session), SignedIn)
    for n in range(LOGIN_ACCOUNT.free):  # a distributed guesser: a new address every time
        assert griffier.verify("griffier", "gok", client=f"bot-{n}") == Wrong()
    assert isinstance(griffier.verify("griffier", PASS, client="nieuw-apparaat"), Throttled)
    # the rightful owner, on the session where she signed in before, is never locked out
    assert isinstance(griffier.verify("griffier", PASS, client="griffie-pc",
                                      session_token=owner_session), SignedIn)
    # the counter decays: after the window nobody waits any more
    clock.advance(seconds=LOGIN_ACCOUNT.window_seconds + LOGIN_ACCOUNT.max_seconds + 1)
    assert isinstance(griffier.verify("griffier", PASS, client="nieuw-apparaat"), SignedIn)


def test_no_global_lock(griffier: Store) -> None:
    """F4: five wrong PINs from anyone locked the real griffier out (one global row)."""
    griffier.add_user("wethouder", PASS, ["coordinator"])
    for n in range(3 * LOGIN_ACCOUNT.free):
        griffier.verify("griffier", "gok", client=f"bot-{n}")
    assert isinstance(griffier.verify("griffier", PASS, client="raadhuis"), Throttled)
    # another account, from the very addresses that guessed, is not affected at all
    assert isinstance(griffier.verify("wethouder", PASS, client="bot-0"), SignedIn)
    assert isinstance(griffier.verify("wethouder", PASS, client="raadhuis"), SignedIn)


def test_griffie_pin_through_the_limiter_locks_nobody_else(store: Store) -> None:
    """F4 with the PIN kept for now: a stranger's guesses no longer lock the griffier out."""
    store.set_pin("482913")
    for _ in range(20):
        store.verify_pin("000000", client="bezoeker")
    assert isinstance(store.verify_pin("482913", client="bezoeker"), Throttled)
    owner = store.verify_pin("482913", client="griffie-pc")
    assert owner == SignedIn(name="pin:griffie", roles=frozenset({"griffie"}))


def test_room_code_guesses_are_limited_per_client(store: Store) -> None:
    """F15: 50-60 room-code guesses per second from one client, no limit."""
    waits = [store.room_code_missed("raadshuis-wifi") for _ in range(ROOM_CODE.free + 2)]
    assert waits[:ROOM_CODE.free - 1] == [0] * (ROOM_CODE.free - 1)
    assert waits[-1] > waits[-2] > 0
    assert store.room_code_wait("raadshuis-wifi") > 0
    assert store.room_code_wait("telefoon-2") == 0


def test_limiter_keeps_no_address_or_name_in_clear(griffier: Store) -> None:
    griffier.verify("griffier", "gok", client="192.0.2.77")
    griffier.room_code_missed("192.0.2.78")
    stored = text_of(dump(griffier.engine))
    assert "192.0.2.7" not in stored
    with griffier.engine.connect() as conn:
        assert len(conn.execute(select(AttemptRow.key)).all()) == 3


def test_purge_drops_expired_limiter_rows(griffier: Store, clock: FakeClock) -> None:
    griffier.verify("griffier", "gok", client="x")
    clock.advance(seconds=LOGIN_ACCOUNT.window_seconds + LOGIN_ACCOUNT.max_seconds + 1)
    griffier.purge_expired()
    with griffier.engine.connect() as conn:
        assert conn.execute(select(AttemptRow.key)).all() == []
