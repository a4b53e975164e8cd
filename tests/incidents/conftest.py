"""Fixtures for the incident register: a register on SQLite and on real PostgreSQL.

Why the storage suite's server and helpers (tests/store/pg_server.py, store_helpers.py): the
register must hold on both backends exactly like the rest of the store, and CI must fail (not
skip) when PostgreSQL is missing, as there.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))
from pg_server import PgServer, PgUnavailable, start_server  # noqa: E402
from register_helpers import KEY, NOW  # noqa: E402
from store_helpers import FakeClock  # noqa: E402

from vbestuur_service.incidents import IncidentRegister  # noqa: E402
from vbestuur_service.runtime import Runtime  # noqa: E402
from vbestuur_service.settings import Settings  # noqa: E402
from vbestuur_store import open_store  # noqa: E402

IN_CI = os.environ.get("CI", "").lower() == "true"
MakeRuntime = Callable[..., Runtime]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | None]:
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


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer | None) -> str | None:
    """A database migrated to head once, copied for every test (CREATE DATABASE … TEMPLATE)."""
    if pg_server is None:
        return None
    name = pg_server.create_database()
    open_store(pg_server.url(name), env={}).close()
    return name


def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.getbasetemp() / "register-template.sqlite"
    if not path.exists():
        open_store(f"sqlite:///{path}", env={}).close()
    return path


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh database at the head revision on the parametrised backend."""
    if backend == "sqlite":
        target = tmp_path / "register.sqlite"
        target.write_bytes(_sqlite_template(tmp_path_factory).read_bytes())
        yield f"sqlite:///{target}"
        return
    server = request.getfixturevalue("pg_server")
    if server is None:
        pytest.skip("PostgreSQL server binaries not found; run `bash .ci/pg-install.sh`")
    name = server.create_database(template=request.getfixturevalue("pg_template"))
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def make_runtime(db_url: str, clock: FakeClock) -> Iterator[MakeRuntime]:
    """Runtimes on the test database: `make_runtime(register_key=…, register_years=…)`."""
    made: list[Runtime] = []

    def _make(**settings: object) -> Runtime:
        values: dict[str, object] = {"register_key": KEY} | settings
        base = Settings.from_env({"VBESTUUR_DATABASE_URL": db_url})
        chosen = Settings(**{**base.__dict__, **values})  # type: ignore[arg-type]
        runtime = Runtime(chosen, store_factory=lambda s: open_store(
            s.database_url, clock=clock, env={}))
        made.append(runtime)
        return runtime

    yield _make
    for runtime in made:
        runtime.close()


@pytest.fixture
def runtime(make_runtime: MakeRuntime) -> Runtime:
    return make_runtime()


@pytest.fixture
def engine(runtime: Runtime) -> Engine:
    """The test database's engine, to look at the rows themselves."""
    return runtime.store().engine


@pytest.fixture
def register(runtime: Runtime) -> IncidentRegister:
    return IncidentRegister.open(runtime)
