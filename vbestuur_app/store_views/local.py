"""The municipality profile as the engine's `LocalValues`: what every person's advice uses.

Why a short cache: every run of every page needs the profile, but it changes only when the
griffie edits it. Ten seconds of caching keeps a page run to one query at most, other server
processes see an edit within those seconds, and this process clears the cache on every edit.

Why the page never waits on it (F3 of the security review): with a hung database every page,
the flows and the 112 notice included, used to wait for the profile. Now a page takes the
values it has (at most ten seconds old) and a worker thread reads new ones; only the very
first read of a process waits, and at most `FIRST_WAIT_SECONDS`. Without a profile the advice
uses the national texts. Why not `st.cache_data`: any websocket client can clear Streamlit's
caches (F9); this cache belongs to the process's runtime.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout

from vbestuur_engine import Engine
from vbestuur_engine.schema import LocalValues, Text
from vbestuur_service import runtime
from vbestuur_service.runtime import Runtime
from vbestuur_store import StoreError

from .. import session
from ..i18n import _

LOG = logging.getLogger(__name__)
NAME_ID = "gemeente-naam"  # a profile entry that is not an open term: the municipality's name
CACHE_SECONDS = 10.0
FIRST_WAIT_SECONDS = 1.0
Values = dict[str, tuple[str, str]]


class _Cache:
    """The last values read, for which runtime and when; and the read under way."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.values: tuple[Runtime, float, Values] | None = None
        self.pending: tuple[Runtime, Future[Values]] | None = None


_CACHE = _Cache()


def _read(rt: Runtime) -> Values:
    values = {term: (value.nl, value.en)
              for term, value in rt.use(lambda s: s.get_profile()).items()}
    with _CACHE.lock:
        _CACHE.values = (rt, time.monotonic(), values)
    return values


def _known(rt: Runtime) -> tuple[float, Values] | None:
    kept = _CACHE.values
    return (kept[1], kept[2]) if kept is not None and kept[0] is rt else None


def _reading(rt: Runtime) -> Future[Values]:
    """The read under way for `rt`, or a new one (one at a time per process)."""
    pending = _CACHE.pending
    if pending is None or pending[0] is not rt or pending[1].done():
        pending = (rt, rt.submit(lambda: _read(rt)))
        _CACHE.pending = pending
    return pending[1]


def profile() -> Values:
    """The municipality's own values (nl, en) by term id; empty when none or unreachable."""
    rt = runtime.current()
    with _CACHE.lock:
        known = _known(rt)
        if known is not None and time.monotonic() - known[0] < CACHE_SECONDS:
            return known[1]
        reading = _reading(rt)
    try:
        return reading.result(timeout=0 if known is not None else FIRST_WAIT_SECONDS)
    except FutureTimeout:
        LOG.warning("municipality profile: storage slow, page drawn without waiting")
    except StoreError:
        LOG.warning("municipality profile unavailable")
    return known[1] if known is not None else {}


def forget_cache() -> None:
    """After an edit: the next run of every session in this process reads the new values."""
    with _CACHE.lock:
        _CACHE.values = None
        _CACHE.pending = None


def profile_name() -> str | None:
    """The municipality's name as the griffie entered it, if any."""
    entry = profile().get(NAME_ID)
    return entry[0] if entry else None


def profile_values(engine: Engine, fallback_name: str) -> LocalValues | None:
    """The profile as `LocalValues` (only the engine's own terms), or None when it is empty."""
    values = {term: Text(nl=nl, en=en) for term, (nl, en) in profile().items()
              if term in engine.content.terms}
    if not values:
        return None
    return LocalValues(municipality=profile_name() or fallback_name, values=values)


def session_local(engine: Engine) -> LocalValues | None:
    """The values this session's advice uses: an example municipality the person picked,
    else the municipality profile the griffie keeps, else none (the national texts)."""
    name = session.current().local
    if name:
        return engine.local_values(name)
    return profile_values(engine, _("Uw gemeente"))
