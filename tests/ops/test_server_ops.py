"""The real server (`streamlit run app.py`) on a database that hangs: liveness stays cheap,
readiness says 503 within seconds, and the stdout log has one line per request, with time,
level and logger, and neither the token cookie nor the room code."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from ops_helpers import hung_database

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (INFO|WARNING|ERROR) [\w.]+: ")
TOKEN = secrets.token_urlsafe(32)
CODE = "ROOM" + secrets.token_hex(4).upper()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, cookie: str | None = None, timeout: float = 10) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("ops-server")
    out = folder / "stdout.log"
    with hung_database() as db_port:
        env = {**os.environ, "VBESTUUR_DATA_DIR": str(folder / "data"),
               "VBESTUUR_DATABASE_URL": f"postgresql+psycopg://vbestuur@127.0.0.1:{db_port}/x"}
        port = free_port()
        with out.open("wb") as log, (folder / "stderr.log").open("wb") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                 "--server.address", "127.0.0.1", "--server.port", str(port)],
                cwd=ROOT, env=env, stdout=log, stderr=err)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    if fetch(f"{url}/_stcore/health", timeout=2)[0] == 200:
                        break
                except OSError:
                    time.sleep(0.2)
            assert proc.poll() is None, "the server exited"
            yield url, folder
        finally:
            proc.terminate()
            proc.wait(20)


def test_liveness_is_cheap_and_readiness_503_within_seconds(server: tuple[str, Path]) -> None:
    url, _ = server
    started = time.monotonic()
    assert fetch(f"{url}/_stcore/health") == (200, b"ok")
    assert time.monotonic() - started < 1.0
    started = time.monotonic()
    status, body = fetch(f"{url}/readyz")
    assert status == 503
    assert b'"database": "unavailable"' in body
    assert time.monotonic() - started < 6.0
    assert fetch(f"{url}/_stcore/health") == (200, b"ok")  # the hung check did not block it


def test_access_log_has_no_token_and_no_room_code(server: tuple[str, Path]) -> None:
    url, folder = server
    cookie = f"vbestuur_sessie={TOKEN}; other=1"
    for path in (f"/_stcore/health?code={CODE}", f"/static/js/nope.js?code={CODE}",
                 f"/?code={CODE}&lang=nl"):
        fetch(url + path, cookie=cookie, timeout=30)
    wanted = re.compile(r" INFO vbestuur\.access: GET /_stcore/health 200 [\d.]+ms 2B$")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        lines = (folder / "stdout.log").read_text(encoding="utf-8").splitlines()
        if any(wanted.search(line) for line in lines) and \
                any(" GET / " in line for line in lines):
            break
        time.sleep(0.1)
    everything = "\n".join([*lines, (folder / "stderr.log").read_text(encoding="utf-8")])
    assert TOKEN not in everything
    assert CODE not in everything
    assert any(wanted.search(line) for line in lines)
    assert any(" GET /static/js/nope.js " in line for line in lines)
    app_lines = [line for line in lines if line.strip() and not line.startswith(" ")]
    assert app_lines
    assert all(LINE.match(line) for line in app_lines if " vbestuur" in line)


def test_the_page_itself_does_not_wait_on_the_hung_database(server: tuple[str, Path]) -> None:
    """F3: the first HTML response took 130 s; now a new browser's page load needs no database
    and a known browser's waits at most a second for its touch."""
    url, _ = server
    for cookie in (None, f"vbestuur_sessie={secrets.token_urlsafe(32)}"):
        started = time.monotonic()
        request = urllib.request.Request(url + "/", headers={
            "Accept": "text/html", **({"Cookie": cookie} if cookie else {})})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200
            given = response.headers.get("Set-Cookie") or ""
        assert time.monotonic() - started < 5.0
        assert ("vbestuur_sessie=" in given) is (cookie is None)
