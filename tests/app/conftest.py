"""Fixtures for the AppTest suites.

Why clear the caches and reset the runtime: AppTest runs in this process, so
`st.cache_resource` and the process's runtime (the engine, the store) would survive from one
test to the next; a test that points the app at broken content
must not leak into the others. Why a database per test: the app now reads the municipality
profile on every run and saves answers when it has a token, so every test gets its own SQLite
file (a copy of one migrated template, so the migrations run once), never the project's data/.
Why restore `__main__`: AppTest runs the script as `sys.modules["__main__"]`
and leaves it there, which breaks later tests that start processes with `multiprocessing`
(a spawned child re-imports `__main__` from its file).
"""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st

from vbestuur_engine import Engine
from vbestuur_service import runtime
from vbestuur_store import Store, open_store
from vbestuur_store.config import SQLITE_FILE

STORE_ENV = ("VBESTUUR_DATABASE_URL", "VBESTUUR_GRIFFIE_PIN", "VBESTUUR_RETENTION_DAYS")


@pytest.fixture(scope="session")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to head once per test session."""
    path = tmp_path_factory.mktemp("store-template") / SQLITE_FILE
    open_store(f"sqlite:///{path}", env={}).close()
    return path


@pytest.fixture(autouse=True)
def _fresh_caches(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                  store_template: Path) -> Iterator[None]:
    monkeypatch.delenv("VBESTUUR_CONTENT", raising=False)
    for name in STORE_ENV:
        monkeypatch.delenv(name, raising=False)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(store_template, data_dir / SQLITE_FILE)
    monkeypatch.setenv("VBESTUUR_DATA_DIR", str(data_dir))
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
        logging.ERROR)
    main_module = sys.modules["__main__"]
    st.cache_data.clear()
    st.cache_resource.clear()
    runtime.reset()  # the next use reads this test's environment (its own database)
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
    runtime.reset()
    sys.modules["__main__"] = main_module


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture
def app_store() -> Iterator[Store]:
    """The test's own store (the same SQLite file the app under test opens)."""
    store = open_store()
    yield store
    store.close()


@pytest.fixture
def browser_token(app_store: Store, monkeypatch: pytest.MonkeyPatch) -> str:
    """A token the store knows, sent as this browser's cookie (AppTest has no cookies)."""
    from vbestuur_app import persistence

    token = app_store.new_token()
    monkeypatch.setattr(persistence, "read_cookie", lambda: token)
    return token
