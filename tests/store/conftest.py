"""Fixtures for the storage suite: every `store` test runs on SQLite and on real PostgreSQL.

Why CI fails instead of skipping: a PostgreSQL run that silently skips would let the
"works on PostgreSQL by setting one variable" promise rot. Locally, without the server
binaries, the PostgreSQL half is skipped with a reason that says how to install them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pg_server import PgServer, PgUnavailable, start_server
from store_helpers import FakeClock

from vbestuur_store import Store, open_store

BACKENDS = ["sqlite", "postgresql"]
IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | None]:
    """One PostgreSQL server for the session, or None when it cannot be had."""
    try:
        server = start_server()
    except PgUnavailable as err:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required under CI=true: {err}", pytrace=False)
        yield None
        return
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer | None) -> str | None:
    """A database migrated to head once, copied for every test (CREATE DATABASE … TEMPLATE)."""
    if pg_server is None:
        return None
    name = pg_server.create_database()
    store = open_store(pg_server.url(name), env={})
    store.close()
    return name


def _need_pg(pg_server: PgServer | None) -> PgServer:
    if pg_server is None:
        pytest.skip("PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin); "
                    "run `bash .ci/pg-install.sh` to test the PostgreSQL backend")
    return pg_server


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.getbasetemp() / "template.sqlite"
    if not path.exists():
        store = open_store(f"sqlite:///{path}", env={})
        store.close()
    return path


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh database at the head revision, on the parametrised backend.

    The PostgreSQL fixtures are looked up only for the PostgreSQL half, so `-k sqlite` never
    starts a server.
    """
    if backend == "sqlite":
        target = tmp_path / "vbestuur.sqlite"
        target.write_bytes(_sqlite_template(tmp_path_factory).read_bytes())
        yield f"sqlite:///{target}"
        return
    server = _need_pg(request.getfixturevalue("pg_server"))
    template = request.getfixturevalue("pg_template")
    name = server.create_database(template=template)
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def blank_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database (no tables), for migration tests."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'blank.sqlite'}"
        return
    server = _need_pg(request.getfixturevalue("pg_server"))
    name = server.create_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(db_url: str, clock: FakeClock) -> Iterator[Store]:
    """A Store on a fresh database, with a hand-moved clock and 90 days retention."""
    opened = open_store(db_url, clock=clock, retention_days=90, env={})
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def reopen(db_url: str, clock: FakeClock) -> Iterator[Callable[[], Store]]:
    """Open a second, independent Store on the same database (like another app process)."""
    opened: list[Store] = []

    def _open() -> Store:
        other = open_store(db_url, clock=clock, retention_days=90, env={})
        opened.append(other)
        return other

    yield _open
    for other in opened:
        other.close()

