"""The server opens its store a few seconds after the start, ahead of the first save.

Why it matters: opening the store imports SQLAlchemy and Alembic and checks the migrations
(~0.75 s of CPU that holds the interpreter). Done by the first save, it stalled every page of a
crowd at once (issue 15); done at the start, it would delay the first page. The lifespan opens
it `STORE_OPEN_SECONDS` after the start (here without the delay), and a database that is down
then only gives a log line: the page that first needs the store tries again.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from own_loop import run_in_own_thread

from vbestuur_app import asgi
from vbestuur_app.asgi import lifespan
from vbestuur_service import runtime
from vbestuur_service.errors import StorageUnavailable
from vbestuur_service.runtime import Runtime
from vbestuur_service.settings import Settings
from vbestuur_store import Store, open_store


def serve_until(rt: Runtime, done: list[Settings]) -> None:
    """Run the lifespan of a server with runtime `rt` until the store was asked for (or 5 s)."""

    async def serve() -> None:
        async with lifespan(None):
            for _ in range(500):  # the store opens in a worker thread; wait on that
                if done:
                    break
                await asyncio.sleep(0.01)

    runtime.install(rt)
    try:
        run_in_own_thread(serve())
    finally:
        runtime.reset()


def test_the_store_opens_soon_after_the_start(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(asgi, "STORE_OPEN_SECONDS", 0.0)
    opened: list[Settings] = []

    def record(settings: Settings) -> Store:
        opened.append(settings)
        return open_store(f"sqlite:///{tmp_path / 'opened.sqlite'}", env={})

    rt = Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)}), store_factory=record)
    serve_until(rt, opened)
    assert len(opened) == 1


def test_the_default_delay_leaves_the_first_pages_alone() -> None:
    """Long enough for the first page (the cold start's ~1.2 s), short against reading time."""
    assert 2.0 <= asgi.STORE_OPEN_SECONDS <= 10.0


def test_a_database_down_at_the_start_is_only_logged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(asgi, "STORE_OPEN_SECONDS", 0.0)
    tried: list[Settings] = []

    def down(settings: Settings) -> Store:
        tried.append(settings)
        raise StorageUnavailable()

    rt = Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)}), store_factory=down)
    with caplog.at_level(logging.WARNING, logger="vbestuur_app.asgi"):
        serve_until(rt, tried)
    assert len(tried) == 1
    assert "storage unavailable at the start" in caplog.text
