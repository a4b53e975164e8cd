"""Operations at the ASGI layer: the readiness route, the access log, logs to stdout.

Why `/readyz` next to Streamlit's `/_stcore/health`: health says "this process serves"
(liveness, cheap, answered before any script runs); readiness says "send people here": the
content loaded and the database answered a probe within its deadline. A load balancer
(deploy/haproxy.cfg) checks `/readyz`, so a replica whose database hangs gets no new visitors
while a restart loop is not triggered by a slow database.

Why a worker thread with its own deadline: opening the store runs migrations, which are
exempt from the store's deadline; a database that accepts connections and never answers would
hold the request for ever. The check runs in one thread at a time; the request waits at most
`deadline` seconds and answers 503 when there is no answer by then. While an earlier check is
still stuck, the answer is 503 at once, so a hung database never piles up threads.

Why the access log has no query string and no headers: the query string can hold a room code
(`?code=`), and the Cookie header holds the session token. The log line is method, path,
status, duration and size: enough to operate, nothing to steal.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vbestuur_service import runtime
from vbestuur_service.runtime import Runtime
from vbestuur_store import StoreError

ACCESS = logging.getLogger("vbestuur.access")
LOG = logging.getLogger(__name__)
READY_SECONDS = 4.0  # the store's probe answers within 3 s; one more for opening it
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
APP_LOGGERS = ("vbestuur", "vbestuur_app", "vbestuur_service", "vbestuur_store")
Report = dict[str, str]


def readiness_report(rt: Runtime) -> Report:
    """What is not ready: the content (loads without problems) and the database (ping)."""
    content = "ok" if rt.loaded.engine is not None else "problems"
    try:
        database: str = rt.use(lambda store: store.ping().code)
    except StoreError as err:
        database = err.code
    return {"content": content, "database": database}


class ReadinessCheck:
    """Runs `readiness_report` in one worker thread at a time, with a deadline."""

    def __init__(self, runtime_of: Callable[[], Runtime] = runtime.current,
                 deadline: float = READY_SECONDS) -> None:
        self.runtime_of = runtime_of
        self.deadline = deadline
        self._lock = threading.Lock()
        self._running: threading.Thread | None = None

    def _run(self, result: list[Report]) -> None:
        try:
            result.append(readiness_report(self.runtime_of()))
        except Exception:  # noqa: BLE001  a wrong setting or broken content: not ready
            LOG.exception("readiness: the check failed")
            result.append({"content": "unknown", "database": "unknown"})

    def check(self) -> Report:
        """The report, or "unavailable" when the check did not finish within the deadline."""
        result: list[Report] = []
        with self._lock:
            if self._running is not None and self._running.is_alive():
                return {"content": "unknown", "database": "unavailable"}
            thread = threading.Thread(target=self._run, args=(result,), daemon=True,
                                      name="vbestuur-readyz")
            self._running = thread
            thread.start()
        thread.join(self.deadline)
        return result[0] if result else {"content": "unknown", "database": "unavailable"}


def readiness_route(check: ReadinessCheck | None = None) -> Route:
    """GET /readyz: 200 when content and database are ready, else 503; JSON either way."""
    probe = ReadinessCheck() if check is None else check

    async def readyz(_request: Request) -> Response:
        report = await anyio.to_thread.run_sync(probe.check)
        ready = report == {"content": "ok", "database": "ok"}
        if not ready:
            LOG.warning("readiness: not ready (%s)", report)
        body = json.dumps({"ready": ready, **report})
        return Response(body, status_code=200 if ready else 503,
                        media_type="application/json",
                        headers={"cache-control": "no-store"})

    return Route("/readyz", readyz, methods=["GET"])


def _log_line(scope: Scope, status: int, size: int, started: float) -> None:
    """One access line; the path only (no query string, no header, no cookie)."""
    millis = (time.perf_counter() - started) * 1000
    method = scope.get("method", "WS")
    ACCESS.info("%s %s %d %.1fms %dB", method, scope.get("path", "?"), status, millis, size)


class AccessLogMiddleware:
    """Logs every HTTP response and every websocket connection as one line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        seen: dict[str, Any] = {"status": 0, "size": 0}

        async def observe(message: Message) -> None:
            kind = message["type"]
            if kind == "http.response.start":
                seen["status"] = message["status"]
            elif kind == "http.response.body":
                seen["size"] += len(message.get("body", b""))
            elif kind == "websocket.accept":
                seen["status"] = 101
            elif kind == "websocket.close" and not seen["status"]:
                seen["status"] = 403
            await send(message)

        try:
            await self.app(scope, receive, observe)
        finally:
            _log_line(scope, seen["status"] or 500, seen["size"], started)


class _Marker(logging.StreamHandler):  # type: ignore[type-arg]
    """The one stdout handler this module installs (so a second call adds none)."""


def configure_logging(level: int = logging.INFO) -> None:
    """The app's loggers write one line per event to stdout: time, level, logger, message."""
    root = logging.getLogger()
    if not any(isinstance(handler, _Marker) for handler in root.handlers):
        handler = _Marker(sys.stdout)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
    for name in APP_LOGGERS:
        logging.getLogger(name).setLevel(level)
