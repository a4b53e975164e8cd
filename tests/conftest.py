"""Shared pytest set-up: the YAML scenario collector."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario_plugin import ScenarioFile

SCENARIO_DIR = Path(__file__).parent / "scenarios"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes tens of seconds (e.g. builds and installs "
                            "the wheel); still part of `make test`")


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and file_path.parent == SCENARIO_DIR:
        return ScenarioFile.from_parent(parent, path=file_path)
    return None
