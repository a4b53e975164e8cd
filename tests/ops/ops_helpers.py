"""Helpers for the operations tests: a database that hangs, and one ASGI request."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from own_loop import run_in_own_thread


@contextmanager
def hung_database() -> Iterator[int]:
    """A TCP port that accepts connections and never answers a byte (a hung PostgreSQL)."""
    with hung_database_counted() as (port, _held):
        yield port


@contextmanager
def hung_database_counted() -> Iterator[tuple[int, list[socket.socket]]]:
    """`hung_database`, also yielding the list of connections it has accepted so far (how
    often the app tried the database)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1], held
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        server.close()


def call(app: Any, path: str, headers: list[tuple[bytes, bytes]] | None = None,
         method: str = "GET", query: bytes = b"") -> list[dict[str, Any]]:
    """One HTTP request straight into an ASGI app (in its own thread's event loop)."""
    scope = {"type": "http", "method": method, "path": path, "headers": headers or [],
             "query_string": query, "scheme": "http", "http_version": "1.1",
             "root_path": "", "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    run_in_own_thread(app(scope, receive, send))
    return sent


def header(start: dict[str, Any], name: str) -> str | None:
    for key, value in start["headers"]:
        if key.decode().lower() == name:
            return str(value.decode())
    return None


def body(sent: list[dict[str, Any]]) -> bytes:
    return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
