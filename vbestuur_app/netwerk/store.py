"""The netwerklijst page's view of the person's list, and what its callbacks need.

Why so little: the list itself is visitor data, kept in this session and under the person's
token by `persistence.netwerklijst`/`save_netwerklijst` (covered by resume, bewaarcode and
"vergeet mij" like their answers); this module adds the fresh list from the content for someone
who has none yet, and the context every callback needs.
"""

from __future__ import annotations

from vbestuur_engine import Engine
from vbestuur_engine.netwerklijst import NetworkList, initial_list
from vbestuur_engine.schema import LocalValues

from .. import persistence
from ..i18n import current_lang
from ..loading import load
from ..store_views.local import session_local


def token() -> str | None:
    """The person's token, or None when nothing is kept beyond this session."""
    return persistence.session_token() or None


def stored() -> NetworkList | None:
    """The person's own list, or None when they have not saved one yet."""
    return persistence.netwerklijst()


def current(engine: Engine, lang: str, local: LocalValues | None) -> NetworkList:
    """The list to show: the person's own, or a fresh one from the content."""
    return stored() or initial_list(engine.content, local, lang)


def save(network: NetworkList) -> bool:
    """Keep the list (in this session and, with a token, under that token); True when it
    was stored, False when it is kept in this window only."""
    return persistence.save_netwerklijst(network)


def context() -> tuple[Engine, str, LocalValues | None]:
    """The engine, the session's language and the municipality values the advice uses.

    Callbacks and the page both need these three; the page is only reachable when the content
    loaded, so a missing engine is a programming error. The values are the same as the
    conversation's: an example municipality the person picked, else the griffie's profile.
    """
    engine = load().engine
    assert engine is not None, "the netwerklijst page needs valid content"
    return engine, current_lang(), session_local(engine)
