"""The st.App middleware without a browser: which requests get a cookie, which cookie, the
one-time re-link after a resume, and the security headers on every response.

Why call the ASGI app directly: the rules are about single requests and headers; a tiny fake
app behind the middleware answers with HTML or JSON, and the store is a real SQLite file.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
from own_loop import run_in_own_thread

from vbestuur_app import asgi
from vbestuur_app.asgi import SessionCookieMiddleware, is_page_request, lifespan
from vbestuur_service import runtime
from vbestuur_service.relink import RelinkBook
from vbestuur_service.runtime import Runtime
from vbestuur_service.settings import Settings
from vbestuur_store import COOKIE_NAME, Store, is_token, open_store

SETTINGS = Settings.from_env({})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'mw.sqlite'}", env={})
    yield opened
    opened.close()


def run(coroutine: Coroutine[Any, Any, None]) -> None:
    """Run in a thread of its own: Playwright's sync API may own this thread's event loop."""
    run_in_own_thread(coroutine)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def inner_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Answers like Streamlit: HTML for pages, JSON for everything else."""
    html = not scope["path"].startswith("/_stcore/")
    kind = b"text/html; charset=utf-8" if html else b"application/json"
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", kind)]})
    await send({"type": "http.response.body", "body": b"ok"})


def request(middleware: SessionCookieMiddleware, path: str = "/", cookie: str | None = None,
            dest: str = "document") -> dict[str, list[str]]:
    """One GET through the middleware; the response headers by lower-case name."""
    headers = [(b"accept", b"text/html"), (b"sec-fetch-dest", dest.encode())]
    if cookie is not None:
        headers.append((b"cookie", cookie.encode()))
    scope = {"type": "http", "method": "GET", "path": path, "headers": headers,
             "scheme": "http"}
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    run(middleware(scope, receive, send))
    result: dict[str, list[str]] = {}
    for name, value in sent[0]["headers"]:
        result.setdefault(name.decode().lower(), []).append(value.decode())
    return result


def cookie_of(headers: dict[str, list[str]]) -> str | None:
    for value in headers.get("set-cookie", []):
        if value.startswith(COOKIE_NAME + "="):
            return value.split(";")[0].split("=", 1)[1]
    return None


def runtime_with(store: Store, relinks: RelinkBook | None = None) -> Runtime:
    return Runtime(SETTINGS, store_factory=lambda _: store, relinks=relinks)


def make(store: Store, relinks: RelinkBook | None = None) -> SessionCookieMiddleware:
    rt = runtime_with(store, relinks)
    return SessionCookieMiddleware(inner_app, runtime_of=lambda: rt)


def session_rows(store: Store) -> int:
    from sqlalchemy import text

    with store.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM sessions")).scalar_one())


def test_first_page_load_gets_a_strict_httponly_cookie_and_no_row(store: Store) -> None:
    headers = request(make(store))
    [value] = headers["set-cookie"]
    assert "HttpOnly" in value
    assert "SameSite=Strict" in value
    assert "Path=/" in value
    token = cookie_of(headers)
    assert token is not None and is_token(token)
    assert not store.exists(token)  # the row comes with the first save (F6)


def test_many_cookieless_page_loads_make_no_rows(store: Store) -> None:
    """F6: 2,000 cookieless loads used to make 2,000 rows; now a load makes none."""
    middleware = make(store)
    issued = {cookie_of(request(middleware)) for _ in range(200)}
    assert len(issued) == 200 and None not in issued
    assert session_rows(store) == 0
    token = issued.pop()
    assert token is not None
    store.start_session(token, client="127.0.0.1")  # what the first save does
    assert session_rows(store) == 1
    assert "set-cookie" not in request(middleware, cookie=f"{COOKIE_NAME}={token}")
    assert session_rows(store) == 1


def test_a_cookieless_load_never_waits_on_a_hung_database() -> None:
    """F3: the cookie of a new browser needs no database at all."""
    def hung(_: Settings) -> Store:
        raise AssertionError("a cookieless page load must not open the store")

    rt = Runtime(SETTINGS, store_factory=hung)
    headers = request(SessionCookieMiddleware(inner_app, runtime_of=lambda: rt))
    assert cookie_of(headers) is not None


def test_a_known_browser_waits_at_most_a_second_on_a_hung_database() -> None:
    """F3: touching a known browser's row is given COOKIE_SECONDS, then the page goes out."""
    import threading
    import time

    from vbestuur_app.asgi import COOKIE_SECONDS

    release = threading.Event()

    def hung(_: Settings) -> Store:
        release.wait(30)
        raise OSError("hung")

    rt = Runtime(SETTINGS, store_factory=hung)
    began = time.monotonic()
    try:
        headers = request(SessionCookieMiddleware(inner_app, runtime_of=lambda: rt),
                          cookie=f"{COOKIE_NAME}={'B' * 43}")
    finally:
        release.set()
    assert time.monotonic() - began < COOKIE_SECONDS + 2
    assert headers["content-type"] == ["text/html; charset=utf-8"]
    assert "set-cookie" not in headers


def test_a_known_cookie_is_kept(store: Store) -> None:
    token = store.new_token()
    assert "set-cookie" not in request(make(store), cookie=f"{COOKIE_NAME}={token}")


@pytest.mark.parametrize("cookie", [f"{COOKIE_NAME}=tampered", f"{COOKIE_NAME}=\"x;y",
                                    "garbage=;;;==", f"{COOKIE_NAME}={'A' * 5000}"])
def test_a_malformed_cookie_gets_a_fresh_token_and_no_row(store: Store, cookie: str) -> None:
    token = cookie_of(request(make(store), cookie=cookie))
    assert token is not None and is_token(token)
    assert session_rows(store) == 0


def test_a_well_formed_unknown_cookie_is_kept_and_sees_nothing(store: Store) -> None:
    """It may be this browser's own token from an earlier load that saved nothing yet
    (vbestuur_store.session_start); it has no row, so it sees nothing."""
    forged = "A" * 43
    assert "set-cookie" not in request(make(store), cookie=f"{COOKIE_NAME}={forged}")
    assert not store.exists(forged) and session_rows(store) == 0


@pytest.mark.parametrize(("path", "dest"), [("/_stcore/health", "empty"), ("/static/js/x.js",
                                            "script"), ("/favicon.png", "image"),
                                            ("/start", "empty")])
def test_no_cookie_and_no_session_for_assets_and_probes(store: Store, path: str,
                                                        dest: str) -> None:
    headers = request(make(store), path=path, dest=dest)
    assert "set-cookie" not in headers
    assert headers["x-frame-options"] == ["DENY"]


def test_every_response_has_the_security_headers(store: Store) -> None:
    headers = request(make(store), path="/_stcore/health", dest="empty")
    assert headers["x-frame-options"] == ["DENY"]
    assert headers["referrer-policy"] == ["no-referrer"]
    assert headers["x-content-type-options"] == ["nosniff"]
    [csp] = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "default-src 'self'" in csp
    assert "'unsafe-eval'" not in csp
    script_src = next(part for part in csp.split("; ") if part.startswith("script-src"))
    assert "'unsafe-inline'" not in script_src


def test_relink_swaps_the_cookie_once_within_the_minute(store: Store) -> None:
    clock = Clock()
    book = RelinkBook(clock=clock)
    middleware = make(store, book)
    mine, resumed = store.new_token(), store.new_token()
    book.offer(mine, resumed)
    assert cookie_of(request(middleware, cookie=f"{COOKIE_NAME}={mine}")) == resumed
    assert "set-cookie" not in request(middleware, cookie=f"{COOKIE_NAME}={mine}")  # once
    book.offer(mine, resumed)
    clock.now += 61
    assert "set-cookie" not in request(middleware, cookie=f"{COOKIE_NAME}={mine}")  # expired


def test_relink_to_a_forgotten_token_does_not_happen(store: Store) -> None:
    book = RelinkBook()
    mine, resumed = store.new_token(), store.new_token()
    book.offer(mine, resumed)
    store.forget(resumed)
    assert "set-cookie" not in request(make(store, book), cookie=f"{COOKIE_NAME}={mine}")


def test_a_broken_store_still_serves_the_page() -> None:
    def broken(_: Settings) -> Store:
        raise OSError("disk gone")

    rt = Runtime(SETTINGS, store_factory=broken)
    middleware = SessionCookieMiddleware(inner_app, runtime_of=lambda: rt)
    headers = request(middleware, cookie=f"{COOKIE_NAME}={'C' * 43}")
    assert "set-cookie" not in headers
    assert headers["content-type"] == ["text/html; charset=utf-8"]
    assert cookie_of(request(middleware)) is not None  # a new browser still gets its token


def test_after_vergeet_mij_the_browser_gets_a_fresh_unused_token(store: Store) -> None:
    rt = runtime_with(store)
    middleware = SessionCookieMiddleware(inner_app, runtime_of=lambda: rt)
    forgotten, fresh = store.new_token(), "F" * 43
    store.forget(forgotten)
    rt.fresh_cookies.offer(forgotten, fresh)
    assert cookie_of(request(middleware, cookie=f"{COOKIE_NAME}={forgotten}")) == fresh
    assert session_rows(store) == 0


def test_websockets_pass_through_untouched() -> None:
    seen: list[str] = []

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        seen.append(scope["type"])

    middleware = SessionCookieMiddleware(app, runtime_of=lambda: None)  # type: ignore[arg-type,return-value]
    run(middleware({"type": "websocket", "path": "/_stcore/stream", "headers": []},
                   None, None))  # type: ignore[arg-type]
    assert seen == ["websocket"]
    assert not is_page_request({"type": "websocket", "path": "/", "headers": []})


def test_unused_sessions_are_purged_after_the_server_starts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lifespan opens the process's runtime and runs the retention purge (here without its
    minute's delay, which the next test checks)."""
    monkeypatch.setattr(asgi, "PURGE_FIRST_SECONDS", 0.0)
    moments = [dt.datetime(2026, 1, 1, tzinfo=dt.UTC)]
    store = open_store(f"sqlite:///{tmp_path / 'purge.sqlite'}", env={},
                       clock=lambda: moments[0])
    old = store.new_token()
    moments[0] += dt.timedelta(days=store.retention_days + 1)
    recent = store.new_token()
    runtime.install(runtime_with(store))

    seen: dict[str, bool] = {}

    async def serve_briefly() -> None:
        async with lifespan(None):
            for _ in range(500):  # the purge runs in a worker thread; wait on its effect
                if not store.exists(old):
                    break
                await asyncio.sleep(0.01)
            seen.update(old=store.exists(old), recent=store.exists(recent))

    try:
        run(serve_briefly())
    finally:
        runtime.reset()
    assert seen == {"old": False, "recent": True}


def test_the_first_purge_waits_until_after_the_start(tmp_path: Path) -> None:
    """A start opens no database for the purge (issue 15): the store is opened by the first
    page or /readyz that needs it, and the purge comes a minute later."""
    opened: list[Settings] = []

    def record(settings: Settings) -> Store:
        opened.append(settings)
        raise AssertionError("the start opened the store")

    rt = Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)}), store_factory=record)
    runtime.install(rt)

    async def serve_briefly() -> None:
        async with lifespan(None):
            for _ in range(20):  # give a purge started at once every chance to run
                await asyncio.sleep(0.01)

    try:
        run(serve_briefly())
    finally:
        runtime.reset()
    assert asgi.PURGE_FIRST_SECONDS >= 30
    assert opened == []
