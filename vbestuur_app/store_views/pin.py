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

from .. import persistence, session
from ..i18n import t
from ..messages import error_text
from ..widgets import heading

PLACE = "griffie"  # the notice place of the lock box
NAME_KEY = "griffie:name"
PIN_KEY = "griffie:pin"
FORM_KEY = "griffie-unlock"
LOCK_KEY = "griffie:lock"
UNLOCK_SECONDS = 30 * 60
OPERATOR_HELP = ("VBESTUUR_GRIFFIE_PIN='…' make run\n"
                 ".venv/bin/python -m vbestuur_store set-pin")


def unlocked_actor() -> str | None:
    """The name of whoever unlocked this session, while the unlock lasts."""
    return session.griffie_editor(time.time())


def render() -> str | None:
    """The lock box; returns the editor's name when this session may edit."""
    heading(t("griffie.lock_h"), 2)
    if not persistence.safely(lambda store: store.has_pin(), False):
        st.warning(t("griffie.no_pin"))
        st.code(OPERATOR_HELP, language=None)
        return None
    actor = unlocked_actor()
    if actor is not None:
        st.success(t("griffie.unlocked", name=actor))
        st.button(t("griffie.lock"), key=LOCK_KEY, on_click=_lock)
        return actor
    for notice in session.take(PLACE):
        st.error(notice.params["text"])
    st.markdown(t("griffie.locked"))
    with st.form(FORM_KEY, enter_to_submit=True):
        st.text_input(t("griffie.name"), key=NAME_KEY, max_chars=100, autocomplete="off")
        st.text_input(t("griffie.pin"), key=PIN_KEY, type="password", max_chars=128,
                      autocomplete="off")
        st.form_submit_button(t("griffie.unlock"), on_click=_unlock)
    return None


def _unlock() -> None:
    """on_click: check the PIN in the store; never keep it in the session."""
    name = str(session.widget(NAME_KEY) or "").strip()
    pin = str(session.widget(PIN_KEY) or "")
    session.set_widget(PIN_KEY, "")
    if not name:
        session.notify(PLACE, "error", text=t("griffie.name_needed"))
        return
    try:
        runtime.current().use(lambda store: store.require_pin(pin))
    except StoreError as err:
        session.notify(PLACE, "error", text=error_text(err))
        return
    state = session.current()
    state.griffie_actor, state.griffie_until = name, time.time() + UNLOCK_SECONDS


def _lock() -> None:
    state = session.current()
    state.griffie_actor, state.griffie_until = None, 0.0
