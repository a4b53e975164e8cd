"""The griffie's lock: a name and the PIN the operator configured, for half an hour.

Why a name as well: every change to the profile and the organisation view is kept with who made
it; the griffie works in a team and over months. Why the store decides: it keeps the PIN only
as a salted scrypt hash and slows down repeated wrong attempts (Locked), so the page cannot be
used to guess. Why the PIN field is emptied at once: it must not stay in the session.
"""

from __future__ import annotations

import time

import streamlit as st

from vbestuur_service import runtime
from vbestuur_store import StoreError

from .. import persistence
from ..i18n import t
from ..messages import error_text
from ..widgets import heading

ACTOR_KEY = "griffie:actor"
UNTIL_KEY = "griffie:until"
ERROR_KEY = "griffie:error"
NAME_KEY = "griffie:name"
PIN_KEY = "griffie:pin"
FORM_KEY = "griffie-unlock"
LOCK_KEY = "griffie:lock"
UNLOCK_SECONDS = 30 * 60
OPERATOR_HELP = ("VBESTUUR_GRIFFIE_PIN='…' make run\n"
                 ".venv/bin/python -m vbestuur_store set-pin")


def unlocked_actor() -> str | None:
    """The name of whoever unlocked this session, while the unlock lasts."""
    if time.time() < float(st.session_state.get(UNTIL_KEY, 0)):
        actor: str | None = st.session_state.get(ACTOR_KEY)
        return actor
    return None


def render() -> str | None:
    """The lock box; returns the editor's name when this session may edit."""
    heading(t("griffie.lock_h"), 3)
    if not persistence.safely(lambda store: store.has_pin(), False):
        st.warning(t("griffie.no_pin"))
        st.code(OPERATOR_HELP, language=None)
        return None
    actor = unlocked_actor()
    if actor is not None:
        st.success(t("griffie.unlocked", name=actor))
        st.button(t("griffie.lock"), key=LOCK_KEY, on_click=_lock)
        return actor
    error = st.session_state.pop(ERROR_KEY, None)
    if error:
        st.error(error)
    st.markdown(t("griffie.locked"))
    with st.form(FORM_KEY, enter_to_submit=True):
        st.text_input(t("griffie.name"), key=NAME_KEY, max_chars=100, autocomplete="off")
        st.text_input(t("griffie.pin"), key=PIN_KEY, type="password", max_chars=128,
                      autocomplete="off")
        st.form_submit_button(t("griffie.unlock"), on_click=_unlock)
    return None


def _unlock() -> None:
    """on_click: check the PIN in the store; never keep it in the session."""
    ss = st.session_state
    name = str(ss.get(NAME_KEY) or "").strip()
    pin = str(ss.get(PIN_KEY) or "")
    ss[PIN_KEY] = ""
    if not name:
        ss[ERROR_KEY] = t("griffie.name_needed")
        return
    try:
        runtime.current().use(lambda store: store.require_pin(pin))
    except StoreError as err:
        ss[ERROR_KEY] = error_text(err)
        return
    ss[ACTOR_KEY] = name
    ss[UNTIL_KEY] = time.time() + UNLOCK_SECONDS


def _lock() -> None:
    st.session_state.pop(ACTOR_KEY, None)
    st.session_state.pop(UNTIL_KEY, None)
