"""The pages' door to the visitor's stored data: this browser's token, and calm failures.

Why so thin: what is kept and how (answers, the open conversation, documents, resume, forget)
are the service's use cases (`vbestuur_service.visitor`). This module only binds them to this
session: it finds the token (from the cookie that `asgi.py` sets; AppTest has no cookies, so
reading it sits behind `read_cookie()`, which tests replace), and it turns a storage problem
into a notice for the frame, so someone under threat can always read the advice: the answers
stay in the session and a calm sentence says they are not being saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from vbestuur_engine.netwerklijst import NetworkList, from_data
from vbestuur_service import runtime
from vbestuur_service import visitor as uc
from vbestuur_service.visitor import Visitor
from vbestuur_store import COOKIE_NAME, Store, StoreError, UnknownToken, is_token

from . import session
from .i18n import _
from .messages import error_text

FRAME = "frame"  # the notice place of the frame (shown above and below every page)
NETWERK_DOC = "netwerklijst"  # the visitor document that holds the person's netwerklijst
INCIDENT_OWNER_KEY = "inc:owner"  # the register's owner of a browser without a token
T = TypeVar("T")


def read_cookie() -> str | None:
    """The session token as this browser sent it, or None (no cookie, or not a token).

    In AppTest `st.context.cookies` is a mock, so only a real token string counts.
    """
    try:
        value = st.context.cookies.get(COOKIE_NAME)
    except (AttributeError, RuntimeError, KeyError):
        return None
    return value if is_token(value) else None


def notice(message: str) -> None:
    """Leave a message for the frame; it shows it once (see `pop_notices`)."""
    session.notify(FRAME, "text", text=message)


def pop_notices() -> list[str]:
    """The frame's messages collected since the last run, once."""
    return [str(n.params["text"]) for n in session.take(FRAME)]


def report(err: StoreError) -> None:
    """Tell the person about a storage problem; a forgotten token stops saving."""
    if isinstance(err, UnknownToken):
        session.current().token = None
        notice(_(
            "Uw bewaarde antwoorden zijn niet meer gevonden (verwijderd of verlopen). Wat u nu "
            "invult, staat alleen in dit venster."))
    else:
        notice(error_text(err))


def safely(action: Callable[[Store], T], fallback: T) -> T:
    """Run a store action; on any storage problem keep the page working and say so."""
    try:
        return runtime.current().use(action)
    except StoreError as err:
        report(err)
    return fallback


def visitor() -> Visitor | None:
    """This browser's data on the store; None when nothing can be saved."""
    token = session_token()
    return None if token is None else Visitor(runtime.current(), token)


def attempt(action: Callable[[Visitor], T], fallback: T) -> T:
    """Run a visitor use case when there is a token; a storage problem becomes a notice."""
    current = visitor()
    if current is None:
        return fallback
    try:
        return action(current)
    except StoreError as err:
        report(err)
    return fallback


def session_token() -> str | None:
    """This browser's token, restored from the cookie once per session; None when nothing
    can be saved."""
    state = session.current()
    if not state.started:
        state.started = True
        cookie = read_cookie()
        known = cookie is not None and safely(lambda store: store.exists(cookie), False)
        state.token = cookie if known else None
    return state.token


def keep_relink() -> None:
    """Renew the one-time cookie swap while a resumed session is open (see asgi.py)."""
    state = session.current()
    uc.keep_relink(runtime.current(), read_cookie(), state.link_from, session_token())


def load_answers() -> dict[str, dict[str, Any]]:
    """All answers saved under this browser's token (empty without one)."""
    return attempt(lambda v: v.answers(), {})


def save_answers(flow_id: str, answers: dict[str, Any]) -> None:
    """Save one flow's answers under the token (a no-op without one)."""
    attempt(lambda v: v.save_answers(flow_id, answers), None)


def save_document(kind: str, data: object) -> None:
    """Save a document (e.g. "netwerklijst") under the token; a no-op without one."""
    attempt(lambda v: v.save_document(kind, data), None)


def load_document(kind: str) -> object | None:
    """The saved document of that kind, or None (also without a token)."""
    return attempt(lambda v: v.document(kind), None)


def resume(code: str) -> dict[str, dict[str, Any]]:
    """Continue with a bewaarcode: adopt its token here and return its answers.

    Raises MalformedCode or UnknownCode (the caller shows their message); the current
    session is changed only after the code proved right.
    """
    cookie = read_cookie()
    resumed = uc.resume(runtime.current(), code, cookie)
    state = session.current()
    state.started, state.token = True, resumed.token
    if resumed.relinked:
        state.link_from = cookie
    return resumed.answers


def forget_me() -> None:
    """Delete everything stored for this person at once, and empty this session.

    Both the session's token and (after a resume) this browser's own cookie token are
    forgotten. Nothing is saved any more in this session; the next page load gets a new,
    empty token from the middleware. If the store cannot be reached, nothing is cleared
    (the notice says so) and the session is not marked as forgotten.
    """
    state = session.current()
    tokens = {token for token in (session_token(), read_cookie(), state.link_from) if token}
    owner = session.widget(INCIDENT_OWNER_KEY)
    problems = _withdraw_registrations(tokens | ({owner} if isinstance(owner, str) else set()))
    problems += uc.forget(runtime.current(), tokens)
    for err in problems[:1]:
        report(err)
    if not problems:
        session.start_over(session.lang())


def _withdraw_registrations(owners: set[str]) -> list[StoreError]:
    """"Vergeet mij" also withdraws this person's incident registrations (issue 16), when the
    register is switched on; a failure keeps the session from saying all was deleted."""
    settings = runtime.current().settings
    if not owners or not (settings.register_key or settings.register_key_file):
        return []
    from vbestuur_service.incidents import IncidentRegister, RegisterUnavailable  # deferred

    try:
        register = IncidentRegister.open(runtime.current())
        for owner in owners:
            register.forget(owner)
    except RegisterUnavailable:
        return []  # a register that cannot be opened holds nothing this app could delete
    except StoreError as err:
        return [err]
    return []


def netwerklijst() -> NetworkList | None:
    """The person's own netwerklijst, or None when they have not saved one yet.

    The session keeps a copy with the token it belongs to: after a resume or "vergeet mij" the
    token changes, and the list is read again instead of showing someone else's (or a
    forgotten) list.
    """
    current_token = session_token() or None
    cached = session.current().netwerklijst
    if cached is not None and cached[0] == current_token:
        return from_data(cached[1])
    network = from_data(load_document(NETWERK_DOC) if current_token else None)
    _remember_netwerklijst(current_token, network)
    return network


def save_netwerklijst(network: NetworkList) -> bool:
    """Keep the list in this session and, when the person has a token, under that token.

    True only when it was stored: the page must not say "Opgeslagen" beside "cannot be
    saved" (F16 of the security review)."""
    current_token = session_token() or None
    _remember_netwerklijst(current_token, network)
    if not current_token:
        return False
    data = network.model_dump(mode="json")

    def store(v: Visitor) -> bool:
        v.save_document(NETWERK_DOC, data)
        return True

    return attempt(store, False)


def _remember_netwerklijst(current_token: str | None, network: NetworkList | None) -> None:
    data = network.model_dump(mode="json") if network is not None else None
    session.current().netwerklijst = (current_token, data)
