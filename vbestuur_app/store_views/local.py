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

Why a screen may go without it (issue 15): opening the store imports SQLAlchemy, about half a
second of CPU, on the first read of a process. The profile changes only texts with an open
term (`{term:...}`, vbestuur_engine.text). So the side menu and a question screen that shows
no such text use the profile only when this process can have it without opening the store
(`known_profile`): read before, or the store already open (by a save, a returning browser's
cookie or the load balancer's /readyz). Every screen that shows an open term reads it.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout

from vbestuur_engine import Engine, Progress
from vbestuur_engine.schema import LocalValues, Text
from vbestuur_service import runtime
from vbestuur_service.i18n import N_
from vbestuur_service.runtime import Runtime
from vbestuur_store import StoreError

from .. import session
from ..i18n import _

LOG = logging.getLogger(__name__)
NAME_ID = "gemeente-naam"  # a profile entry that is not an open term: the municipality's name
# The name the profile's values go by while the griffie has not entered the municipality's own.
UNNAMED = N_("Uw gemeente")
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


def known_profile() -> Values | None:
    """The profile if this process has it or its store is open (one query); else None,
    without opening the store (see the module docstring)."""
    rt = runtime.current()
    with _CACHE.lock:
        known = _known(rt)
    if known is None and not rt.store_is_open():
        return None
    return profile()


def forget_cache() -> None:
    """After an edit: the next run of every session in this process reads the new values."""
    with _CACHE.lock:
        _CACHE.values = None
        _CACHE.pending = None


def profile_name() -> str | None:
    """The municipality's name as the griffie entered it, if any."""
    entry = profile().get(NAME_ID)
    return entry[0] if entry else None


def profile_values(engine: Engine, fallback_name: str,
                   values: Values | None = None) -> LocalValues | None:
    """The profile (`values`, else read) as `LocalValues` with only the engine's own terms;
    None when it is empty."""
    given = profile() if values is None else values
    terms = {term: Text(nl=nl, en=en) for term, (nl, en) in given.items()
             if term in engine.content.terms}
    if not terms:
        return None
    name = given.get(NAME_ID)
    return LocalValues(municipality=name[0] if name else fallback_name, values=terms)


def is_unnamed_profile(values: LocalValues) -> bool:
    """The griffie's profile without the municipality's name (it then goes by `UNNAMED`)."""
    return session.current().local is None and values.municipality == _(UNNAMED)


def session_local(engine: Engine, showing: Progress | None = None) -> LocalValues | None:
    """The values this session's advice uses: an example municipality the person picked,
    else the municipality profile the griffie keeps, else none (the national texts).

    With `showing` (the conversation's progress): a question screen that shows no open term
    (no advice yet, no term in the flow's questions) takes the profile only if it is known
    (`known_profile`); what it draws is the same either way."""
    name = session.current().local
    if name:
        return engine.local_values(name)
    if showing is not None and not _shows_terms(engine, showing):
        known = known_profile()
        return None if known is None else profile_values(engine, _(UNNAMED), known)
    return profile_values(engine, _(UNNAMED))


def _shows_terms(engine: Engine, progress: Progress) -> bool:
    """The screen of this progress may fill in an open term: the result, advice reached so
    far, or a question or info text of the flow with a term."""
    return (progress.complete or bool(progress.advice)
            or engine.flow(progress.flow_id).terms_before_result)
