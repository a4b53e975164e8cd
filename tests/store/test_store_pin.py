"""The griffie PIN: hashed, no default, wrong attempts slowed down with a persisted backoff."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import FakeClock, dump, text_of

from vbestuur_store import Locked, PinNotConfigured, Store, WeakPin, WrongPin, open_store
from vbestuur_store.pin import FREE_ATTEMPTS, MAX_LOCK_SECONDS, lock_seconds

PIN = "482915"


def _fail(store: Store, times: int) -> None:
    for _ in range(times):
        assert store.check_pin("000000") is False


def test_no_default_pin(store: Store) -> None:
    assert not store.has_pin()
    for guess in ("", "0000", "123456", "admin", "griffie"):
        with pytest.raises(PinNotConfigured) as err:
            store.check_pin(guess)
    assert err.value.code == "pin-not-configured"


def test_right_and_wrong_pin(store: Store) -> None:
    store.set_pin(PIN)
    assert store.has_pin()
    assert store.check_pin(PIN) is True
    assert store.check_pin("482916") is False
    assert store.check_pin(PIN + " ") is False
    with pytest.raises(WrongPin) as err:
        store.require_pin("nope-nope")
    assert err.value.code == "wrong-pin" and err.value.params == {}
    store.require_pin(PIN)


def test_pin_is_stored_hashed(store: Store) -> None:
    store.set_pin("geheim-wachtwoord-1")
    assert "geheim-wachtwoord-1" not in text_of(dump(store.engine))
    assert b"geheim-wachtwoord-1".hex() not in text_of(dump(store.engine))


@pytest.mark.parametrize("pin", ["", "12345", "x" * 129])
def test_weak_pin_is_refused(store: Store, pin: str) -> None:
    with pytest.raises(WeakPin) as err:
        store.set_pin(pin)
    assert err.value.params == {"min_length": 6, "max_length": 128}
    assert not store.has_pin()


def test_lockout_after_repeated_failures(store: Store, clock: FakeClock) -> None:
    store.set_pin(PIN)
    _fail(store, FREE_ATTEMPTS - 1)
    assert store.check_pin(PIN) is True  # a success resets the count
    _fail(store, FREE_ATTEMPTS)
    with pytest.raises(Locked) as err:
        store.check_pin(PIN)  # even the right PIN is not checked while locked
    assert err.value.seconds == lock_seconds(FREE_ATTEMPTS) > 0
    assert err.value.code == "locked" and err.value.params == {"seconds": err.value.seconds}
    clock.advance(seconds=err.value.seconds)
    assert store.check_pin(PIN) is True


def test_backoff_grows_and_is_capped(store: Store, clock: FakeClock) -> None:
    store.set_pin(PIN)
    _fail(store, FREE_ATTEMPTS - 1)
    waits = []
    for _ in range(12):
        assert store.check_pin("000000") is False
        with pytest.raises(Locked) as err:
            store.check_pin("000000")
        waits.append(err.value.seconds)
        clock.advance(seconds=err.value.seconds)
    assert waits == sorted(waits) and waits[1] == 2 * waits[0]
    assert waits[-1] == MAX_LOCK_SECONDS


def test_lockout_survives_a_restart(store: Store, reopen: Callable[[], Store],
                                    clock: FakeClock) -> None:
    store.set_pin(PIN)
    _fail(store, FREE_ATTEMPTS)
    with pytest.raises(Locked):
        reopen().check_pin(PIN)
    clock.advance(seconds=MAX_LOCK_SECONDS)
    assert reopen().check_pin(PIN) is True


def test_locked_attempts_do_not_extend_the_lock(store: Store, clock: FakeClock) -> None:
    store.set_pin(PIN)
    _fail(store, FREE_ATTEMPTS)
    with pytest.raises(Locked) as first:
        store.check_pin("000000")
    clock.advance(seconds=1)
    with pytest.raises(Locked) as second:
        store.check_pin("000000")
    assert second.value.seconds == first.value.seconds - 1


def test_set_pin_clears_the_lock(store: Store) -> None:
    store.set_pin(PIN)
    _fail(store, FREE_ATTEMPTS)
    store.set_pin("nieuwe-pin")
    assert store.check_pin("nieuwe-pin") is True
    assert store.check_pin(PIN) is False


def test_env_pin_is_applied_on_start(db_url: str, clock: FakeClock) -> None:
    first = open_store(db_url, clock=clock, env={"VBESTUUR_GRIFFIE_PIN": PIN})
    hash_before = dump(first.engine)["auth_state"]
    second = open_store(db_url, clock=clock, env={"VBESTUUR_GRIFFIE_PIN": PIN})
    assert second.check_pin(PIN) is True
    assert dump(second.engine)["auth_state"][0][1] == hash_before[0][1]  # not re-hashed
    third = open_store(db_url, clock=clock, env={"VBESTUUR_GRIFFIE_PIN": "ander-pin"})
    assert third.check_pin("ander-pin") is True and third.check_pin(PIN) is False
    for opened in (first, second, third):
        opened.close()


def test_cli_set_pin(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("VBESTUUR_")}
    result = subprocess.run([sys.executable, "-m", "vbestuur_store", "set-pin", "--url", url],
                            input="cli-pin-99\n", capture_output=True, text=True, env=env,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "cli-pin-99" not in result.stdout + result.stderr
    store = open_store(url, env={})
    assert store.check_pin("cli-pin-99") is True
    store.close()
    short = subprocess.run([sys.executable, "-m", "vbestuur_store", "set-pin", "--url", url],
                           input="123\n", capture_output=True, text=True, env=env, timeout=60,
                           check=False)
    assert short.returncode == 1 and "weak-pin" in short.stderr
