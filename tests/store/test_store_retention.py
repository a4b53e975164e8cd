"""Retention: data unused for the retention period is deleted, and nothing else."""

from __future__ import annotations

import pytest
from store_helpers import FakeClock, dump

from vbestuur_store import Store, UnknownCode, UnknownToken, load_config, open_store
from vbestuur_store.tokens import hash_token


def _fill(store: Store) -> str:
    token = store.new_token()
    store.save_answers(token, "gereedheid", {"a": 1})
    store.save_document(token, "netwerklijst", [1])
    store.record_readiness(token, "gereedheid", {"vooraf": 1.0})
    return token


def test_purge_deletes_only_expired_sessions(store: Store, clock: FakeClock) -> None:
    old = _fill(store)
    old_code = store.create_bewaarcode(old)
    clock.advance(days=60)
    recent = _fill(store)
    store.set_profile_value("politiecontact", "a", "b", "griffie")
    store.update_org_item(3, "griffie", status="deels")
    clock.advance(days=31)  # old: 91 days unused, recent: 31 days
    assert store.purge_expired() == 1
    with pytest.raises(UnknownToken):
        store.load_answers(old)
    with pytest.raises(UnknownCode):
        store.resume(old_code)
    assert store.load_answers(recent) == {"gereedheid": {"a": 1}}
    rows = dump(store.engine)
    for table in ("sessions", "answers", "documents", "readiness"):
        assert len(rows[table]) == 1 and hash_token(recent) in rows[table][0], table
    assert rows["bewaarcodes"] == []
    assert len(rows["profile_values"]) == 1 and len(rows["org_items"]) == 1
    assert store.purge_expired() == 0


def test_use_resets_the_retention_clock(store: Store, clock: FakeClock) -> None:
    saved, touched, resumed, idle = (_fill(store) for _ in range(4))
    code = store.create_bewaarcode(resumed)
    clock.advance(days=89)
    store.save_answers(saved, "gereedheid", {"a": 2})
    store.touch(touched)
    store.resume(code)
    clock.advance(days=2)
    assert store.purge_expired() == 1
    assert {store.exists(t) for t in (saved, touched, resumed)} == {True}
    assert not store.exists(idle)


def test_boundary_is_exact(store: Store, clock: FakeClock) -> None:
    token = _fill(store)
    clock.advance(days=90)
    assert store.purge_expired() == 0  # exactly 90 days: still kept
    clock.advance(seconds=1)
    assert store.purge_expired() == 1 and not store.exists(token)


def test_many_expired_sessions_in_batches(store: Store, clock: FakeClock) -> None:
    tokens = [store.new_token() for _ in range(1_100)]
    for token in tokens[:5]:
        store.save_answers(token, "gereedheid", {"a": 1})
    clock.advance(days=91)
    keep = store.new_token()
    assert store.purge_expired() == 1_100
    assert [row[0] for row in dump(store.engine)["sessions"]] == [hash_token(keep)]


def test_retention_is_configurable(db_url: str, clock: FakeClock) -> None:
    assert load_config({}).retention_days == 90
    assert load_config({"VBESTUUR_RETENTION_DAYS": "30"}).retention_days == 30
    short = open_store(db_url, clock=clock, env={"VBESTUUR_RETENTION_DAYS": "7"})
    token = short.new_token()
    clock.advance(days=8)
    assert short.retention_days == 7 and short.purge_expired() == 1
    assert not short.exists(token)
    short.close()


@pytest.mark.parametrize("value", ["0", "-3", "ninety", "1.5"])
def test_bad_retention_setting_is_refused(value: str) -> None:
    from vbestuur_store import InvalidValue

    with pytest.raises(InvalidValue, match="VBESTUUR_RETENTION_DAYS"):
        load_config({"VBESTUUR_RETENTION_DAYS": value})

