"""One runtime per process: the settings, the content (one engine), ONE store, the relink book.

Why one: the page scripts, the workshop pages and the cookie middleware each used to open a
store of their own (three SQLAlchemy engines and pools, three migration checks per process).
All of them now ask `current()`, which opens the runtime once; the ASGI lifespan opens it when
the server starts and closes it when it stops (`install`/`reset`). Tests that point the
environment at another database call `reset()` between tests.

Why lazy parts: the middleware needs the store but never the engine, and AppTest needs the
engine but may run without a database; each part is made on first use, once, under a lock.
A store that cannot be opened (the database is down) is tried again on the next use.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

from vbestuur_store import Store, open_store, purge_expired_workshops

from .content import Loaded, load_content
from .errors import mapped
from .relink import RelinkBook
from .settings import Settings

LOG = logging.getLogger(__name__)
T = TypeVar("T")
StoreFactory = Callable[[Settings], Store]


def _open(settings: Settings) -> Store:
    return open_store(settings.database_url, retention_days=settings.retention_days,
                      env=settings.store_env())


class Runtime:
    """What every session of this process shares. Thread-safe; never mutated per visitor."""

    def __init__(self, settings: Settings, store_factory: StoreFactory = _open,
                 relinks: RelinkBook | None = None) -> None:
        self.settings = settings
        self.relinks = RelinkBook() if relinks is None else relinks
        self._store_factory = store_factory
        self._lock = threading.Lock()  # guards the store
        self._content_lock = threading.Lock()  # guards the content (loading takes a while)
        self._store: Store | None = None
        self._loaded: Loaded | None = None

    @property
    def loaded(self) -> Loaded:
        """The content of `settings.content_root`, loaded once."""
        with self._content_lock:
            if self._loaded is None:
                self._loaded = load_content(self.settings.content_root)
            return self._loaded

    def store(self) -> Store:
        """The process's one store, opened (and migrated) on first use."""
        with self._lock:
            if self._store is None:
                self._store = mapped(lambda: self._store_factory(self.settings))
            return self._store

    def use(self, action: Callable[[Store], T]) -> T:
        """Run a store action; every storage failure arrives as a `StoreError`."""
        return mapped(lambda: action(self.store()))

    def purge(self) -> int:
        """Delete sessions unused for the retention period and expired workshops."""
        removed = self.use(lambda store: store.purge_expired())
        self.use(purge_expired_workshops)
        if removed:
            LOG.info("retention: %d unused sessions deleted", removed)
        return removed

    def close(self) -> None:
        """Release the store's connections (at shutdown, or between tests)."""
        with self._lock:
            store, self._store = self._store, None
        if store is not None:
            store.close()


_LOCK = threading.Lock()
_CURRENT: Runtime | None = None


def current() -> Runtime:
    """This process's runtime; opened from the environment on first use."""
    global _CURRENT
    with _LOCK:
        if _CURRENT is None:
            _CURRENT = Runtime(Settings.from_env())
        return _CURRENT


def install(runtime: Runtime) -> None:
    """Make `runtime` the process's runtime (the lifespan, or a test), closing any other."""
    global _CURRENT
    with _LOCK:
        previous, _CURRENT = _CURRENT, runtime
    if previous is not None and previous is not runtime:
        previous.close()


def reset() -> None:
    """Close and forget the runtime; the next `current()` reads the environment again."""
    global _CURRENT
    with _LOCK:
        previous, _CURRENT = _CURRENT, None
    if previous is not None:
        previous.close()
