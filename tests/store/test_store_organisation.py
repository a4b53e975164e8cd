"""The griffie's organisation view: status, owner, due date, note per step, audited."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from store_helpers import FakeClock

from vbestuur_store import STATUSES, InvalidValue, OrgItem, StaleItem, Store

ORG_STEPS = [1, 2, 3, 5, 9, 20]


def test_unedited_steps_are_open(store: Store) -> None:
    items = store.org_items(ORG_STEPS)
    assert [i.step_id for i in items] == ORG_STEPS
    assert all(i == OrgItem(step_id=i.step_id) and i.status == "open" for i in items)
    assert store.org_items() == []


def test_update_fields_and_audit(store: Store, clock: FakeClock) -> None:
    item = store.update_org_item(20, "griffier", status="deels", owner="Burgemeester",
                                 due=date(2027, 3, 1), note="Evaluatie in maart")
    assert (item.status, item.owner, item.due, item.note) == (
        "deels", "Burgemeester", date(2027, 3, 1), "Evaluatie in maart")
    assert (item.updated_by, item.updated_at, item.version) == ("griffier", clock.now, 1)
    clock.advance(days=3)
    item = store.update_org_item(20, "plv. griffier", status="geregeld", due=None)
    assert (item.status, item.due, item.owner, item.version) == ("geregeld", None,
                                                                 "Burgemeester", 2)
    assert store.org_items([20, 3]) == [item, OrgItem(step_id=3)]
    history = store.org_history(20)
    assert [(c.field, c.old, c.new, c.actor) for c in history] == [
        ("status", "open", "deels", "griffier"),
        ("owner", None, "Burgemeester", "griffier"),
        ("due", None, "2027-03-01", "griffier"),
        ("note", "", "Evaluatie in maart", "griffier"),
        ("status", "deels", "geregeld", "plv. griffier"),
        ("due", "2027-03-01", None, "plv. griffier"),
    ]
    assert history[-1].at == clock.now and history[0].at < clock.now


def test_unchanged_values_are_not_audited(store: Store) -> None:
    store.update_org_item(5, "griffier", status="nvt")
    item = store.update_org_item(5, "iemand anders", status="nvt", note="")
    assert item.version == 1 and item.updated_by == "griffier"
    assert len(store.org_history(5)) == 1
    assert store.update_org_item(9, "griffier", status="open") == OrgItem(step_id=9)
    assert store.org_items() == [store.org_items([5])[0]]


def test_all_statuses_are_accepted(store: Store) -> None:
    for status in STATUSES:
        assert store.update_org_item(3, "griffier", status=status).status == status
    assert STATUSES == ("open", "deels", "geregeld", "nvt")


@pytest.mark.parametrize(("step", "changes"), [
    (3, {"status": "klaar"}), (3, {"status": None}), (0, {"status": "open"}),
    (22, {"status": "open"}), (3, {"due": "2027-01-01"}),
    (3, {"due": datetime(2027, 1, 1)}), (3, {"note": None}), (3, {"note": "x" * 4001}),
    (3, {"owner": 5}),
])
def test_invalid_changes(store: Store, step: int, changes: dict[str, Any]) -> None:
    with pytest.raises(InvalidValue):
        store.update_org_item(step, "griffier", **changes)
    assert store.org_items() == [] and store.org_history() == []


def test_unknown_field_and_missing_actor(store: Store) -> None:
    from vbestuur_store.organisation import update_org_item

    with pytest.raises(InvalidValue, match="colour"):
        update_org_item(store.db, 3, "griffier", {"colour": "red"})
    with pytest.raises(InvalidValue, match="actor"):
        store.update_org_item(3, "  ", status="deels")


def test_stale_edit_is_refused(store: Store) -> None:
    seen = store.update_org_item(3, "griffier A", note="eerste")
    store.update_org_item(3, "griffier B", note="tweede", expected_version=seen.version)
    with pytest.raises(StaleItem) as err:
        store.update_org_item(3, "griffier A", note="overschrijft", expected_version=seen.version)
    assert err.value.code == "stale-item" and err.value.params == {}
    assert store.org_items([3])[0].note == "tweede"


def test_history_of_all_steps(store: Store) -> None:
    store.update_org_item(3, "griffier", status="deels")
    store.update_org_item(20, "griffier", status="geregeld")
    assert [(c.item, c.field) for c in store.org_history()] == [("3", "status"),
                                                                ("20", "status")]


def test_due_dates_are_plain_dates(store: Store) -> None:
    item = store.update_org_item(21, "griffie", due=date(2030, 3, 31))
    assert type(item.due) is date and store.org_items([21])[0].due == date(2030, 3, 31)
