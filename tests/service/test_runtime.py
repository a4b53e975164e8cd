"""The settings, the process's one runtime and the mapping of storage failures.

Why without Streamlit: these are the rules every page relies on (one store per process, a
database that is down becomes one typed error); plain calls test them in milliseconds.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from vbestuur_engine.content import PROJECT_ROOT
from vbestuur_service import runtime
from vbestuur_service import workshop as ws
from vbestuur_service.errors import StorageUnavailable
from vbestuur_service.runtime import Runtime
from vbestuur_service.settings import Settings
from vbestuur_store import InvalidValue, Store, WrongPin, open_store


def test_settings_read_every_variable_once(tmp_path: Path) -> None:
    env = {"VBESTUUR_DATA_DIR": str(tmp_path), "VBESTUUR_RETENTION_DAYS": "30",
           "VBESTUUR_WORKSHOP_DAYS": "2", "VBESTUUR_PUBLIC_URL": "https://vb.example.nl/",
           "VBESTUUR_GRIFFIE_PIN": "geheim-1234", "VBESTUUR_CONTENT": str(tmp_path)}
    settings = Settings.from_env(env)
    assert settings.database_url == f"sqlite:///{tmp_path / 'vbestuur.sqlite'}"
    assert (settings.retention_days, settings.workshop_days) == (30, 2)
    assert settings.public_url == "https://vb.example.nl"
    assert settings.content_root == tmp_path
    assert "geheim" not in repr(settings)  # the PIN never reaches a log line
    assert settings.store_env() == {"VBESTUUR_GRIFFIE_PIN": "geheim-1234"}


def test_settings_defaults_and_a_bad_value_is_refused() -> None:
    settings = Settings.from_env({})
    assert settings.content_root == PROJECT_ROOT
    assert (settings.retention_days, settings.workshop_days, settings.public_url) == (90, 7, "")
    assert settings.store_env() == {}
    with pytest.raises(InvalidValue):
        Settings.from_env({"VBESTUUR_WORKSHOP_DAYS": "zeven"})


def test_one_store_per_runtime_even_under_concurrent_first_use(tmp_path: Path) -> None:
    opened: list[Store] = []

    def factory(settings: Settings) -> Store:
        store = open_store(settings.database_url, env={})
        opened.append(store)
        return store

    rt = Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)}), store_factory=factory)
    seen: list[Store] = []
    threads = [threading.Thread(target=lambda: seen.append(rt.store())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(opened) == 1 and all(s is opened[0] for s in seen)
    rt.close()


def test_current_is_one_runtime_per_process(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    monkeypatch.setenv("VBESTUUR_DATA_DIR", str(tmp_path))
    runtime.reset()
    try:
        assert runtime.current() is runtime.current()
        monkeypatch.setenv("VBESTUUR_DATA_DIR", str(tmp_path / "other"))
        assert runtime.current().settings.database_url.startswith(f"sqlite:///{tmp_path}/vb")
    finally:
        runtime.reset()


def _down(settings: Settings) -> Store:
    raise OperationalError("connect", {}, Exception("connection refused"))


def test_a_database_that_is_down_becomes_one_typed_error() -> None:
    rt = Runtime(Settings.from_env({}), store_factory=_down)
    with pytest.raises(StorageUnavailable):
        rt.store()
    with pytest.raises(StorageUnavailable):
        ws.get(rt, "K7QM3X")
    with pytest.raises(StorageUnavailable):
        rt.purge()


def test_store_errors_pass_unchanged(tmp_path: Path) -> None:
    rt = Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)}))
    made = ws.create(rt, "pin-van-de-begeleider", [3, 14], 3)
    assert (made.expires_at - made.created_at).days == rt.settings.workshop_days
    with pytest.raises(WrongPin):
        ws.open_as_facilitator(rt, made.code, "fout-fout-fout")
    code, _ = ws.open_as_facilitator(rt, made.code.lower(), "pin-van-de-begeleider")
    assert code == made.code
    rt.close()
