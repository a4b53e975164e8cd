"""The processes of bench/scale.py: app replicas and HAProxy, started fresh for each setup.

Why fresh for each setup: a replica that served a 200-session phase keeps those sessions'
state in memory (Streamlit holds a closed session for its disconnectedSessionTTL), so a second
phase on the same process would run on a bigger heap than the first. Each setup therefore
starts its own replicas, warms each one the same way, and starts its own HAProxy. Both setups
go through HAProxy with deploy/haproxy.cfg: the one-replica setup with the same file, its
second `server` line left out, so both pay the same proxy hop and both ask the replicas the
same health checks.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

from walk import NO_PROXY

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "deploy" / "haproxy.cfg"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# The replicas trust HAProxy's X-Forwarded-For (127.0.0.1), as deploy/ does, and nothing else:
# uvicorn's own handling of the header is off (vbestuur_app/clients.py). Keys already in the
# caller's env win (tests/ops/test_proxy_addresses.py).
PROXY_ENV = {"VBESTUUR_TRUSTED_PROXIES": "127.0.0.1", "FORWARDED_ALLOW_IPS": ""}


def replica(port: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    env = {**PROXY_ENV, **env}
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.address",
         "127.0.0.1", "--server.port", str(port)], cwd=ROOT, env=env,
        stdout=log.open("wb"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def wait_ready(port: int, path: str = "/readyz") -> None:
    """Until the address answers 200 (readiness: content loaded, database answers)."""
    for _ in range(600):
        with suppress(OSError), NO_PROXY.open(f"http://127.0.0.1:{port}{path}", timeout=5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"127.0.0.1:{port}{path} never became ready")


def haproxy_config(replicas: int, folder: Path) -> Path:
    """deploy/haproxy.cfg itself for two replicas; for one, a copy without `server app2`."""
    if replicas == 2:
        return CONFIG
    lines = [line for line in CONFIG.read_text(encoding="utf-8").splitlines()
             if not line.strip().startswith("server app2 ")]
    path = folder / "haproxy-one.cfg"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def haproxy(front: int, apps: list[int], folder: Path) -> subprocess.Popen:
    env = {**os.environ, "VB_FRONT": f"127.0.0.1:{front}",
           "VB_APP1": f"127.0.0.1:{apps[0]}", "VB_APP2": f"127.0.0.1:{apps[-1]}"}
    return subprocess.Popen(["haproxy", "-f", str(haproxy_config(len(apps), folder))], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(procs: list[subprocess.Popen]) -> None:
    """Stop the processes this bench started (by their own handles), politely first."""
    for proc in reversed(procs):
        if proc.poll() is None:
            proc.terminate()
            with suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=20)
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=20)
