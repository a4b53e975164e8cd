"""Run a coroutine on an event loop of its own thread.

Why: the browser tests keep Playwright's sync API open for the whole session, and that API
marks its event loop as running in the main thread; `asyncio.run` or `anyio.run` there then
fails with "cannot be called from a running event loop". A fresh thread has no loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_in_own_thread(coroutine: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run(coroutine)` in a thread of its own; returns its result or raises."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
