"""A throw-away PostgreSQL server for the storage tests (Debian's postgresql package).

Why a real server and not a mock: the issue demands that the same storage tests pass on SQLite
and on PostgreSQL, and the differences that matter (locking, ON CONFLICT, advisory locks,
transactional DDL) only show on the real thing. The server runs from a temp dir on 127.0.0.1 on
a free port, as an unprivileged user (initdb refuses root), and is stopped at session end.
fsync is off: the crash tests kill *clients*, never the server, so disk flushes prove nothing
here and would only slow the suite down.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psycopg

PG_USER = "vbestuur"
SYSTEM_USER_CANDIDATES = ("postgres", "vbestuur-pg")


class PgUnavailable(Exception):
    """PostgreSQL server binaries are not installed (or the server cannot start)."""


def find_bindir() -> Path:
    """The newest /usr/lib/postgresql/*/bin that has initdb."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if not found:
        raise PgUnavailable("no /usr/lib/postgresql/*/bin/initdb: run .ci/pg-install.sh "
                            "(apt-get install postgresql)")
    return Path(found[-1]).parent


def _system_user() -> str | None:
    """The unprivileged user to run the server as when we are root (created if needed)."""
    if os.geteuid() != 0:
        return None
    for name in SYSTEM_USER_CANDIDATES:
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    subprocess.run(["useradd", "--system", "--no-create-home", SYSTEM_USER_CANDIDATES[1]],
                   check=True)
    return SYSTEM_USER_CANDIDATES[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PgServer:
    """A running server; `url(db)` gives a SQLAlchemy URL for a database on it."""

    bindir: Path
    root: Path
    port: int
    user: str | None

    def _run(self, args: Sequence[str]) -> None:
        cmd = list(args)
        if self.user is not None:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise PgUnavailable(f"{args[0]} failed: {result.stdout}\n{result.stderr}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE)."""
        dsn = f"host=127.0.0.1 port={self.port} user={PG_USER} dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(sql.encode())

    def create_database(self, template: str = "template0") -> str:
        name = f"t_{uuid.uuid4().hex[:16]}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        try:
            self._run([str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m",
                       "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_server() -> PgServer:
    """initdb + pg_ctl start in a fresh temp dir; raise PgUnavailable on any failure."""
    bindir = find_bindir()
    user = _system_user()
    root = Path(tempfile.mkdtemp(prefix="vbestuur-pg-"))
    if user is not None:
        shutil.chown(root, user=user)
    server = PgServer(bindir=bindir, root=root, port=_free_port(), user=user)
    data = root / "data"
    server._run([str(bindir / "initdb"), "-D", str(data), "-U", PG_USER, "-A", "trust",
                 "-E", "UTF8", "--locale=C", "--no-sync"])
    options = (f"-c listen_addresses=127.0.0.1 -p {server.port} -k {root} -c fsync=off "
               "-c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB")
    try:
        server._run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"),
                     "-o", options, "-w", "-t", "60", "start"])
    except PgUnavailable:
        log = (root / "log").read_text() if (root / "log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise PgUnavailable(f"pg_ctl start failed:\n{log}") from None
    return server
