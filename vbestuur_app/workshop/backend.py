"""The workshop pages' link to the service, and what one browser session remembers of a workshop.

Why no store of its own: the workshop use cases (vbestuur_service.workshop) run on the
process's one store; a participant needs no cookie session, only a random token kept here.

What is remembered per session (server-side, never in the URL, in `session.Session`): the
facilitator's room code and PIN (so each action can be checked again by the store), or the
participant's room code and token. Closing the browser tab forgets them.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_service import runtime
from vbestuur_service.runtime import Runtime
from vbestuur_store import StoreError

from .. import session
from ..messages import error_text

PLACE = "workshop"  # the notice place of the workshop pages


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
    return session.current().facilitating


def set_facilitator(code: str | None, pin: str | None = None) -> None:
    """Remember (or, with None, forget) the facilitated workshop."""
    session.current().facilitating = (code, pin) if code and pin else None


def participant() -> tuple[str, str] | None:
    """(room code, token) of the workshop this session takes part in, if any."""
    return session.current().participating


def set_participant(code: str | None, token: str | None = None) -> None:
    """Remember (or, with None, forget) the workshop this session takes part in."""
    session.current().participating = (code, token) if code and token else None


def set_notice(kind: str, text: str) -> None:
    """Keep a message from a callback ("success" or "error") for the next time it is shown."""
    session.clear(PLACE)
    session.notify(PLACE, kind, text=text)


def clear_notice() -> None:
    """Forget a kept message (after the action it was about succeeded)."""
    session.clear(PLACE)


def show_notice(keep: bool = False) -> None:
    """Show the message a callback left: once, or with `keep` until the next action (a page
    that refreshes itself every few seconds would otherwise hide it before it is read)."""
    for notice in session.peek(PLACE) if keep else session.take(PLACE):
        (st.error if notice.code == "error" else st.success)(notice.params["text"])
