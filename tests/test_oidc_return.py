"""The callback of `st.login` returns through a same-site page (vbestuur_app/asgi_oidc.py).

The browser test (tests/browser/test_oidc_signin.py) shows the cookie staying across a real
provider on another site; this file pins the middleware's rules: only the callback, only a
redirect to a path of this site, every Set-Cookie kept.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from own_loop import run_in_own_thread

from vbestuur_app import asgi_oidc
from vbestuur_app.asgi_oidc import ProviderReturnMiddleware

IDENTITY_COOKIE = (b"set-cookie", b"_streamlit_user=signed; Path=/; HttpOnly; SameSite=lax")


def redirecting_to(location: str) -> Any:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 302,
                    "headers": [(b"location", location.encode()), IDENTITY_COOKIE,
                                (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})
    return app


def call(location: str, path: str, cookie: str = "") -> tuple[int, dict[bytes, list[bytes]], bytes]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path,
             "headers": [(b"cookie", cookie.encode())] if cookie else []}
    run_in_own_thread(ProviderReturnMiddleware(redirecting_to(location))(scope, receive, send))
    headers: dict[bytes, list[bytes]] = {}
    for key, value in sent[0]["headers"]:
        headers.setdefault(key, []).append(value)
    return sent[0]["status"], headers, b"".join(m.get("body", b"") for m in sent[1:])


def test_the_callback_redirect_becomes_a_page_that_goes_on_and_keeps_the_cookies() -> None:
    status, headers, body = call("/", "/oauth2callback")
    assert status == 200
    assert b"location" not in headers
    assert headers[b"set-cookie"][0] == IDENTITY_COOKIE[1]  # Streamlit's identity cookie
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


TOKEN = "A" * 43


def return_cookies(headers: dict[bytes, list[bytes]]) -> list[bytes]:
    return [c for c in headers.get(b"set-cookie", []) if c.startswith(b"vbestuur_terug=")]


def test_the_page_the_sign_in_started_from_is_where_it_returns() -> None:
    asgi_oidc.remember_return(TOKEN, "/griffie", time.time())
    _, login_headers, _ = call("https://idp.example/auth", "/auth/login",
                               cookie=f"vbestuur_sessie={TOKEN}")
    assert return_cookies(login_headers) == [
        b"vbestuur_terug=/griffie; Path=/oauth2callback; Max-Age=600; HttpOnly; SameSite=Lax"]
    _, headers, body = call("/", "/oauth2callback", cookie="vbestuur_terug=/griffie")
    assert b'content="0;url=/griffie"' in body
    cleared = b"vbestuur_terug=; Path=/oauth2callback; Max-Age=0;"
    assert return_cookies(headers)[0].startswith(cleared)


def test_a_note_is_used_once_and_only_for_its_own_browser() -> None:
    asgi_oidc.remember_return(TOKEN, "/workshop", time.time())
    _, other, _ = call("https://idp.example/auth", "/auth/login",
                       cookie=f"vbestuur_sessie={'B' * 43}")
    assert return_cookies(other) == []
    call("https://idp.example/auth", "/auth/login", cookie=f"vbestuur_sessie={TOKEN}")
    _, again, _ = call("https://idp.example/auth", "/auth/login",
                       cookie=f"vbestuur_sessie={TOKEN}")
    assert return_cookies(again) == []


def test_an_old_note_is_forgotten() -> None:
    asgi_oidc.remember_return(TOKEN, "/griffie", time.time() - asgi_oidc.RETURN_SECONDS - 1)
    _, headers, _ = call("https://idp.example/auth", "/auth/login",
                         cookie=f"vbestuur_sessie={TOKEN}")
    assert return_cookies(headers) == []


@pytest.mark.parametrize("noted", ["https://elders.example/", "//elders.example", "/a/../b",
                                   "/griffie?x=1"])
def test_a_return_cookie_that_is_no_plain_page_path_is_ignored(noted: str) -> None:
    _, _, body = call("/", "/oauth2callback", cookie=f'vbestuur_terug="{noted}"')
    assert b'content="0;url=/">' in body
