"""Backup and restore (issue 15): the online backup API, taken under write load, restored."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pg_server import PgServer

from vbestuur_store import Store, open_store
from vbestuur_store.backup import BackupError, backup, restore

WRITERS = 4


def _write_until(store: Store, stop: threading.Event, acked: list[tuple[str, int]]) -> None:
    token = store.new_token()
    n = 0
    while not stop.is_set():
        n += 1
        store.save_answers(token, "gereedheid", {"n": n})
        acked.append((token, n))  # acknowledged: the save returned


Acked = list[tuple[str, int]]


@contextmanager
def _under_write_load(store: Store) -> Iterator[Callable[[], list[Acked]]]:
    """WRITERS threads saving without pause; yields a snapshot of what was acknowledged."""
    stop, acked = threading.Event(), [[] for _ in range(WRITERS)]  # type: list[Acked]
    threads = [threading.Thread(target=_write_until, args=(store, stop, acked[i]))
               for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    try:
        while sum(len(a) for a in acked) < 200:
            threading.Event().wait(0.01)
        yield lambda: [list(a) for a in acked]
    finally:
        stop.set()
        for thread in threads:
            thread.join()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_backup_under_write_load_keeps_every_acknowledged_save(store: Store, db_url: str,
                                                               tmp_path: Path) -> None:
    target = tmp_path / "backup.sqlite"
    with _under_write_load(store) as acknowledged:
        before = acknowledged()  # every save acknowledged before the backup started
        backup(db_url, target)
    restored_url = f"sqlite:///{tmp_path / 'restored.sqlite'}"
    open_store(restored_url, env={}).close()  # an empty database to restore into
    restore(restored_url, target)
    restored = open_store(restored_url, env={})
    try:
        assert sum(len(w) for w in before) >= 200
        for token, last in (w[-1] for w in before if w):
            assert restored.load_answers(token)["gereedheid"]["n"] >= last
    finally:
        restored.close()


def test_backup_refuses_postgresql() -> None:
    with pytest.raises(BackupError) as caught:
        backup("postgresql+psycopg://vb@127.0.0.1/x", Path("x"))
    assert caught.value.code == "not_sqlite"


def test_cli_backup_and_restore_into_the_live_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.sqlite'}"
    store = open_store(url, env={})
    token = store.new_token()
    store.save_answers(token, "gereedheid", {"bewaard": True})
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    file = tmp_path / "nacht.sqlite"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "vbestuur_store", *args, "--url", url],
                              capture_output=True, text=True, env=env, timeout=120)

    made = cli("backup", str(file))
    assert made.returncode == 0, made.stderr
    assert "backup written" in made.stderr  # logged, one line
    store.forget(token)  # a mistake after the backup…
    back = cli("restore", str(file))
    assert back.returncode == 0, back.stderr
    # …undone, seen by the process that kept the database open all along
    assert store.load_answers(token) == {"gereedheid": {"bewaard": True}}
    store.close()
    missing = cli("restore", str(tmp_path / "bestaat-niet.sqlite"))
    assert missing.returncode == 1 and "no_backup" in missing.stderr


@pytest.mark.parametrize("backend", ["postgresql"])
def test_pg_dump_route_under_write_load(store: Store, db_url: str, pg_server: PgServer,
                                        tmp_path: Path) -> None:
    """The documented PostgreSQL route (docs/storage.md): pg_dump -Fc, then pg_restore."""
    plain = db_url.replace("postgresql+psycopg://", "postgresql://")
    dump_file = tmp_path / "vbestuur.dump"
    with _under_write_load(store) as acknowledged:
        before = acknowledged()
        subprocess.run([str(pg_server.bindir / "pg_dump"), "--format=custom",
                        f"--file={dump_file}", plain], check=True, timeout=120)
    target = pg_server.create_database()
    try:
        subprocess.run([str(pg_server.bindir / "pg_restore"), "--no-owner",
                        "--single-transaction", f"--dbname={plain.rsplit('/', 1)[0]}/{target}",
                        str(dump_file)], check=True, timeout=120)
        restored = open_store(pg_server.url(target), env={})
        try:
            assert sum(len(w) for w in before) >= 200
            for token, last in (w[-1] for w in before if w):
                assert restored.load_answers(token)["gereedheid"]["n"] >= last
        finally:
            restored.close()
    finally:
        pg_server.drop_database(target)
