"""A browser's `clear_cache` never reaches Streamlit (F9 of the security review).

Why: Streamlit answers `BackMsg(clear_cache=True)` from any anonymous websocket client by
emptying `st.cache_data` and `st.cache_resource` for the whole process. The frames here go
through the app's whole middleware stack (asgi.middleware(), in its order) to an inner app
that reads the websocket the way Streamlit's endpoint does and hands each BackMsg to
Streamlit's own handler for `clear_cache` — so the test fails if the message gets through.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from own_loop import run_in_own_thread
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.runtime.app_session import AppSession

from vbestuur_app import asgi
from vbestuur_app.asgi_backmsg import refused
from vbestuur_service import runtime


def frame(**fields: Any) -> bytes:
    return BackMsg(**fields).SerializeToString()


def padded(data: bytes) -> bytes:
    """The frame with 900 bytes of an unknown field 999 (still a clear_cache to Streamlit)."""
    return data + bytes([0xBA, 0x3E, 0x84, 0x07]) + b"x" * 900


CALLS: list[int] = []


@st.cache_data
def cached_value() -> int:
    """Counts how often it really runs: a second run means the cache was emptied."""
    CALLS.append(1)
    return len(CALLS)


class FakeSession:
    """What Streamlit's clear_cache handler touches besides the two global caches."""

    _session_state: dict[str, int] = {"x": 1}


def through_the_stack(frames: list[bytes]) -> list[str]:
    """Send `frames` over /_stcore/stream; the BackMsg types the inner app received."""
    seen: list[str] = []

    async def streamlit_like(scope: dict[str, Any], receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                return
            if message["type"] != "websocket.receive":
                continue
            back = BackMsg()
            back.ParseFromString(message["bytes"])
            kind = back.WhichOneof("type") or "none"
            seen.append(kind)
            if kind == "clear_cache":
                AppSession._handle_clear_cache_request(FakeSession())  # type: ignore[arg-type]

    app: Any = streamlit_like
    for layer in reversed(asgi.middleware()):
        app = layer.cls(app, *layer.args, **layer.kwargs)
    queue = [{"type": "websocket.connect"}]
    queue += [{"type": "websocket.receive", "bytes": data} for data in frames]
    queue.append({"type": "websocket.disconnect", "code": 1000})

    async def receive() -> dict[str, Any]:
        return queue.pop(0)

    async def send(_message: dict[str, Any]) -> None:
        return None

    scope = {"type": "websocket", "path": "/_stcore/stream", "headers": [],
             "query_string": b"", "client": ("203.0.113.5", 4000), "scheme": "ws"}
    run_in_own_thread(app(scope, receive, send))
    return seen


def test_clear_cache_from_a_browser_is_dropped_and_the_rest_passes() -> None:
    rt = runtime.current()
    first = cached_value()
    seen = through_the_stack([
        frame(rerun_script={"query_string": ""}), frame(clear_cache=True),
        frame(app_heartbeat=True), padded(frame(clear_cache=True))])
    assert seen == ["rerun_script", "app_heartbeat"]
    assert cached_value() == first  # Streamlit's caches were not emptied
    assert runtime.current() is rt


def test_without_the_filter_the_same_frames_would_empty_the_caches() -> None:
    """The inner app really clears: one clear_cache handed to it empties the cache."""
    first = cached_value()
    AppSession._handle_clear_cache_request(FakeSession())  # type: ignore[arg-type]
    assert cached_value() == first + 1


def test_the_filter_recognises_only_clear_cache() -> None:
    assert refused(frame(clear_cache=True))
    assert not refused(frame(rerun_script={"query_string": "lang=en"}))
    assert not refused(b"\xff\x00 not a protobuf")
    assert not refused(b"")
