"""The callback of `st.login` returns through a same-site page (vbestuur_app/asgi_oidc.py).

The browser test (tests/browser/test_oidc_signin.py) shows the cookie staying across a real
provider on another site; this file pins the middleware's rules: only the callback, only a
redirect to a path of this site, every Set-Cookie kept.
"""

from __future__ import annotations

from typing import Any

import pytest
from own_loop import run_in_own_thread

from vbestuur_app.asgi_oidc import ProviderReturnMiddleware

IDENTITY_COOKIE = (b"set-cookie", b"_streamlit_user=signed; Path=/; HttpOnly; SameSite=lax")


def redirecting_to(location: str) -> Any:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 302,
                    "headers": [(b"location", location.encode()), IDENTITY_COOKIE,
                                (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})
    return app


def call(location: str, path: str) -> tuple[int, dict[bytes, list[bytes]], bytes]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "headers": []}
    run_in_own_thread(ProviderReturnMiddleware(redirecting_to(location))(scope, receive, send))
    headers: dict[bytes, list[bytes]] = {}
    for key, value in sent[0]["headers"]:
        headers.setdefault(key, []).append(value)
    return sent[0]["status"], headers, b"".join(m.get("body", b"") for m in sent[1:])


def test_the_callback_redirect_becomes_a_page_that_goes_on_and_keeps_the_cookies() -> None:
    status, headers, body = call("/", "/oauth2callback")
    assert status == 200
    assert b"location" not in headers
    assert headers[b"set-cookie"] == [IDENTITY_COOKIE[1]]
    assert b'<meta http-equiv="refresh" content="0;url=/">' in body
    assert headers[b"content-length"] == [str(len(body)).encode()]
    assert headers[b"cache-control"] == [b"no-store"]


@pytest.mark.parametrize("location", ["https://elders.example/", "//elders.example/", "/\\x"])
def test_a_redirect_elsewhere_stays_a_redirect(location: str) -> None:
    status, headers, body = call(location, "/oauth2callback")
    assert (status, headers[b"location"], body) == (302, [location.encode()], b"")


def test_other_paths_are_left_alone() -> None:
    status, headers, _ = call("/", "/auth/logout")
    assert (status, headers[b"location"]) == (302, [b"/"])


def test_the_target_is_escaped_in_the_page() -> None:
    _, _, body = call('/?a="><script>', "/oauth2callback")
    assert b"<script>" not in body
