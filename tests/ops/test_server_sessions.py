"""The real server (`streamlit run app.py`, SQLite): cookieless page loads make no rows (F6).

Why the real server: the review's reproduction was 2,000 `curl` page loads against a running
app, which left 2,000 session rows (kept 90 days). This sends cookieless GETs and HEADs the same
way and counts the rows in the server's own SQLite file.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from test_server_ops import ROOT, fetch, free_port

from vbestuur_store import COOKIE_NAME, is_token

LOADS = 120


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("sessions-server")
    data = folder / "data"
    env = {**os.environ, "VBESTUUR_DATA_DIR": str(data)}
    env.pop("VBESTUUR_DATABASE_URL", None)
    port = free_port()
    with (folder / "stdout.log").open("wb") as out, (folder / "stderr.log").open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
             "--server.address", "127.0.0.1", "--server.port", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=err)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if fetch(f"{url}/readyz", timeout=2)[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        assert proc.poll() is None, "the server exited"
        yield url, data / "vbestuur.sqlite"
    finally:
        proc.terminate()
        proc.wait(20)


def page_load(url: str, method: str = "GET") -> str | None:
    """One cookieless page load as a browser sends it; the session token it was given."""
    request = urllib.request.Request(url + "/", method=method,
                                     headers={"Accept": "text/html"})
    with urllib.request.urlopen(request, timeout=20) as response:
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            if name == COOKIE_NAME:
                return rest.split(";", 1)[0]
    return None


def session_rows(database: Path) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])


def test_cookieless_page_loads_make_no_session_rows(server: tuple[str, Path]) -> None:
    url, database = server
    before = session_rows(database)
    with ThreadPoolExecutor(max_workers=4) as pool:
        tokens = list(pool.map(page_load, [url] * LOADS))
        heads = list(pool.map(lambda u: page_load(u, "HEAD"), [url] * 20))
    assert all(is_token(token) for token in tokens + heads)
    assert len(set(tokens + heads)) == LOADS + 20
    assert session_rows(database) == before == 0
