"""Where the person's netwerklijst is kept: this session, and under their own token.

Why both: the session copy makes every run fast and works without storage; the copy under the
token (a visitor document of kind "netwerklijst", see vbestuur_service.visitor) lets the person
find the list again next month, and is covered by resume, bewaarcode and "vergeet mij" like
their answers. The session copy remembers the token it belongs to: after a resume or "vergeet
mij" the token changes, and the list is read again instead of showing someone else's (or a
forgotten) list.
"""

from __future__ import annotations

from vbestuur_engine import Engine
from vbestuur_engine.netwerklijst import NetworkList, from_data, initial_list
from vbestuur_engine.schema import LocalValues

from .. import persistence, session
from ..i18n import current_lang
from ..loading import load
from ..store_views.local import session_local

KIND = "netwerklijst"


def token() -> str | None:
    """The person's token, or None when nothing is kept beyond this session."""
    return persistence.session_token() or None


def stored() -> NetworkList | None:
    """The person's own list, or None when they have not saved one yet."""
    current_token = token()
    cached = session.current().netwerklijst
    if cached is not None and cached[0] == current_token:
        return from_data(cached[1])
    data = persistence.load_document(KIND) if current_token else None
    network = from_data(data)
    _remember(current_token, network)
    return network


def current(engine: Engine, lang: str, local: LocalValues | None) -> NetworkList:
    """The list to show: the person's own, or a fresh one from the content."""
    return stored() or initial_list(engine.content, local, lang)


def save(network: NetworkList) -> None:
    """Keep the list in this session and, when the person has a token, under that token."""
    current_token = token()
    _remember(current_token, network)
    if current_token:
        persistence.save_document(KIND, network.model_dump(mode="json"))


def _remember(current_token: str | None, network: NetworkList | None) -> None:
    data = network.model_dump(mode="json") if network is not None else None
    session.current().netwerklijst = (current_token, data)


def context() -> tuple[Engine, str, LocalValues | None]:
    """The engine, the session's language and the municipality values the advice uses.

    Callbacks and the page both need these three; the page is only reachable when the content
    loaded, so a missing engine is a programming error. The values are the same as the
    conversation's: an example municipality the person picked, else the griffie's profile.
    """
    engine = load().engine
    assert engine is not None, "the netwerklijst page needs valid content"
    return engine, current_lang(), session_local(engine)
