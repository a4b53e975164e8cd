"""Streamlit's `clear_cache` refused from the browser (F9 of the security review).

Why: any anonymous websocket client can send `BackMsg(clear_cache=True)`; Streamlit then
empties `st.cache_data` and `st.cache_resource` for the whole process
(`AppSession._handle_clear_cache_request`). The review's four sockets did it 124 times in 30 s
and every other user's page slowed down, up to seventeen seconds with a large flow. The
process's shared objects no longer live in those caches (vbestuur_service.runtime), but
nobody using this app needs to clear a cache either: an operator restarts the server. So the
message never reaches Streamlit. Every other message passes unchanged; a frame that is not a
BackMsg is left to Streamlit, which closes the connection for it.
"""

from __future__ import annotations

import logging
from typing import Final

from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit.proto.BackMsg_pb2 import BackMsg

LOG = logging.getLogger(__name__)
STREAM_PATH: Final = "/_stcore/stream"
REFUSED: Final = frozenset({"clear_cache"})


def refused(data: bytes) -> bool:
    """Whether this websocket frame is a BackMsg the app does not accept from a browser."""
    message = BackMsg()
    try:
        message.ParseFromString(data)
    except Exception:  # noqa: BLE001  (not a BackMsg: Streamlit itself refuses it)
        return False
    return message.WhichOneof("type") in REFUSED


class BackMsgFilter:
    """Drops refused BackMsgs from the Streamlit websocket before Streamlit reads them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket" or not str(scope.get("path", "")).endswith(STREAM_PATH):
            await self.app(scope, receive, send)
            return

        async def receive_allowed() -> Message:
            while True:
                message = await receive()
                data = message.get("bytes") if message["type"] == "websocket.receive" else None
                if not data or not refused(data):
                    return message
                LOG.warning("websocket: clear_cache from a browser refused")

        await self.app(scope, receive_allowed, send)
