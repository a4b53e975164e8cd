"""Start the real OIDC provider (.ci/oidc/provider.mjs) and the app signed up with it.

Why a real provider: Streamlit's `st.login` talks OIDC to the municipality's identity
provider (discovery, authorisation code with PKCE, token exchange, ID-token signature and
nonce, RP-initiated logout); only a real provider shows whether all of that fits. The
OpenID-certified `oidc-provider` from npm is pinned in .ci/oidc and installed by .ci/run.

Why a secrets file of the test's own (`--secrets.files`): the app's `[auth]` section is a
secret, never written into the repository's .streamlit/.
"""

from __future__ import annotations

import os
import queue
import secrets
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OIDC_DIR = ROOT / ".ci" / "oidc"
PROVIDER = OIDC_DIR / "provider.mjs"
ROLE_CLAIM = "vbestuur_roles"  # not the default `roles`: proves the setting is read
CLIENT_ID = "vbestuur-test"
READY_TIMEOUT = 60.0


@dataclass(frozen=True)
class Provider:
    issuer: str
    client_id: str
    client_secret: str


def missing(reason: str) -> None:
    """Fail under CI=true (CI must never go green by skipping), skip elsewhere."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def node() -> str:
    """Node.js with the pinned oidc-provider installed (`npm ci` on first use)."""
    binary = shutil.which("node")
    npm = shutil.which("npm")
    if binary is None or npm is None:
        missing("node/npm are missing: `apt-get install -y npm` for the OIDC sign-in test")
        raise AssertionError("unreachable")
    if not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=OIDC_DIR, check=True, timeout=600)
    return binary


def _read_ready(proc: subprocess.Popen[str]) -> str:
    """The issuer from the provider's `ready <issuer>` line (waits on the line, not a clock)."""
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put("")

    threading.Thread(target=pump, daemon=True).start()
    while True:
        line = lines.get(timeout=READY_TIMEOUT)
        if not line:
            raise RuntimeError(f"the OIDC provider exited with code {proc.wait()}")
        if line.startswith("ready "):
            return line.split()[1]


@contextmanager
def provider(redirect_uri: str, log: Path, host: str = "127.0.0.1") -> Iterator[Provider]:
    """The provider on 127.0.0.1 (a port it picks), with one client for `redirect_uri`."""
    secret = secrets.token_urlsafe(24)
    env = {**os.environ, "OIDC_REDIRECT_URI": redirect_uri, "OIDC_CLIENT_ID": CLIENT_ID,
           "OIDC_CLIENT_SECRET": secret, "OIDC_ROLE_CLAIM": ROLE_CLAIM, "OIDC_HOST": host}
    with log.open("w") as errors:
        proc = subprocess.Popen([node(), str(PROVIDER)], cwd=OIDC_DIR, env=env, text=True,
                                stdout=subprocess.PIPE, stderr=errors)
        try:
            yield Provider(_read_ready(proc), CLIENT_ID, secret)
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def secrets_toml(idp: Provider, redirect_uri: str) -> str:
    """The `[auth]` section a municipality writes, pointing at the test's provider."""
    return "\n".join([
        "[auth]",
        f'redirect_uri = "{redirect_uri}"',
        f'cookie_secret = "{secrets.token_hex(32)}"',
        f'client_id = "{idp.client_id}"',
        f'client_secret = "{idp.client_secret}"',
        f'server_metadata_url = "{idp.issuer}/.well-known/openid-configuration"',
        'client_kwargs = { prompt = "login" }',
        ""])


def app_command(port: int, secrets_file: Path) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
            "--server.address", "127.0.0.1", "--server.port", str(port),
            "--server.headless", "true", "--global.developmentMode", "false",
            "--browser.gatherUsageStats", "false", "--secrets.files", str(secrets_file)]
