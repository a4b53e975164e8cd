"""After the database was found unavailable, the runtime does not wait on it again at once (F3).

Why: a PostgreSQL that accepts connections and never answers cost every page run, every click
and every cookie its timeouts again (130 s each before the timeouts; still a few seconds each
with them). The runtime now refuses at once for a short pause, and tries again afterwards.
"""

from __future__ import annotations

import pytest

from vbestuur_service.errors import StorageUnavailable
from vbestuur_service.runtime import PAUSE_SECONDS, Runtime
from vbestuur_service.settings import Settings
from vbestuur_store import StorageFault, Store

SETTINGS = Settings.from_env({})


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Factory:
    """A store factory that fails with `error` until it is told to work."""

    def __init__(self, error: Exception) -> None:
        self.error: Exception | None = error
        self.calls = 0

    def __call__(self, _settings: Settings) -> Store:
        self.calls += 1
        if self.error is not None:
            raise self.error
        return object()  # type: ignore[return-value]  # only its identity is used


def test_an_outage_pauses_the_store_and_it_is_tried_again_afterwards() -> None:
    clock, factory = Clock(), Factory(OSError("connection timed out"))
    rt = Runtime(SETTINGS, store_factory=factory, clock=clock)
    with pytest.raises(StorageUnavailable):
        rt.use(lambda store: store)
    assert factory.calls == 1 and not rt.available()
    for _n in range(20):  # twenty page runs during the pause: none of them tries
        with pytest.raises(StorageUnavailable):
            rt.use(lambda store: store)
    assert factory.calls == 1
    factory.error = None
    clock.now += PAUSE_SECONDS + 0.1
    assert rt.available()
    assert rt.use(lambda store: store) is not None  # recovered without a restart
    assert factory.calls == 2


def test_a_read_only_database_does_not_pause_reading() -> None:
    clock, factory = Clock(), Factory(StorageFault("read_only"))
    rt = Runtime(SETTINGS, store_factory=factory, clock=clock)
    with pytest.raises(StorageUnavailable):
        rt.use(lambda store: store)
    assert rt.available()
    with pytest.raises(StorageUnavailable):
        rt.use(lambda store: store)
    assert factory.calls == 2
