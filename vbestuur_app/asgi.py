"""The ASGI side of the app: the session cookie, the re-link after a resume, the security
headers, and the lifespan that opens the process's runtime and purges old data.

Why middleware: a Streamlit script cannot set a cookie, and a browser refresh always starts a
new Streamlit session. So the page request itself gets an opaque random token in an HttpOnly,
SameSite=Strict cookie; the script reads it back with `st.context.cookies` and keeps the
person's answers on the server under it. After a resume on another device, the page leaves a
one-time instruction in the runtime's relink book (vbestuur_service.relink); the next page
load of that browser swaps the cookie. A cookieless load gets a token but no database row
(F6): the row is made by the first save (persistence.keep), and a page load never waits on
the database for its cookie longer than `COOKIE_SECONDS` (F3).

Why the headers: Streamlit sends none of them. The CSP allows only this server, inline styles
(Streamlit's styling needs them), the app's own stylesheet and script (same-origin files,
page_assets.py) and, by hash, the inline scripts of Streamlit's index.html.

Why a lifespan: the runtime (one engine, one store) is made when the server starts, so a
wrong setting stops the start with its message instead of failing on a page; unused sessions
and expired workshops are purged a minute later and every six hours, so `make run` needs no
cron job. Why not at once: opening the database (importing SQLAlchemy and Alembic, checking
the migrations) costs about 0.75 s of CPU, and a start should not spend that while the first
person waits for the first page (issue 15). Why a few seconds after the start and not at the
first save: those imports hold the interpreter, so the first save used to stall every page in
the process at once (bench/result.py's crowd: ~25 reruns waited up to a second); after the
first pages and before anyone's first answer, it costs nobody that much. A page or /readyz that
needs the store earlier opens it then. The
lifespan also keeps the garbage collector off what lives as long as the process
(vbestuur_service/heap.py: a full collection under a crowd stood every page still).

A browser's `clear_cache` is dropped before Streamlit sees it (asgi_backmsg.py, F9).

This module imports nothing from the pages: only the service and two constants.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit import file_util

from vbestuur_service import heap, runtime
from vbestuur_service.runtime import Runtime
from vbestuur_store import COOKIE_NAME, StoreError, is_token
from vbestuur_store.tokens import new_token, session_cookie

from .asgi_backmsg import BackMsgFilter
from .asgi_compress import CompressionMiddleware
from .asgi_metrics import MetricsGate
from .asgi_oidc import ProviderReturnMiddleware
from .asgi_ops import AccessLogMiddleware, configure_logging, readiness_route
from .page_lang import PageLanguageMiddleware

if TYPE_CHECKING:  # types only: the store's modules import SQLAlchemy (issue 15)
    from vbestuur_store import Store

LOG = logging.getLogger(__name__)
PURGE_EVERY_SECONDS = 6 * 3600.0
PURGE_FIRST_SECONDS = 60.0  # the first purge: after the start, not during the first pages
STORE_OPEN_SECONDS = 3.0  # the store opens this long after the start, before the first saves
COOKIE_SECONDS = 1.0  # the most a page load waits on the database for its cookie
NOT_PAGES = ("/_stcore/", "/static/", "/media/", "/component/", "/app/static/", "/readyz",
             "/auth/", "/oauth2callback")  # st.login's routes (asgi_oidc.py)


def _script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def inline_script_hashes() -> list[str]:
    """CSP hashes of Streamlit's inline index.html scripts (the app's own script is a
    same-origin file, page_assets.py, allowed by 'self')."""
    index = Path(file_util.get_static_dir()) / "index.html"
    bodies = re.findall(r"<script>(.*?)</script>", index.read_text(encoding="utf-8"), re.S)
    return [_script_hash(body) for body in bodies]


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

    def __init__(self, app: ASGIApp,
                 runtime_of: Callable[[], Runtime] = runtime.current) -> None:
        self.app = app
        self.runtime_of = runtime_of
        self.headers = security_headers()

    def cookie_for(self, current: str | None, secure: bool) -> str | None:
        """The Set-Cookie value this page load needs, or None to keep the cookie as it is.

        A browser without a cookie gets a fresh token and no database row (F6): the row is
        made by the first save. Only a known browser's load touches the database."""
        try:
            rt = self.runtime_of()
            if current is None:
                return session_cookie(new_token(), rt.settings.retention_days, secure=secure)
            fresh = rt.fresh_cookies.take(current)
            if fresh is not None:  # after "vergeet mij": a new, unused token
                return session_cookie(fresh, rt.settings.retention_days, secure=secure)
            wanted = rt.relinks.take(current)
            return rt.use(lambda store: _cookie(store, current, wanted, secure))
        except StoreError:
            LOG.warning("session cookie: storage unavailable, cookie kept as it is")
            return None

    async def cookie_within(self, current: str | None, secure: bool) -> str | None:
        """`cookie_for`, but the page never waits on a hung database for it (F3): after
        `COOKIE_SECONDS` the page is served with the cookie as it is; the touch goes on in
        its thread and ends by the store's own timeouts."""
        with anyio.move_on_after(COOKIE_SECONDS):
            return await anyio.to_thread.run_sync(self.cookie_for, current, secure,
                                                  abandon_on_cancel=True)
        LOG.warning("session cookie: storage too slow, cookie kept as it is")
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        set_cookie = None
        if is_page_request(scope):
            secure = scope.get("scheme") == "https"
            set_cookie = await self.cookie_within(cookie_token(scope), secure)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers:
                    headers[name] = value
                if set_cookie:  # also on a 304: the browser revalidates index.html
                    headers.append("set-cookie", set_cookie)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _cookie(store: Store, current: str, wanted: str | None, secure: bool) -> str | None:
    """The relinked token if the store still knows it; else the browser's own stays. A
    stored token is touched (its retention clock restarts); no row is ever made here."""
    if wanted is not None and store.exists(wanted):
        store.touch(wanted)
        return store.cookie_header(wanted, secure=secure)
    store.page_load(current)
    return None


def purge_quietly(rt: Runtime) -> None:
    """One retention run; a database that is down is logged and tried again later."""
    try:
        rt.purge()
    except StoreError:
        LOG.exception("retention: storage unavailable, purge postponed")


def open_quietly(rt: Runtime) -> None:
    """Open the store ahead of the first save; a database that is down is logged, and the
    first page that needs it tries again."""
    try:
        rt.store()
    except StoreError:
        LOG.warning("store: storage unavailable at the start, opened when first needed")


async def _open_store_after(rt: Runtime, seconds: float) -> None:
    await anyio.sleep(seconds)
    await anyio.to_thread.run_sync(open_quietly, rt)


async def _purge_every(rt: Runtime, seconds: float, first_after: float) -> None:
    await anyio.sleep(first_after)
    while True:
        await anyio.to_thread.run_sync(purge_quietly, rt)
        await anyio.sleep(seconds)


@asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """Make the runtime at start (a wrong setting stops the start), open the store a few
    seconds later, purge after a minute and every six hours, and close the store when the
    server stops."""
    configure_logging()
    rt = runtime.current()
    heap.enable()  # what is loaded from now on and lives long is frozen (heap.py)
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(_open_store_after, rt, STORE_OPEN_SECONDS)
        tasks.start_soon(_purge_every, rt, PURGE_EVERY_SECONDS, PURGE_FIRST_SECONDS)
        try:
            yield
        finally:
            tasks.cancel_scope.cancel()
    heap.disable()
    runtime.reset()


def middleware() -> list[Middleware]:
    """The middleware stack `st.App` wraps around the script (outermost first): the access
    log sees what went on the wire, compression what the cookie middleware sent."""
    return [Middleware(AccessLogMiddleware), Middleware(CompressionMiddleware),
            Middleware(SessionCookieMiddleware), Middleware(PageLanguageMiddleware),
            Middleware(BackMsgFilter), Middleware(ProviderReturnMiddleware),
            Middleware(MetricsGate)]


def routes() -> list[BaseRoute]:
    """The app's own routes before Streamlit's: `/readyz` (asgi_ops)."""
    return [readiness_route()]
