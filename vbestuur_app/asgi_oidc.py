"""Back from the identity provider's sign-in through a page of this site, to the page the
person started from.

Why a page, not a redirect: the session cookie is SameSite=Strict (asgi.py). The provider's
redirect to `/oauth2callback`, and Streamlit's redirect from there to the start page, belong
to a navigation that began on the provider's site, so the browser withholds a Strict cookie.
The start page then arrived without it and got a fresh one: the person's saved answers lost
their link to this browser (tests/browser/test_oidc_signin.py, with the provider on another
site, showed it). So the callback's redirect becomes a small page that goes on with a meta
refresh: a navigation this site starts itself, on which the browser sends the cookie again.
The callback keeps every Set-Cookie of Streamlit's (its identity cookie); it is no page of the
app, so it gets no session cookie of its own (asgi.NOT_PAGES).

Why the page to come back to: Streamlit always returns to the start page, so a griffier who
signed in on the griffie page had to find it again. The sign-in button notes its page under
the browser's session token (`remember_return`, in this process only); the `/auth/login`
request, which still carries the Strict cookie, turns that into a short-lived Lax cookie
scoped to the callback, which the callback reads. Only a plain page path is ever used; when
anything is missing (another replica, an expired note) the way back is the start page.
"""

from __future__ import annotations

import html
import re
import threading
import time
from http.cookies import CookieError, SimpleCookie

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vbestuur_store import COOKIE_NAME, is_token

CALLBACK_PATH = "/oauth2callback"
LOGIN_PATH = "/auth/login"
RETURN_COOKIE = "vbestuur_terug"
RETURN_SECONDS = 600
REDIRECTS = (301, 302, 303, 307, 308)
PAGE_PATH = re.compile(r"/[a-z0-9-]{0,40}")
_pending: dict[str, tuple[str, float]] = {}
_lock = threading.Lock()


def remember_return(token: str | None, path: str, now: float) -> None:
    """Note the page this browser's sign-in started from (the button's on_click)."""
    if token is None or not PAGE_PATH.fullmatch(path):
        return
    with _lock:
        for old in [t for t, (_, when) in _pending.items() if now - when > RETURN_SECONDS]:
            del _pending[old]
        _pending[token] = (path, now)


def _take_return(token: str | None, now: float) -> str | None:
    with _lock:
        path, when = _pending.pop(token, ("", 0.0)) if token else ("", 0.0)
    return path if path and now - when <= RETURN_SECONDS else None


def _cookie(scope: Scope, name: str) -> str | None:
    raw = next((bytes(v).decode("latin-1") for k, v in scope.get("headers", [])
                if k.lower() == b"cookie"), "")
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except CookieError:
        return None
    morsel = jar.get(name)
    return morsel.value if morsel is not None else None


def hop_page(location: str) -> bytes:
    """A page that continues to `location` at once; a link for a browser that does not."""
    where = html.escape(location, quote=True)
    return ('<!doctype html><html lang="nl"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0;url={where}"><title>vbestuur</title>'
            f'</head><body><p><a href="{where}">Verder · Continue</a></p></body></html>'
            ).encode()


def is_local(location: str) -> bool:
    """Only a path on this site: never turn a redirect elsewhere into a page."""
    return location.startswith("/") and not location.startswith(("//", "/\\"))


def _return_cookie(value: str, max_age: int, secure: bool) -> str:
    flags = "; Secure" if secure else ""
    return (f"{RETURN_COOKIE}={value}; Path={CALLBACK_PATH}; Max-Age={max_age}; HttpOnly; "
            f"SameSite=Lax{flags}")


class ProviderReturnMiddleware:
    """Notes the page to return to at `/auth/login`; at `/oauth2callback` turns the redirect
    into a same-site page hop to that page (or to Streamlit's target)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", "")) if scope["type"] == "http" else ""
        if path.endswith(LOGIN_PATH):
            await self.app(scope, receive, self._noting(scope, send))
        elif path.endswith(CALLBACK_PATH):
            await self.app(scope, receive, self._hopping(scope, send))
        else:
            await self.app(scope, receive, send)

    @staticmethod
    def _noting(scope: Scope, send: Send) -> Send:
        token = _cookie(scope, COOKIE_NAME)
        target = _take_return(token if is_token(token) else None, time.time())
        secure = scope.get("scheme") == "https"

        async def send_noted(message: Message) -> None:
            if target and message["type"] == "http.response.start":
                MutableHeaders(scope=message).append(
                    "set-cookie", _return_cookie(target, RETURN_SECONDS, secure))
            await send(message)
        return send_noted

    @staticmethod
    def _hopping(scope: Scope, send: Send) -> Send:
        noted = _cookie(scope, RETURN_COOKIE) or ""
        target = noted if PAGE_PATH.fullmatch(noted) else None
        secure = scope.get("scheme") == "https"
        body: list[bytes] = []

        async def send_hop(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in REDIRECTS:
                headers = MutableHeaders(scope=message)
                location = headers.get("location", "")
                if is_local(location):
                    body.append(hop_page(target or location))
                    del headers["location"]
                    headers["content-type"] = "text/html; charset=utf-8"
                    headers["content-length"] = str(len(body[0]))
                    headers["cache-control"] = "no-store"
                    headers.append("set-cookie", _return_cookie("", 0, secure))
                    message["status"] = 200
            elif message["type"] == "http.response.body" and body:
                if not body[0]:
                    return  # the hop page went out whole: drop the redirect's own body
                message = {"type": "http.response.body", "body": body[0], "more_body": False}
                body[0] = b""
            await send(message)
        return send_hop
