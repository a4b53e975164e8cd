"""The address of this session's client, for throttling sign-ins and room-code guesses.

Why `st.context.ip_address`: Streamlit takes it from the websocket connection's ASGI scope
(`scope["client"]`), i.e. the address the server saw, not a header a client can choose. Local
connections (127.0.0.1, ::1) have none and share one throttling key. Behind a reverse proxy
every visitor has the proxy's address: the per-account throttle and trusted sessions still
protect the staff, but per-client limits then apply to everyone behind that proxy (README).
Tests replace `address`.
"""

from __future__ import annotations

import streamlit as st


def address() -> str:
    """This session's client address, or "" when unknown (local, or no script context)."""
    try:
        value = st.context.ip_address
    except (AttributeError, RuntimeError):
        return ""
    return str(value or "")
