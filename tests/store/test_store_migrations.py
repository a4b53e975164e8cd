"""Schema versioning: fresh databases reach head, older ones are upgraded with their data."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from store_helpers import FakeClock, dump, text_of

from vbestuur_store import current_revision, head_revision, load_config, open_store
from vbestuur_store.config import normalise_url
from vbestuur_store.db import make_engine
from vbestuur_store.migrate import upgrade_to, upgrade_to_head
from vbestuur_store.models import Base

TOKEN = "T" * 43
OLD = datetime(2026, 2, 20, 9, 30)


def test_fresh_database_reaches_head(blank_url: str) -> None:
    engine = make_engine(blank_url)
    assert current_revision(engine) is None
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision() == "0006"
    upgrade_to_head(engine)  # idempotent
    assert current_revision(engine) == "0006"
    engine.dispose()


def test_models_match_the_migrations(blank_url: str) -> None:
    engine = make_engine(blank_url)
    upgrade_to_head(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def _fill_first_revision(blank_url: str) -> None:
    """Write data the way the 0001 release did (raw SQL: today's models are newer)."""
    engine = make_engine(blank_url)
    upgrade_to(engine, "0001")
    assert current_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO sessions VALUES (:t, :d, :d)"), {"t": TOKEN, "d": OLD})
        conn.execute(text("INSERT INTO answers VALUES (:t, 'gereedheid', :a, :d)"),
                     {"t": TOKEN, "a": json.dumps({"rol": "raadslid"}), "d": OLD})
        conn.execute(text("INSERT INTO org_items (step_id, status, owner, due, note, "
                          "updated_by, updated_at) VALUES (3, 'deels', 'Griffier', "
                          ":due, 'loopt', 'griffier', :d)"),
                     {"due": datetime(2026, 6, 1).date(), "d": OLD})
        conn.execute(text("INSERT INTO profile_values VALUES ('politiecontact', 'Jan', 'Jan', "
                          "'griffier', :d)"), {"d": OLD})
    engine.dispose()


def test_upgrade_from_first_revision_keeps_data(blank_url: str) -> None:
    _fill_first_revision(blank_url)
    store = open_store(blank_url, clock=FakeClock(), env={})  # the app's start-up path
    assert current_revision(store.engine) == head_revision()
    assert store.load_answers(TOKEN) == {"gereedheid": {"rol": "raadslid"}}
    assert TOKEN not in text_of(dump(store.engine))  # 0004 re-keyed it by its hash (F17)
    item = store.org_items([3])[0]
    assert (item.status, item.owner, item.note, item.version) == ("deels", "Griffier",
                                                                  "loopt", 0)
    assert store.get_profile()["politiecontact"].updated_at.replace(tzinfo=None) == OLD
    # the features of the new revision work on the upgraded data
    store.record_readiness(TOKEN, "gereedheid", {"vooraf": 0.5})
    store.save_document(TOKEN, "netwerklijst", [])
    assert store.update_org_item(3, "griffier", status="geregeld").version == 1
    store.forget(TOKEN)
    assert not store.exists(TOKEN)
    store.close()


def test_default_location_is_created_on_first_start(tmp_path: Path) -> None:
    data_dir = tmp_path / "nieuw" / "data"
    config = load_config({"VBESTUUR_DATA_DIR": str(data_dir)})
    store = open_store(env={"VBESTUUR_DATA_DIR": str(data_dir)})
    assert str(store.engine.url) == config.url
    assert (data_dir / "vbestuur.sqlite").exists()
    assert current_revision(store.engine) == head_revision()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_project_default_is_under_data() -> None:
    url = load_config({}).url
    assert url.startswith("sqlite:///") and url.endswith("/data/vbestuur.sqlite")


@pytest.mark.parametrize(("given", "expected"), [
    ("postgresql://u:p@db:5432/vb", "postgresql+psycopg://u:p@db:5432/vb"),
    ("postgres://u@db/vb", "postgresql+psycopg://u@db/vb"),
    ("postgresql+psycopg://u@db/vb", "postgresql+psycopg://u@db/vb"),
    ("sqlite:////srv/vb.sqlite", "sqlite:////srv/vb.sqlite"),
])
def test_database_url_from_environment(given: str, expected: str) -> None:
    assert normalise_url(given) == expected
    assert load_config({"VBESTUUR_DATABASE_URL": given}).url == expected


def test_the_head_revision_constant_matches_the_migrations() -> None:
    from vbestuur_store.migrate import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


@pytest.mark.parametrize("backend", ["postgresql"])
def test_waiting_for_another_process_migration_is_not_cut_off(blank_url: str) -> None:
    """The client-side deadline (deadline.py) must not kill a start-up waiting to migrate."""
    import threading
    import time

    import psycopg

    from vbestuur_store.db import STATEMENT_SECONDS
    from vbestuur_store.migrate import ADVISORY_LOCK_KEY

    dsn = blank_url.replace("postgresql+psycopg://", "postgresql://")
    engine = make_engine(blank_url)
    errors: list[BaseException] = []
    with psycopg.connect(dsn) as holder:  # "the first process", migrating slowly
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_LOCK_KEY,))
        thread = threading.Thread(target=lambda: _upgrade_catching(engine, errors))
        thread.start()
        deadline = time.monotonic() + 30
        while not holder.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                 "AND NOT granted").fetchone()[0]:  # type: ignore[index]
            assert time.monotonic() < deadline
        waited_since = time.monotonic()
        while time.monotonic() < waited_since + STATEMENT_SECONDS + 2:
            assert thread.is_alive()  # still waiting, not cut off
            thread.join(0.2)
        holder.rollback()  # the first process is done
    thread.join(60)
    assert errors == [] and current_revision(engine) == head_revision()
    engine.dispose()


def _upgrade_catching(engine: object, errors: list[BaseException]) -> None:
    try:
        upgrade_to_head(engine)  # type: ignore[arg-type]
    except BaseException as err:  # noqa: BLE001  reported to the test
        errors.append(err)
