"""The pages' door to the visitor's stored data: this browser's token, and calm failures.

Why a token may have no row (F6 of the security review): a page load only hands out a token;
its row is made by the first thing worth keeping (`keep`: an answer, a list, a bewaarcode),
bounded per client by the store. Reading for a token without a row finds nothing.

Why so thin: what is kept and how (answers, the open conversation, documents, resume, forget)
are the service's use cases (`vbestuur_service.visitor`). This module only binds them to this
session: it finds the token (from the cookie that `asgi.py` sets; AppTest has no cookies, so
reading it sits behind `read_cookie()`, which tests replace), and it turns a storage problem
into a notice for the frame (store_notices.py), so someone under threat can always read the
advice: the answers stay in the session and a calm sentence says they are not being saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import streamlit as st

from vbestuur_engine.netwerklijst import NetworkList, from_data
from vbestuur_service import runtime
from vbestuur_service import visitor as uc
from vbestuur_service.visitor import Visitor
from vbestuur_store import COOKIE_NAME, StoreError, Throttled, UnknownToken, is_token
from vbestuur_store.tokens import new_token

from . import clients, session
from .i18n import _
from .store_notices import FRAME as FRAME  # the pages' names stay persistence.notice & co.
from .store_notices import notice as notice
from .store_notices import pop_notices as pop_notices
from .store_notices import report as report

if TYPE_CHECKING:  # types only: the store's modules import SQLAlchemy (issue 15)
    from vbestuur_store import Store

NETWERK_DOC = "netwerklijst"  # the visitor document that holds the person's netwerklijst
INCIDENT_OWNER_KEY = "inc:owner"  # the register's owner of a browser without a token
RESTORE_SECONDS = 2.0  # the most a returning browser's first page waits for its answers
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
    """Read visitor data when there may be some; a storage problem becomes a notice.

    A token without a row (nothing kept yet, F6) has nothing to read: no query at all once
    that is known, and no message when a first read finds it out. A page waits at most
    `RESTORE_SECONDS` for a read (F3)."""
    current, state = visitor(), session.current()
    if current is None or state.stored is False:
        return fallback
    try:
        value = current.rt.within(lambda: action(current), RESTORE_SECONDS)
    except UnknownToken as err:
        if state.stored:
            report(err)
        state.stored = False
        return fallback
    except StoreError as err:
        report(err)
        return fallback
    state.stored = True
    return value


def keep(action: Callable[[Visitor], T], fallback: T) -> T:
    """Save visitor data: the token's row is made first if it has none yet (F6)."""
    current = visitor()
    if current is None:
        return fallback
    try:
        if not _started(current):
            return fallback
        return action(current)
    except StoreError as err:
        report(err)
    return fallback


def _started(current: Visitor) -> bool:
    """Make sure the token has a row; False (with a notice) when this client has started
    too many sessions lately. A new row also keeps the open conversation."""
    state = session.current()
    if state.stored:
        return True
    result = current.start(clients.address())
    if isinstance(result, Throttled):
        notice(_(
            "Vanaf uw netwerk worden nu heel veel nieuwe gesprekken begonnen. Wat u invult, "
            "staat in dit venster, maar wordt pas over een paar minuten weer bewaard."))
        return False
    state.stored = True
    if result.created and state.flow is not None:
        current.set_open_flow(state.flow)
    return True


def session_token() -> str | None:
    """This browser's token (from its cookie; it may have no row yet); None when nothing
    can be saved. Finding it never waits on the database."""
    state = session.current()
    if not state.started:
        state.started = True
        state.token = read_cookie()
    return state.token


def is_stored() -> bool:
    """Whether something is kept under this browser's token (its row is known to exist)."""
    return session.current().stored is True


def keep_relink() -> None:
    """Renew the one-time cookie swap while it is wanted (see asgi.py): after a resume, and
    after "vergeet mij" (the browser then gets a fresh, unused token)."""
    state, rt, cookie = session.current(), runtime.current(), read_cookie()
    if state.fresh_cookie and cookie and cookie != state.fresh_cookie:
        rt.fresh_cookies.offer(cookie, state.fresh_cookie)
        return
    uc.keep_relink(rt, cookie, state.link_from, session_token())


def load_answers() -> dict[str, dict[str, Any]]:
    """All answers saved under this browser's token (empty without one).

    When the database cannot be read, this session saves nothing: a save would replace
    answers kept earlier that could not be shown. The page waits at most `RESTORE_SECONDS`
    for them (F3): someone under threat reads the advice first."""
    current, state = visitor(), session.current()
    if current is None or state.stored is False:
        return {}
    try:
        saved = current.rt.within(current.answers, RESTORE_SECONDS)
    except UnknownToken:
        state.stored = False
        return {}
    except StoreError as err:
        report(err)
        state.token = None
        return {}
    state.stored = True
    return saved


def save_answers(flow_id: str, answers: dict[str, Any]) -> None:
    """Save one flow's answers under the token (a no-op without one, and for no answers
    when nothing is kept yet)."""
    if not answers and not session.current().stored:
        return
    keep(lambda v: v.save_answers(flow_id, answers), None)


def save_document(kind: str, data: object) -> None:
    """Save a document (e.g. "netwerklijst") under the token; a no-op without one."""
    keep(lambda v: v.save_document(kind, data), None)


def remember_open_flow(flow_id: str) -> None:
    """Keep which conversation is open, once something is kept (opening is not enough)."""
    if session.current().stored:
        keep(lambda v: v.set_open_flow(flow_id), None)


def load_document(kind: str) -> object | None:
    """The saved document of that kind, or None (also without a token)."""
    return attempt(lambda v: v.document(kind), None)


def make_bewaarcode() -> str | None:
    """A new bewaarcode for this browser's answers (a row is made first when needed)."""
    return keep(lambda v: v.make_bewaarcode(), None)


def resume(code: str) -> dict[str, dict[str, Any]]:
    """Continue with a bewaarcode: adopt its token here and return its answers.

    Raises MalformedCode or UnknownCode (the caller shows their message); the current
    session is changed only after the code proved right.
    """
    cookie = read_cookie()
    resumed = uc.resume(runtime.current(), code, cookie)
    state = session.current()
    state.started, state.token, state.stored = True, resumed.token, True
    if resumed.relinked:
        state.link_from = cookie
    return resumed.answers


def forget_me() -> None:
    """Delete everything stored for this person at once, and empty this session.

    Both the session's token and (after a resume) this browser's own cookie token are
    forgotten. Nothing is saved any more in this session; the next page load swaps the
    cookie for a new, unused token (`keep_relink`). If the store cannot be reached, nothing
    is cleared (the notice says so) and the session is not marked as forgotten.
    """
    state = session.current()
    tokens = {token for token in (session_token(), read_cookie(), state.link_from) if token}
    owner = session.widget(INCIDENT_OWNER_KEY)
    owners = tokens | ({owner} if isinstance(owner, str) else set())
    problems = uc.withdraw_registrations(runtime.current(), owners)
    problems += uc.forget(runtime.current(), tokens)
    for err in problems[:1]:
        report(err)
    if not problems:
        session.start_over(session.lang(), new_token())


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

    return keep(store, False)


def _remember_netwerklijst(current_token: str | None, network: NetworkList | None) -> None:
    data = network.model_dump(mode="json") if network is not None else None
    session.current().netwerklijst = (current_token, data)
