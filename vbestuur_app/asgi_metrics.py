"""Streamlit's `/_stcore/metrics` closed to the public (F18 of the security review).

Why: Streamlit serves its metrics to anyone: the number of active sessions and per-function
cache counters (a growing presenter QR cache tells that a workshop is running). The app needs
none of it. So the path answers 404 for everyone, unless the operator sets
`VBESTUUR_METRICS_TOKEN` (at least 32 characters; read with every other setting into the
runtime's `Settings`) and the scraper sends `Authorization: Bearer <token>`; the token is
compared in constant time. A separate ASGI class so the other middleware (cookies, headers,
readiness, compression) merge without conflicts.
"""

from __future__ import annotations

import hmac
from typing import Final

from starlette.types import ASGIApp, Receive, Scope, Send

from vbestuur_service import runtime
from vbestuur_service.settings import ENV_METRICS_TOKEN, Settings

__all__ = ["ENV_METRICS_TOKEN", "MetricsGate", "metrics_token"]
METRICS_PATH: Final = "/_stcore/metrics"
MIN_TOKEN_LENGTH: Final = 32


def metrics_token(settings: Settings) -> str:
    """The configured scraper token, or "" (metrics closed) when unset or too short."""
    value = settings.metrics_token
    return value if len(value) >= MIN_TOKEN_LENGTH else ""


def _bearer(scope: Scope) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == b"authorization":
            text = bytes(value).decode("latin-1")
            return text[7:].strip() if text.lower().startswith("bearer ") else ""
    return ""


def is_metrics(path: str) -> bool:
    clean = path.rstrip("/")
    return clean == METRICS_PATH or clean.startswith(METRICS_PATH + "/")


class MetricsGate:
    """404 for `/_stcore/metrics` unless the request carries the operator's token."""

    def __init__(self, app: ASGIApp, token: str | None = None) -> None:
        self.app = app
        self.token = metrics_token(runtime.current().settings) if token is None else token

    def allowed(self, scope: Scope) -> bool:
        given = _bearer(scope)
        return bool(self.token and given) and hmac.compare_digest(given.encode(),
                                                                  self.token.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_metrics(scope.get("path", "")) \
                or self.allowed(scope):
            await self.app(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 404,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
        await send({"type": "http.response.body", "body": b"Not Found"})
