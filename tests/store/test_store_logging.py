"""Privacy: answers, codes and PINs never reach a log, even with SQL debug logging on."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from vbestuur_store import Store, StoreError

MARKER = "GEHEIM-antwoord-7f3a"


@pytest.fixture
def debug_log(tmp_path: Path) -> Iterator[Path]:
    """Everything, SQLAlchemy's engine at DEBUG included, into a file (like a careless app)."""
    path = tmp_path / "app.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root, sql = logging.getLogger(), logging.getLogger("sqlalchemy.engine")
    old_levels = (root.level, sql.level)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    sql.setLevel(logging.DEBUG)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(old_levels[0])
        sql.setLevel(old_levels[1])


def test_the_log_would_show_rows_without_protection(debug_log: Path) -> None:
    """Control: a plain engine at DEBUG does log result rows, so the next test means something."""
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        conn.execute(text("SELECT :x"), {"x": MARKER}).all()
    engine.dispose()
    assert MARKER in debug_log.read_text(encoding="utf-8")


def test_answers_codes_and_pins_stay_out_of_logs(store: Store, debug_log: Path) -> None:
    token = store.new_token()
    store.save_answers(token, "gereedheid", {"toelichting": MARKER})
    store.save_document(token, "netwerklijst", [{"naam": MARKER}])
    assert store.load_answers(token)["gereedheid"]["toelichting"] == MARKER
    assert store.load_document(token, "netwerklijst") == [{"naam": MARKER}]
    code = store.create_bewaarcode(token)
    assert store.resume(code) == token
    store.set_pin(MARKER)
    assert store.check_pin(MARKER)
    with pytest.raises(StoreError):
        store.resume(code[:-4] + "0000" if not code.endswith("0000") else code[:-4] + "1111")
    log = debug_log.read_text(encoding="utf-8")
    assert "sqlalchemy" in log.lower() or "SELECT" in log  # logging really was on
    for secret in (MARKER, code, code.replace("-", ""), token):
        assert secret not in log


def test_purges_and_migrations_are_logged_one_line_each(
        blank_url: str, caplog: pytest.LogCaptureFixture) -> None:
    from vbestuur_store import open_store
    from vbestuur_store.migrate import HEAD_REVISION

    caplog.set_level(logging.INFO, logger="vbestuur_store")
    store = open_store(blank_url, env={})
    migrated = [r for r in caplog.records if r.name == "vbestuur_store.migrate"]
    assert [r.getMessage() for r in migrated][-1] == \
        f"database migrated from revision (empty) to {HEAD_REVISION}"
    caplog.clear()
    token = store.new_token()
    store.purge_expired()
    purged = [r.getMessage() for r in caplog.records if r.name == "vbestuur_store.retention"]
    assert len(purged) == 1 and purged[0].startswith("retention purge: 0 sessions")
    assert "\n" not in purged[0] and token not in purged[0]
    store.close()
