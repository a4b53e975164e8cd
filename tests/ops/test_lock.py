"""requirements.lock: what `make run` installs holds every runtime pin of pyproject.toml at the
same version, and nothing of the test extras."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lines: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in lines:
        match = re.match(r"^([A-Za-z0-9_.-]+)(\[[^\]]*\])?==([^\s;]+)", line.strip())
        if match:
            found[canonical(match[1])] = match[3]
    return found


def test_the_lock_pins_every_runtime_dependency_at_its_pyproject_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lock = pins((ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines())
    wanted = pins(project["dependencies"])
    assert wanted and {name: lock.get(name) for name in wanted} == wanted
    tests = pins(project["optional-dependencies"]["test"])
    assert not set(tests) & set(lock), "test tools do not belong in what running installs"
    assert all("==" in line for line in
               (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#"))
