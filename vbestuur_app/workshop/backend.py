"""The workshop pages' link to the service, and what one browser session remembers of a workshop.

Why no store of its own: the workshop use cases (vbestuur_service.workshop) run on the
process's one store; a participant needs no cookie session, only a random token kept here.

What is remembered per session (server-side, never in the URL): the facilitator's room code
and PIN (so each action can be checked again by the store), or the participant's room code and
token. Closing the browser tab forgets them.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_service import runtime
from vbestuur_service.runtime import Runtime
from vbestuur_store import StoreError

from ..messages import error_text

FAC_CODE = "ws_fac_code"
FAC_PIN = "ws_fac_pin"
PART_CODE = "ws_part_code"
PART_TOKEN = "ws_part_token"
NOTICE = "ws_notice"


def rt() -> Runtime:
    """The process's runtime, for the workshop use cases."""
    return runtime.current()


def show_error(err: StoreError) -> None:
    """A storage problem as one clear sentence in the session's language."""
    st.error(error_text(err), icon="⚠️")


def keep_error(err: StoreError) -> None:
    """From a callback: keep the storage problem for the next draw."""
    set_notice("error", error_text(err))


def facilitator() -> tuple[str, str] | None:
    """(room code, PIN) of the workshop this session facilitates, if any."""
    code, pin = st.session_state.get(FAC_CODE), st.session_state.get(FAC_PIN)
    return (code, pin) if isinstance(code, str) and isinstance(pin, str) else None


def set_facilitator(code: str | None, pin: str | None = None) -> None:
    """Remember (or, with None, forget) the facilitated workshop."""
    st.session_state[FAC_CODE], st.session_state[FAC_PIN] = code, pin


def participant() -> tuple[str, str] | None:
    """(room code, token) of the workshop this session takes part in, if any."""
    code, token = st.session_state.get(PART_CODE), st.session_state.get(PART_TOKEN)
    return (code, token) if isinstance(code, str) and isinstance(token, str) else None


def set_participant(code: str | None, token: str | None = None) -> None:
    """Remember (or, with None, forget) the workshop this session takes part in."""
    st.session_state[PART_CODE], st.session_state[PART_TOKEN] = code, token


def set_notice(kind: str, text: str) -> None:
    """Keep a message from a callback ("success" or "error") for the next time it is shown."""
    st.session_state[NOTICE] = (kind, text)


def clear_notice() -> None:
    """Forget a kept message (after the action it was about succeeded)."""
    st.session_state.pop(NOTICE, None)


def show_notice(keep: bool = False) -> None:
    """Show the message a callback left: once, or with `keep` until the next action (a page
    that refreshes itself every few seconds would otherwise hide it before it is read)."""
    value = st.session_state.get(NOTICE) if keep else st.session_state.pop(NOTICE, None)
    if isinstance(value, tuple) and len(value) == 2:
        kind, text = value
        (st.error if kind == "error" else st.success)(text)
