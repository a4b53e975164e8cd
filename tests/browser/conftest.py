"""Real-browser fixtures: Debian's Chromium and a live `streamlit run` on 127.0.0.1.

Why not `playwright install`: the browser download would reach the internet; Debian's
Chromium is installed by the system package manager (`.ci/run` does it before `make test`).
Under `CI=true` a missing Chromium is a failure, so CI can never go green by skipping these.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("VBESTUUR_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
HEALTH_TIMEOUT = 30.0
EXPECT_TIMEOUT_MS = 30_000
"""How long an `expect` waits for the app's state. Playwright's 5 s default made the axe
tests fail on a loaded machine while the page was still drawing (the code review saw it); the
wait ends as soon as the state is reached, so a longer bound costs nothing when all is well."""
expect.set_options(timeout=EXPECT_TIMEOUT_MS)
SERVER_ENV_DROP = {"VBESTUUR_CONTENT", "VBESTUUR_DATABASE_URL", "VBESTUUR_GRIFFIE_PIN",
                   "VBESTUUR_RETENTION_DAYS", "VBESTUUR_REGISTER_KEY_FILE"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: end-to-end test in a real Chromium")
    # pytest-playwright 0.10 defines a session fixture as a method; harmless on pytest 9.
    config.addinivalue_line("filterwarnings", "ignore:Session-scoped fixtures defined as "
                            "instance methods:pytest.PytestRemovedIn10Warning")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in this folder `browser` (they run in the default `pytest` run)."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.browser)


def require_chromium() -> None:
    """Fail under CI=true, skip elsewhere, when Debian's Chromium is not installed."""
    if CHROMIUM.exists():
        return
    reason = (f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` "
              "(no Playwright browser download is used)")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    require_chromium()
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": LAUNCH_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "accept_downloads": True, "locale": "nl-NL",
            "viewport": {"width": 1280, "height": 900}}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_healthy(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + HEALTH_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit did not become healthy within {HEALTH_TIMEOUT} s")


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run app.py` on a free port of 127.0.0.1, with the project's config and an
    SQLite file of its own (app.py serves through st.App, so the cookie middleware is on)."""
    require_chromium()
    port = free_port()
    server_dir = tmp_path_factory.mktemp("server")
    env = {k: v for k, v in os.environ.items() if k not in SERVER_ENV_DROP}
    env["VBESTUUR_DATA_DIR"] = str(server_dir / "data")  # never the project's data/
    # the incident register switched on, as a municipality runs it: the result pages then carry
    # "Registreer dit incident", and the phone budgets are measured with it
    env["VBESTUUR_REGISTER_KEY"] = Fernet.generate_key().decode()
    with serve_app(port, env, server_dir) as url:
        yield url


def add_staff(env: dict[str, str], name: str, password: str, roles: tuple[str, ...]) -> None:
    """A staff account in the app's database, as an operator makes one (`add-user`)."""
    role_args = [arg for role in roles for arg in ("--role", role)]
    subprocess.run([sys.executable, "-m", "vbestuur_store", "add-user", name, *role_args],
                   input=password + "\n", text=True, env=env, cwd=ROOT, check=True,
                   capture_output=True)


@contextmanager
def serve_app(port: int, env: dict[str, str], server_dir: Path) -> Iterator[str]:
    """`streamlit run app.py` on 127.0.0.1:`port` with `env`, logging into `server_dir`;
    yields the address once healthy and stops the server afterwards (every browser test's
    app server starts this one way)."""
    url = f"http://127.0.0.1:{port}"
    with (server_dir / "streamlit.log").open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
             "--server.address", "127.0.0.1", "--server.port", str(port),
             "--server.headless", "true", "--global.developmentMode", "false",
             "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_healthy(url, proc)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
