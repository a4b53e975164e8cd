"""/readyz: 200 only when the content loads and the database answers within its deadline."""

from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path

from ops_helpers import body, call, hung_database
from starlette.routing import Router

from vbestuur_app.asgi_ops import ReadinessCheck, readiness_route
from vbestuur_service.runtime import Runtime
from vbestuur_service.settings import Settings
from vbestuur_store import Store
from vbestuur_store.faults import StorageFault

ROOT = Path(__file__).resolve().parents[2]


def router(settings: Settings, deadline: float = 4.0) -> tuple[Router, Runtime]:
    rt = Runtime(settings)
    check = ReadinessCheck(runtime_of=lambda: rt, deadline=deadline)
    return Router(routes=[readiness_route(check)]), rt


def readyz(app: Router) -> tuple[int, dict[str, object]]:
    sent = call(app, "/readyz")
    return sent[0]["status"], json.loads(body(sent))


def test_ready_on_a_working_database_and_content(tmp_path: Path) -> None:
    app, rt = router(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)}))
    try:
        assert readyz(app) == (200, {"ready": True, "content": "ok", "database": "ok"})
    finally:
        rt.close()


def test_not_ready_within_seconds_while_the_database_hangs() -> None:
    with hung_database() as port:
        url = f"postgresql+psycopg://vbestuur@127.0.0.1:{port}/vbestuur"
        app, rt = router(Settings.from_env({"VBESTUUR_DATABASE_URL": url}))
        started = time.monotonic()
        status, report = readyz(app)
        took = time.monotonic() - started
    assert (status, report["ready"], report["database"]) == (503, False, "unavailable")
    assert took < 6.0


def test_a_stuck_check_answers_503_at_once_and_starts_no_second_thread(tmp_path: Path) -> None:
    release = threading.Event()
    opened: list[int] = []

    def stuck_store(_settings: Settings) -> Store:
        opened.append(1)
        release.wait(30)
        raise StorageFault("unavailable")

    rt = Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)}), stuck_store)
    app = Router(routes=[readiness_route(ReadinessCheck(lambda: rt, deadline=0.5))])
    try:
        first, _ = readyz(app)
        started = time.monotonic()
        second, report = readyz(app)
        took = time.monotonic() - started
    finally:
        release.set()
    assert (first, second, report["database"]) == (503, 503, "unavailable")
    assert took < 0.4  # did not wait out a second deadline
    assert opened == [1]


def test_not_ready_while_the_content_does_not_load(tmp_path: Path) -> None:
    broken = tmp_path / "content"
    for folder in ("rules", "flows"):
        shutil.copytree(ROOT / folder, broken / folder)
    advice = sorted((broken / "rules" / "advice").glob("*.yaml"))[0]
    advice.write_text(advice.read_text(encoding="utf-8") + "  - id: Not_An_Id\n",
                      encoding="utf-8")
    settings = Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path),
                                  "VBESTUUR_CONTENT": str(broken)})
    app, rt = router(settings)
    try:
        status, report = readyz(app)
    finally:
        rt.close()
    assert (status, report["content"], report["database"]) == (503, "problems", "ok")
