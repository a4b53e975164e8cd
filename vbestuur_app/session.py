"""What one browser session remembers: the ONLY module that touches `st.session_state`.

Why one typed object: the session used to be the domain model, spread over 48 key constants
in 15 modules, with five ways to leave a one-time message. Now a session holds one `Session`
dataclass under one key, so every field has a name, a type and a default, and one `Notice`
queue, so a callback leaves a message for a place on the page and that place shows it once.

What is not in the dataclass: the values of widgets. Streamlit keeps a widget's value under
the widget's own key; the pages read and seed them through `widget`/`set_widget` here, so
this module stays the only door to `st.session_state`.

Why nothing private in the URL: answers, tokens and PINs live here, on the server, never in a
query string; only the language may be in the URL.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context_attr import (
    SCRIPT_RUN_CONTEXT_ATTR_NAME,
)

from vbestuur_service.staff import GRIFFIE_ROLES, StaffIdentity

SESSION_KEY: Final = "vbestuur"
LANGS: Final = ("nl", "en")
DEFAULT_LANG: Final = "nl"
VIEWS: Final = ("ask", "review", "edit", "result")
MAX_NOTICES: Final = 20

Answer = str | list[str]


@dataclass(frozen=True)
class Notice:
    """A one-time message for one place on the page (`code` says what happened)."""

    place: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Session:
    """Everything one browser session keeps between runs (see the module docstring)."""

    lang: str | None = None  # None until decided (from `?lang=` on the first run)
    local: str | None = None  # the example municipality chosen, None for the griffie's
    flow: str | None = None  # the open conversation
    view: str = "ask"
    edit_question: str | None = None
    role: str | None = None  # the role said once this visit, reused by every flow ("": ask again)
    answers: dict[str, dict[str, Answer]] = field(default_factory=dict)
    token: str | None = None  # this browser's storage token (None: nothing is kept)
    started: bool = False  # the token has been taken from the cookie once
    stored: bool | None = None  # the token has a row (None: not looked up yet; F6)
    restored: bool = False  # saved answers have been taken over once
    link_from: str | None = None  # after a resume: this browser's own cookie token
    fresh_cookie: str | None = None  # after "vergeet mij": the unused token the cookie gets
    forgotten: bool = False  # "vergeet mij" has run
    bewaarcode: str | None = None  # shown until the person hides it
    netwerklijst: tuple[str | None, dict[str, Any] | None] | None = None  # (token, data)
    netwerk_editing: int | None = None  # the row whose form is open (-1: a new row)
    netwerk_problems: dict[str, Any] = field(default_factory=dict)  # the form's messages
    readiness_recorded: dict[str, str] = field(default_factory=dict)  # flow -> fingerprint
    staff: StaffIdentity | None = None  # who signed in on this session (vbestuur_service.staff)
    facilitating: tuple[str, str] | None = None  # (room code, PIN)
    participating: tuple[str, str] | None = None  # (room code, participant token)
    notices: list[Notice] = field(default_factory=list)
    marker: tuple[str, str] | None = None  # (lang, screen) the page was last told (widgets)
    # Not saved, rebuilt when missing: objects made from the settings above (the pages of
    # the navigation per language), so that a rerun does not make them again.
    kept: dict[object, Any] = field(default_factory=dict, repr=False, compare=False)


class _RunCache(threading.local):
    """The Session of the script run on this thread, with the run's context it belongs to."""

    ctx: object = None
    value: Session | None = None


_RUN = _RunCache()


def _run_ctx() -> object:
    """This thread's script-run context (what `get_script_run_ctx` returns, minus its
    warning machinery): the same object for every call within one run of one session."""
    return getattr(threading.current_thread(), SCRIPT_RUN_CONTEXT_ATTR_NAME, None)


def current() -> Session:
    """This session's state, made with the defaults on first use.

    Why cached per run: a rerun asked for it ~50 times (every `_()` needs the language), and
    each `st.session_state` lookup goes through Streamlit's proxy, lock and widget checks.
    The Session lives under one key that only this module writes, so within one script run
    (one context object of one session) the object found once stays the object; `begin_run`
    reads it afresh at the start of each run, in case a test set it between runs."""
    ctx = _run_ctx()
    if ctx is not None and _RUN.ctx is ctx and _RUN.value is not None:
        return _RUN.value
    return begin_run()


def begin_run() -> Session:
    """Read this session's state from `st.session_state` (and keep it for this run)."""
    value = st.session_state.get(SESSION_KEY)
    if not isinstance(value, Session):
        value = Session()
        st.session_state[SESSION_KEY] = value
    _keep(value)
    return value


def _keep(value: Session) -> None:
    _RUN.ctx, _RUN.value = _run_ctx(), value


def lang() -> str:
    """The session's language; Dutch unless the person chose English."""
    value = current().lang
    return value if value is not None and value in LANGS else DEFAULT_LANG


def view() -> str:
    value = current().view
    return value if value in VIEWS else "ask"


def staff(now: float) -> StaffIdentity | None:
    """The member of staff signed in on this session, while the sign-in lasts."""
    who = current().staff
    return who if who is not None and who.active(now) else None


def griffie_editor(now: float) -> str | None:
    """The name of the signed-in member of staff, if a griffie role lets them edit."""
    who = staff(now)
    return who.name if who is not None and who.may(GRIFFIE_ROLES) else None


def start_over(keep_lang: str, fresh_cookie: str) -> Session:
    """Empty the whole session (after "vergeet mij"), widgets included; keep the language.

    The browser's cookie is swapped for `fresh_cookie` on its next page load, so the
    forgotten token is never used again (persistence.keep_relink)."""
    st.session_state.clear()
    fresh = Session(lang=keep_lang, started=True, forgotten=True, fresh_cookie=fresh_cookie)
    st.session_state[SESSION_KEY] = fresh
    _keep(fresh)
    return fresh


# --- the notice queue ------------------------------------------------------------------------

def notify(place: str, code: str, **params: Any) -> None:
    """Leave a message for `place`; the same message twice is kept once, and only the newest
    `MAX_NOTICES` are kept (a place the person never opens again cannot grow the session)."""
    notice = Notice(place, code, params)
    queue = current().notices
    if notice not in queue:
        queue.append(notice)
    del queue[:-MAX_NOTICES]


def take(place: str) -> list[Notice]:
    """The messages for `place`, once (they are removed from the queue)."""
    queue = current().notices
    mine = [n for n in queue if n.place == place]
    queue[:] = [n for n in queue if n.place != place]
    return mine


def peek(place: str) -> list[Notice]:
    """The messages for `place`, kept for the next draw too (for a page that refreshes
    itself every few seconds, so a message stays until the next action)."""
    return [n for n in current().notices if n.place == place]


def clear(place: str) -> None:
    """Forget the messages for `place` (the action they were about has succeeded)."""
    take(place)


# --- widget values ---------------------------------------------------------------------------

def widget(key: str, default: Any = None) -> Any:
    """The value of the widget with this key (as Streamlit keeps it)."""
    return st.session_state.get(key, default)


def has_widget(key: str) -> bool:
    return key in st.session_state


def set_widget(key: str, value: Any) -> None:
    """Seed a widget before it is drawn (or from a callback)."""
    st.session_state[key] = value


def drop_widget(key: str) -> None:
    st.session_state.pop(key, None)


def widget_keys(prefix: str) -> Iterator[str]:
    """The keys of the widgets whose key starts with `prefix` (a list, safe to delete)."""
    return iter([str(k) for k in st.session_state if str(k).startswith(prefix)])


def drop_widgets(prefix: str) -> None:
    for key in widget_keys(prefix):
        del st.session_state[key]
