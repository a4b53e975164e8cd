"""The address of this session's client, for throttling new sessions, sign-ins and room codes.

Why `st.context.ip_address` first: Streamlit takes it from the websocket connection's ASGI
scope (`scope["client"]`), the address the server saw, not a header a client can choose.
Behind a reverse proxy that address is the proxy's, the same for every visitor: then the
per-client limits would apply to the whole municipality at once. So when the direct peer is
one of VBESTUUR_TRUSTED_PROXIES (default: none; deploy/ names HAProxy), the client is taken
from the websocket request's `X-Forwarded-For` by the rule in vbestuur_service/proxies.py
(the right-most address that is not a trusted proxy); from any other peer the header is
never read.

Streamlit reports a local peer (127.0.0.1, ::1) as no address; such a peer counts as
127.0.0.1 for the trust check, and stays "" (one shared key) when it is the client itself.
Streamlit's server (uvicorn) has its own X-Forwarded-For handling for the peers in
FORWARDED_ALLOW_IPS (uvicorn's default: 127.0.0.1 and ::1); the image, compose.yaml and
make scale set it empty, so that VBESTUUR_TRUSTED_PROXIES alone decides (README, Operations).
Tests replace `address`.
"""

from __future__ import annotations

import functools

import streamlit as st

from vbestuur_service import runtime
from vbestuur_service.proxies import Network, client_address, networks

LOOPBACK = "127.0.0.1"
FORWARDED_FOR = "X-Forwarded-For"


@functools.cache
def _networks(trusted: tuple[str, ...]) -> tuple[Network, ...]:
    return networks(trusted)


def _peer_and_forwarded() -> tuple[str, list[str]]:
    """The connection's peer as Streamlit reports it ("" without a session) and the
    request's X-Forwarded-For lines."""
    try:
        value = st.context.ip_address
        headers = st.context.headers
        forwarded = list(headers.get_all(FORWARDED_FOR))
        in_session = len(headers) > 0
    except (AttributeError, RuntimeError):
        return "", []
    if value:
        return str(value), forwarded
    return (LOOPBACK if in_session else ""), forwarded


def address() -> str:
    """This session's client address, or "" when it is local or unknown (no script context)."""
    peer, forwarded = _peer_and_forwarded()
    if not peer:
        return ""
    trusted = _networks(runtime.current().settings.trusted_proxies)
    client = client_address(peer, forwarded, trusted) if forwarded else peer
    return "" if client == peer == LOOPBACK else client
