"""The municipality profile as the engine's `LocalValues`: what every person's advice uses.

Why a short cache: every run of every page needs the profile, but it changes only when the
griffie edits it. Ten seconds of caching keeps a page run to one query at most, other server
processes see an edit within those seconds, and this process clears the cache on every edit.
"""

from __future__ import annotations

import logging

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_engine.schema import LocalValues, Text
from vbestuur_service import runtime
from vbestuur_store import StoreError

from .. import session
from ..i18n import _

LOG = logging.getLogger(__name__)
NAME_ID = "gemeente-naam"  # a profile entry that is not an open term: the municipality's name
CACHE_SECONDS = 10


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def _profile(url: str) -> dict[str, tuple[str, str]]:
    del url  # only the cache key
    return {term: (value.nl, value.en)
            for term, value in runtime.current().use(lambda s: s.get_profile()).items()}


def profile() -> dict[str, tuple[str, str]]:
    """The municipality's own values (nl, en) by term id; empty when none or unreachable."""
    try:
        return _profile(runtime.current().settings.database_url)
    except StoreError:
        LOG.exception("municipality profile unavailable")
        return {}


def forget_cache() -> None:
    """After an edit: the next run of every session in this process reads the new values."""
    _profile.clear()


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
