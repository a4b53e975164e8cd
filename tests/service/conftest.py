"""Fixtures for the service tests: the real content, loaded once for the whole session."""

from __future__ import annotations

import pytest

from vbestuur_engine import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()
