"""The server keeps the garbage collector off what lives as long as the process (issue 15).

Why: under a crowd a full collection walked ~200,000 long-lived objects (Streamlit, the
content, SQLAlchemy) for 140-160 ms of CPU while every page stood still
(bench/crowd_profile.py). These tests check that the server freezes them once they are loaded,
that nothing is frozen outside a running server (test processes), and that stopping the
server unfreezes.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from own_loop import run_in_own_thread

from vbestuur_app.asgi import lifespan
from vbestuur_service import heap, runtime
from vbestuur_service.runtime import Runtime
from vbestuur_service.settings import Settings
from vbestuur_store import Store, open_store


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    yield
    heap.disable()


def test_outside_a_server_nothing_is_frozen() -> None:
    heap.settle()
    assert gc.get_freeze_count() == 0


def test_a_server_freezes_what_is_loaded_and_thaws_when_it_stops() -> None:
    heap.enable()
    frozen = gc.get_freeze_count()
    assert frozen > 1000  # this test process's modules, at least
    kept = [[i] for i in range(1000)]  # something long-lived loaded later
    heap.settle()
    assert gc.get_freeze_count() >= frozen + len(kept)
    heap.disable()
    assert gc.get_freeze_count() == 0


def test_the_runtime_settles_after_the_content_and_after_the_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(heap, "settle", lambda: calls.append("settle"))
    opened: list[Store] = []

    def factory(settings: Settings) -> Store:
        opened.append(open_store(f"sqlite:///{tmp_path / 'heap.sqlite'}", env={}))
        return opened[0]

    rt = Runtime(Settings.from_env({}), store_factory=factory)
    try:
        assert rt.loaded.engine is not None and rt.loaded is rt.loaded
        assert calls == ["settle"]  # once, after loading, not on every use
        rt.store()
        rt.store()
        assert calls == ["settle", "settle"]
    finally:
        rt.close()


def test_the_lifespan_freezes_while_the_server_runs(tmp_path: Path) -> None:
    runtime.install(Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)})))
    seen: list[int] = []

    async def serve_briefly() -> None:
        async with lifespan(None):
            seen.append(gc.get_freeze_count())
            await asyncio.sleep(0)

    try:
        run_in_own_thread(serve_briefly())
    finally:
        runtime.reset()
    assert seen[0] > 1000
    assert gc.get_freeze_count() == 0
