"""The register's operator commands: a new key, status, purge (rotation: test_register_crypto)."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.fernet import Fernet
from register_helpers import KEY, NOW, draft

from vbestuur_service.incidents import IncidentRegister
from vbestuur_service.incidents.__main__ import _run, main


def test_key_prints_a_working_fernet_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["key"]) == 0
    first = capsys.readouterr().out.strip()
    assert main(["key"]) == 0
    second = capsys.readouterr().out.strip()
    assert first != second
    assert Fernet(first.encode()).decrypt(Fernet(first.encode()).encrypt(b"x")) == b"x"


def test_status_and_purge(make_runtime, clock) -> None:  # type: ignore[no-untyped-def]
    register = IncidentRegister.open(make_runtime())
    register.register("owner", draft(occurred_at=NOW - dt.timedelta(days=700)))
    register.register("owner", draft())
    assert "incidents: 2" in _run("status", make_runtime())
    clock.advance(days=40)
    assert _run("purge", make_runtime()).startswith("1 ")
    assert "incidents: 1" in _run("status", make_runtime())


def test_without_a_key_the_command_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path,  # type: ignore[no-untyped-def]
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("VBESTUUR_DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite'}")
    monkeypatch.delenv("VBESTUUR_REGISTER_KEY", raising=False)
    monkeypatch.delenv("VBESTUUR_REGISTER_KEY_FILE", raising=False)
    assert main(["status"]) == 1
    assert capsys.readouterr().err.strip() == "error: register-no-key"
    monkeypatch.setenv("VBESTUUR_REGISTER_KEY", KEY)
    assert main(["status"]) == 0
