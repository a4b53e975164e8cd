"""`/_stcore/metrics` is not open to the public (F18): 404 without the operator's token.

The gate is taken from the same list `st.App` gets (`asgi.middleware()`) and wrapped around
an inner app that, like Streamlit, would answer the metrics.
"""

from __future__ import annotations

from typing import Any

import pytest
from own_loop import run_in_own_thread

from vbestuur_app import asgi
from vbestuur_app.asgi_metrics import ENV_METRICS_TOKEN, MetricsGate
from vbestuur_service import runtime

TOKEN = "m" * 40


@pytest.fixture(autouse=True)
def _settings_from_this_environment() -> Any:
    """The gate takes its token from the runtime's settings, read once per runtime."""
    runtime.reset()
    yield
    runtime.reset()


async def streamlit_like(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Answers the metrics like Streamlit does, and "ok" for the rest."""
    body = b"session_count 3\n" if scope["path"].startswith("/_stcore/metrics") else b"ok"
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


def get(path: str, authorization: str | None = None) -> tuple[int, str]:
    """One GET through the gate as `asgi.middleware()` builds it; (status, body)."""
    [entry] = [m for m in asgi.middleware() if m.cls is MetricsGate]
    gate = entry.cls(streamlit_like, *entry.args, **entry.kwargs)
    headers = [(b"authorization", authorization.encode())] if authorization else []
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "headers": headers}
    run_in_own_thread(gate(scope, receive, send))
    return sent[0]["status"], sent[1]["body"].decode()


def test_metrics_are_not_found_for_everyone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_METRICS_TOKEN, raising=False)
    runtime.reset()
    for path in ("/_stcore/metrics", "/_stcore/metrics/", "/_stcore/metrics/x"):
        status, body = get(path, "Bearer anything")
        assert status == 404 and "session_count" not in body
    assert get("/_stcore/health") == (200, "ok")


def test_the_operators_token_opens_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_METRICS_TOKEN, TOKEN)
    runtime.reset()
    assert get("/_stcore/metrics")[0] == 404
    assert get("/_stcore/metrics", "Bearer " + "x" * 40)[0] == 404
    assert get("/_stcore/metrics", f"Bearer {TOKEN}") == (200, "session_count 3\n")


def test_the_token_is_a_setting_and_a_short_one_keeps_them_closed() -> None:
    from vbestuur_app.asgi_metrics import metrics_token
    from vbestuur_service.settings import Settings

    assert metrics_token(Settings.from_env({ENV_METRICS_TOKEN: TOKEN})) == TOKEN
    assert metrics_token(Settings.from_env({ENV_METRICS_TOKEN: "short"})) == ""
    assert TOKEN not in repr(Settings.from_env({ENV_METRICS_TOKEN: TOKEN}))


def test_the_gate_is_in_the_apps_middleware() -> None:
    assert [m.cls for m in asgi.middleware()][-1] is MetricsGate  # inside the headers
