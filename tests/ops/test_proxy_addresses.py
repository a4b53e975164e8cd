"""Client addresses through a real HAProxy (deploy/haproxy.cfg): the app limits each visitor,
not the proxy, and believes X-Forwarded-For only from the proxy it was told to trust.

Why through the real thing: whether HAProxy adds the header, appends it after a header the
client sent, and whether the app reads the websocket request's header (not the page's) can
only be seen end to end. The app (`streamlit run app.py`, SQLite) trusts 127.0.0.1, where
HAProxy runs; uvicorn's own X-Forwarded-For handling is off (FORWARDED_ALLOW_IPS=""), so the
app's rule alone decides. Each visitor comes from its own loopback address (127.0.0.2, …),
sends a forged X-Forwarded-For, answers the first question (its first save starts a stored
session, counted per client by limiter.SESSION_CREATE), and the test reads which client keys
the server's own database counted.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from own_loop import run_in_own_thread

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
import topology  # noqa: E402
from lean import LeanSession, answer  # noqa: E402
from walk import cookies_of  # noqa: E402

import app as protocol  # noqa: E402  bench/app.py
from vbestuur_store.limiter import SESSION_CREATE, key_of  # noqa: E402

FORGED = "203.0.113.9"  # what a visitor claims to be (TEST-NET-3)


@pytest.fixture(scope="module")
def topology_ports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, int, Path]]:
    """(HAProxy's port, the replica's own port, the replica's SQLite file)."""
    if shutil.which("haproxy") is None:
        message = "HAProxy is not installed (Debian package haproxy, see .ci/run)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("proxy")
    env = {**os.environ, "VBESTUUR_DATA_DIR": str(folder / "data"), "FORWARDED_ALLOW_IPS": "",
           "VBESTUUR_TRUSTED_PROXIES": "127.0.0.1"}
    env.pop("VBESTUUR_DATABASE_URL", None)
    app_port, front = topology.free_port(), topology.free_port()
    procs = [topology.replica(app_port, env, folder / "app.log")]
    try:
        topology.wait_ready(app_port)
        procs.append(topology.haproxy(front, [app_port], folder))
        topology.wait_ready(front)
        yield front, app_port, folder / "data" / "vbestuur.sqlite"
    finally:
        topology.stop(procs)


def _first_save(port: int, source: str, forged: str) -> bool:
    """A visitor from `source` with a forged X-Forwarded-For answers the first question."""
    async def walk() -> bool:
        question = protocol.first_question()
        session = await LeanSession.open(port, cookies_of(port), source=source,
                                         headers={"X-Forwarded-For": forged})
        try:
            asked = await session.to_question(question)
            return not (await answer(session, asked, question)).asks(question)
        finally:
            await session.close()
    return bool(run_in_own_thread(walk()))


def _counted(database: Path) -> set[str]:
    with sqlite3.connect(database) as conn:
        return {row[0] for row in conn.execute("SELECT key FROM attempt_limits")}


def _key(client: str) -> str:
    return key_of(SESSION_CREATE, client)


def test_through_haproxy_each_visitor_is_counted_by_its_own_address(
        topology_ports: tuple[int, int, Path]) -> None:
    front, _app, database = topology_ports
    assert _first_save(front, "127.0.0.2", FORGED)
    assert _first_save(front, "127.0.0.3", FORGED)
    counted = _counted(database)
    # HAProxy appended the address it saw; the app took that one, right of the forged one
    assert {_key("127.0.0.2"), _key("127.0.0.3")} <= counted
    assert _key(FORGED) not in counted
    assert _key("") not in counted and _key("127.0.0.1") not in counted  # not the proxy's


def test_a_peer_that_is_not_a_trusted_proxy_is_never_believed(
        topology_ports: tuple[int, int, Path]) -> None:
    _front, app_port, database = topology_ports
    assert _first_save(app_port, "127.0.0.4", FORGED)  # straight to the app, past HAProxy
    counted = _counted(database)
    assert _key("127.0.0.4") in counted
    assert _key(FORGED) not in counted
