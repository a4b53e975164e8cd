"""The app's one door to storage: this browser's token, and saving under it.

Why here and not in the views: every page (answers, the netwerklijst, readiness) needs the same
three things — which token this session uses, how to save without ever breaking the page, and
how to forget. The token comes from the cookie that `asgi.py` sets; AppTest has no
cookies, so reading it sits behind `read_cookie()`, which tests replace.

Why errors never reach the person as a stack trace: a store problem (the database is down, the
data was forgotten in another tab, or expired) must not stop someone under threat from reading
the advice. The answers stay in the session, and a calm notice says they are not being saved.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from vbestuur_service import runtime
from vbestuur_store import COOKIE_NAME, Store, StoreError, UnknownToken, is_token

from .i18n import LANG_KEY, current_lang, t
from .messages import error_text

TOKEN_KEY = "store:token"
STARTED_KEY = "store:started"
LINK_KEY = "store:link_from"
NOTICES_KEY = "store:notices"
FORGOTTEN_KEY = "store:forgotten"
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


def get_store() -> Store:
    """The process's one store (see vbestuur_service.runtime); may raise a `StoreError`."""
    return runtime.current().store()


def notice(message: str) -> None:
    """Remember a message for the person; the frame shows it once (see `pop_notices`)."""
    notices: list[str] = st.session_state.setdefault(NOTICES_KEY, [])
    if message not in notices:
        notices.append(message)


def pop_notices() -> list[str]:
    """The messages collected since the last run, once."""
    notices: list[str] = st.session_state.pop(NOTICES_KEY, [])
    return notices


def safely(action: Callable[[Store], T], fallback: T) -> T:
    """Run a store action; on any storage problem keep the page working and say so."""
    try:
        return runtime.current().use(action)
    except UnknownToken:
        st.session_state[TOKEN_KEY] = None
        notice(t("store.gone"))
    except StoreError as err:
        notice(error_text(err))
    return fallback


def _start() -> None:
    """Once per Streamlit session: use the cookie's token if the store knows it."""
    ss = st.session_state
    ss[STARTED_KEY] = True
    cookie = read_cookie()
    known = cookie is not None and safely(lambda store: store.exists(cookie), False)
    ss[TOKEN_KEY] = cookie if known else None


def session_token() -> str | None:
    """This browser's token, restored from the cookie; None when nothing can be saved."""
    if STARTED_KEY not in st.session_state:
        _start()
    token: str | None = st.session_state.get(TOKEN_KEY)
    return token


def keep_relink() -> None:
    """Renew the one-time cookie swap while a resumed session is open (see asgi.py)."""
    old, token = st.session_state.get(LINK_KEY), session_token()
    if old and token and read_cookie() == old:
        runtime.current().relinks.offer(old, token)


def load_answers() -> dict[str, dict[str, Any]]:
    """All answers saved under this browser's token (empty without one)."""
    token = session_token()
    if token is None:
        return {}
    return safely(lambda store: store.load_answers(token), {})


def save_answers(flow_id: str, answers: dict[str, Any]) -> None:
    """Save one flow's answers under the token (a no-op without one)."""
    token = session_token()
    if token is not None:
        safely(lambda store: store.save_answers(token, flow_id, answers), None)


def save_document(kind: str, data: object) -> None:
    """Save a document (e.g. "netwerklijst") under the token; a no-op without one."""
    token = session_token()
    if token is not None:
        safely(lambda store: store.save_document(token, kind, data), None)


def load_document(kind: str) -> object | None:
    """The saved document of that kind, or None (also without a token)."""
    token = session_token()
    if token is None:
        return None
    return safely(lambda store: store.load_document(token, kind), None)


def resume(code: str) -> dict[str, dict[str, Any]]:
    """Continue with a bewaarcode: adopt its token here and return its answers.

    Raises MalformedCode or UnknownCode (the caller shows their message); the current
    session is changed only after the code proved right.
    """
    def adopt(store: Store) -> tuple[str, dict[str, dict[str, Any]]]:
        token = store.resume(code)
        return token, store.load_answers(token)

    token, answers = runtime.current().use(adopt)
    st.session_state[STARTED_KEY] = True
    st.session_state[TOKEN_KEY] = token
    cookie = read_cookie()
    if cookie is not None and cookie != token:
        st.session_state[LINK_KEY] = cookie
        runtime.current().relinks.offer(cookie, token)
    return answers


def forget_me() -> None:
    """Delete everything stored for this person at once, and empty this session.

    Both the session's token and (after a resume) this browser's own cookie token are
    forgotten. Nothing is saved any more in this session; the next page load gets a new,
    empty token from the middleware. If the store cannot be reached, nothing is cleared
    (the notice says so) and `FORGOTTEN_KEY` stays unset.
    """
    ss = st.session_state
    tokens = {session_token(), read_cookie(), ss.get(LINK_KEY)} - {None}
    done = True
    for token in tokens:
        assert token is not None
        runtime.current().relinks.cancel(token)
        done = safely(functools.partial(_forget, token=token), False) and done
    if not done:
        return
    lang = current_lang()
    ss.clear()
    ss.update({LANG_KEY: lang, STARTED_KEY: True, TOKEN_KEY: None, FORGOTTEN_KEY: True})


def _forget(store: Store, *, token: str) -> bool:
    store.forget(token)
    return True
