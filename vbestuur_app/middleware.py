"""ASGI middleware for `st.App`: the session cookie, the re-link after a resume, and headers.

Why middleware: a Streamlit script cannot set a cookie (see the Streamlit notes, §3), and a
browser refresh always starts a new Streamlit session. So the page request itself gets an
opaque random token in an HttpOnly, SameSite=Strict cookie; the script reads it back with
`st.context.cookies` and keeps the person's answers on the server under it.

Why the `RelinkBook`: after a person continues with a bewaarcode on another device, that
browser still holds its own cookie. The script then leaves a one-time instruction here,
"the browser that holds token X gets token Y", valid for 60 seconds and renewed while the page
is open. The next page load of that browser (a reload, or the link the page offers) swaps the
cookie. The browser's own HttpOnly cookie is the proof, so no secret ever travels in a URL.
The book lives in this process's memory, like Streamlit's sessions themselves.

Why the headers: Streamlit sends none of them (notes §4). The CSP allows only this server,
inline styles (Streamlit's styling needs them) and, by hash, the two inline scripts we know:
the one in Streamlit's index.html and the app's scroll-to-top script.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable
from http.cookies import CookieError, SimpleCookie
from pathlib import Path

import anyio
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vbestuur_store import COOKIE_NAME, Store, StoreError, is_token, open_store

LOG = logging.getLogger(__name__)
RELINK_SECONDS = 60.0
PURGE_EVERY_SECONDS = 6 * 3600.0
NOT_PAGES = ("/_stcore/", "/static/", "/media/", "/component/", "/app/static/")


class RelinkBook:
    """One-time, short-lived instructions: "the browser holding token X now gets token Y"."""

    def __init__(self, ttl: float = RELINK_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[str, float]] = {}

    @staticmethod
    def _key(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def offer(self, old: str, new: str) -> None:
        """Leave (or renew) the instruction for the browser that holds `old`."""
        with self._lock:
            now = self.clock()
            self._entries = {k: v for k, v in self._entries.items() if v[1] > now}
            self._entries[self._key(old)] = (new, now + self.ttl)

    def take(self, old: str) -> str | None:
        """The new token for `old`, once; None when there is none or it has expired."""
        with self._lock:
            entry = self._entries.pop(self._key(old), None)
        if entry is None or entry[1] <= self.clock():
            return None
        return entry[0]

    def cancel(self, old: str) -> None:
        """Drop a pending instruction (after "vergeet mij")."""
        with self._lock:
            self._entries.pop(self._key(old), None)


RELINKS = RelinkBook()


def _script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def inline_script_hashes() -> list[str]:
    """CSP hashes of Streamlit's inline index.html scripts and of the app's own script."""
    from streamlit import file_util

    from .widgets import SCROLL_SCRIPT

    index = Path(file_util.get_static_dir()) / "index.html"
    bodies = re.findall(r"<script>(.*?)</script>", index.read_text(encoding="utf-8"), re.S)
    return [_script_hash(body) for body in [*bodies, SCROLL_SCRIPT]]


def content_security_policy() -> str:
    """Only this server; inline styles; inline scripts only by hash; never framed."""
    scripts = " ".join(["'self'", *inline_script_hashes()])
    return "; ".join([
        "default-src 'self'", f"script-src {scripts}", "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:", "font-src 'self' data:", "connect-src 'self'",
        "worker-src 'self' blob:", "frame-src 'self' blob: data:", "object-src 'none'",
        "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"])


def security_headers() -> list[tuple[str, str]]:
    """The headers every response gets (computed once per middleware)."""
    return [("x-frame-options", "DENY"), ("referrer-policy", "no-referrer"),
            ("x-content-type-options", "nosniff"),
            ("content-security-policy", content_security_policy())]


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return ""


def cookie_token(scope: Scope) -> str | None:
    """The session token from the request's Cookie header, if it has a token's shape."""
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(_header(scope, b"cookie"))
    except CookieError:
        return None
    morsel = jar.get(COOKIE_NAME)
    return morsel.value if morsel is not None and is_token(morsel.value) else None


def is_page_request(scope: Scope) -> bool:
    """A browser loading the app's HTML page (not an asset, health check or websocket)."""
    if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
        return False
    path: str = scope.get("path", "/")
    if path.startswith(NOT_PAGES) or "." in path.rsplit("/", 1)[-1]:
        return False
    dest = _header(scope, b"sec-fetch-dest")
    return dest == "document" if dest else "text/html" in _header(scope, b"accept")


class SessionCookieMiddleware:
    """Gives every browser a known session token and sends the security headers."""

    def __init__(self, app: ASGIApp, store_factory: Callable[[], Store] = open_store,
                 relinks: RelinkBook = RELINKS) -> None:
        self.app = app
        self.store_factory = store_factory
        self.relinks = relinks
        self.headers = security_headers()
        self._store: Store | None = None
        self._lock = threading.Lock()
        self._next_purge = 0.0

    def store(self) -> Store:
        """Opened on first use (this also creates or upgrades the database)."""
        with self._lock:
            if self._store is None:
                self._store = self.store_factory()
            return self._store

    def purge_now_and_then(self, store: Store) -> None:
        """Delete sessions unused for the retention period: on the first page load of this
        process and every six hours after, so `make run` needs no cron job."""
        with self._lock:
            now = time.monotonic()
            if now < self._next_purge:
                return
            self._next_purge = now + PURGE_EVERY_SECONDS
        removed = store.purge_expired()
        if removed:
            LOG.info("retention: %d unused sessions deleted", removed)

    def cookie_for(self, current: str | None, secure: bool) -> str | None:
        """The Set-Cookie value this page load needs, or None to keep the cookie as it is."""
        try:
            wanted = self.relinks.take(current) if current else None
            store = self.store()
            self.purge_now_and_then(store)
            if wanted is not None and store.exists(wanted):
                store.touch(wanted)
                return store.cookie_header(wanted, secure=secure)
            token, is_new = store.ensure_session(current)
            return store.cookie_header(token, secure=secure) if is_new else None
        except (StoreError, SQLAlchemyError, OSError):
            LOG.exception("session cookie: storage unavailable, page served without it")
            return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        set_cookie = None
        if is_page_request(scope):
            secure = scope.get("scheme") == "https"
            set_cookie = await anyio.to_thread.run_sync(
                self.cookie_for, cookie_token(scope), secure)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers:
                    headers[name] = value
                if set_cookie:  # also on a 304: the browser revalidates index.html
                    headers.append("set-cookie", set_cookie)
            await send(message)

        await self.app(scope, receive, send_with_headers)
