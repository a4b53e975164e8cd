"""One runtime per process: the settings, the content (one engine), ONE store, the relink book.

Why one: the page scripts, the workshop pages and the cookie middleware each used to open a
store of their own (three SQLAlchemy engines and pools, three migration checks per process).
All of them now ask `current()`, which opens the runtime once; the ASGI lifespan opens it when
the server starts and closes it when it stops (`install`/`reset`). Tests that point the
environment at another database call `reset()` between tests.

Why lazy parts: the middleware needs the store but never the engine, and AppTest needs the
engine but may run without a database; each part is made on first use, once, under a lock.
A store that cannot be opened (the database is down) is tried again on the next use.

Why a short pause after an outage (F3 of the security review): a PostgreSQL that accepts
connections and never answers costs every statement its timeout (a few seconds). Without a
pause every page run, the middleware's cookie and every click would each wait that long again.
After a call fails because the database is unavailable, `use` refuses at once for
`PAUSE_SECONDS` (the pages then say their calm sentence without waiting), and the first call
after the pause tries the database again, so the app recovers by itself. And what a page
reads while it draws (the municipality profile, a returning browser's answers) goes through
`within`: the page waits at most a second or two, never the database's full timeout.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, TypeVar

from . import heap
from .content import Loaded, load_content
from .errors import StorageUnavailable, mapped
from .relink import RelinkBook
from .settings import Settings

if TYPE_CHECKING:  # the store and SQLAlchemy are imported when first used (issue 15)
    from vbestuur_store import Store

LOG = logging.getLogger(__name__)
T = TypeVar("T")
StoreFactory = Callable[[Settings], "Store"]
PAUSE_SECONDS = 10.0
WORKERS = 4  # threads for reads a page does not wait on (within / submit)


def _open(settings: Settings) -> Store:
    from vbestuur_store.store import open_store

    return open_store(settings.database_url, retention_days=settings.retention_days,
                      env=settings.store_env())


class Runtime:
    """What every session of this process shares. Thread-safe; never mutated per visitor."""

    def __init__(self, settings: Settings, store_factory: StoreFactory = _open,
                 relinks: RelinkBook | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.relinks = RelinkBook() if relinks is None else relinks
        # after "vergeet mij": the browser's cookie becomes a new, unused token (no row)
        self.fresh_cookies = RelinkBook()
        self._store_factory = store_factory
        self._lock = threading.Lock()  # guards the store
        self._content_lock = threading.Lock()  # guards the content (loading takes a while)
        self._store: Store | None = None
        self._loaded: Loaded | None = None
        self._clock = clock
        self._paused_until = 0.0  # see the module docstring: no waiting on a known outage
        self._workers = ThreadPoolExecutor(max_workers=WORKERS,
                                           thread_name_prefix="vbestuur-store")

    @property
    def loaded(self) -> Loaded:
        """The content of `settings.content_root`, loaded once."""
        with self._content_lock:
            if self._loaded is None:
                self._loaded = load_content(self.settings.content_root,
                                            self.settings.content_cache)
                heap.settle()  # the content lives as long as the process (heap.py)
            return self._loaded

    def store(self) -> Store:
        """The process's one store, opened (and migrated) on first use."""
        with self._lock:
            if self._store is None:
                if not self.available():  # another thread just found the database down
                    raise StorageUnavailable()
                try:
                    self._store = mapped(lambda: self._store_factory(self.settings))
                except StorageUnavailable as err:
                    self._pause_after(err)
                    raise
                heap.settle()  # so does the store's code (SQLAlchemy), imported just now
            return self._store

    def use(self, action: Callable[[Store], T]) -> T:
        """Run a store action; every storage failure arrives as a `StoreError`.

        Right after the database was found unavailable this raises `StorageUnavailable` at
        once, without trying (see the module docstring)."""
        if self._clock() < self._paused_until:
            raise StorageUnavailable()
        try:
            return mapped(lambda: action(self.store()))
        except StorageUnavailable as err:
            self._pause_after(err)
            raise

    def _pause_after(self, err: StorageUnavailable) -> None:
        if _is_outage(err):
            self._paused_until = self._clock() + PAUSE_SECONDS

    def submit(self, call: Callable[[], T]) -> Future[T]:
        """Run `call` (which uses the store) in a worker thread; the caller need not wait.
        After `close` (a runtime replaced while a page still holds it) it runs here."""
        _import_store_code()
        try:
            return self._workers.submit(call)
        except RuntimeError:
            done: Future[T] = Future()
            try:
                done.set_result(call())
            except Exception as err:  # noqa: BLE001  (handed to the caller by the future)
                done.set_exception(err)
            return done

    def within(self, call: Callable[[], T], seconds: float) -> T:
        """Run `call` in a worker thread and wait at most `seconds` for it (F3).

        A call that takes longer raises `StorageUnavailable` here; it goes on in its thread
        and ends by the store's own timeouts (which then start the pause)."""
        try:
            return self.submit(call).result(timeout=seconds)
        except FutureTimeout:
            raise StorageUnavailable() from None

    def store_is_open(self) -> bool:
        """Whether the store is open: a read then costs a query, not importing and opening
        SQLAlchemy (a page that can do without it asks first, issue 15)."""
        return self._store is not None

    def available(self) -> bool:
        """False while the pause after an outage lasts (nothing is tried then)."""
        return self._clock() >= self._paused_until

    def purge(self) -> int:
        """Delete sessions unused for the retention period and expired workshops."""
        from vbestuur_store.workshop import purge_expired_workshops

        removed = self.use(lambda store: store.purge_expired())
        self.use(purge_expired_workshops)
        if removed:
            LOG.info("retention: %d unused sessions deleted", removed)
        return removed

    def close(self) -> None:
        """Release the store's connections (at shutdown, or between tests)."""
        self._workers.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            store, self._store = self._store, None
        if store is not None:
            store.close()


def _import_store_code() -> None:
    """Import the store's modules (and SQLAlchemy) in the caller's thread, once per process.

    Why: they are imported on first use (issue 15), and a page waits on a store call in a
    worker for a second or two at most (F3). That deadline is for a database that does not
    answer, not for the half second of importing the code on a process's first call: without
    this, a busy machine's first page would be drawn without the municipality profile."""
    import vbestuur_store.store  # noqa: F401


def _is_outage(err: StorageUnavailable) -> bool:
    """A database that does not answer (refused, hung, gone), not one that is read-only:
    reading still works then, so nothing pauses."""
    from vbestuur_store.faults import READ_ONLY, fault_code  # only after a failure

    return fault_code(err.__cause__) != READ_ONLY if err.__cause__ is not None else True


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
