"""Fixtures for the AppTest suites.

Why clear the caches: AppTest runs in this process, so `st.cache_resource` (the engine) would
survive from one test to the next; a test that points the app at broken content must not leak
into the others. Why restore `__main__`: AppTest runs the script as `sys.modules["__main__"]`
and leaves it there, which breaks later tests that start processes with `multiprocessing`
(a spawned child re-imports `__main__` from its file).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest
import streamlit as st

from vbestuur_engine import Engine


@pytest.fixture(autouse=True)
def _fresh_caches(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("VBESTUUR_CONTENT", raising=False)
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
        logging.ERROR)
    main_module = sys.modules["__main__"]
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
    sys.modules["__main__"] = main_module


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()
