"""Retention and withdrawal (issue 16): kept VBESTUUR_REGISTER_YEARS after the day it
happened, then purged; a withdrawal deletes everything, including what only it supported."""

from __future__ import annotations

import datetime as dt

import pytest
from register_helpers import COORDINATOR, NOW, REGISTER_TABLES, draft, rows
from sqlalchemy import Engine

from vbestuur_service.incidents import IncidentRegister, Perpetrator
from vbestuur_service.incidents.validation import keep_until
from vbestuur_service.settings import Settings
from vbestuur_store import InvalidValue

HANDLE = Perpetrator(handles=("@herhaler",))


def _everything_about(engine: Engine, incident_id: str) -> list[object]:
    return [(table, row) for table in REGISTER_TABLES for row in rows(engine, table)
            if incident_id in repr(row)]


def test_keep_until_is_years_after_the_day() -> None:
    assert keep_until(dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC), 2) == dt.date(2028, 3, 1)
    assert keep_until(dt.datetime(2024, 2, 29, tzinfo=dt.UTC), 1) == dt.date(2025, 2, 28)


def test_register_years_setting() -> None:
    assert Settings.from_env({}).register_years == 2
    assert Settings.from_env({"VBESTUUR_REGISTER_YEARS": " 5 "}).register_years == 5
    for bad in ("0", "11", "abc", "-1", "2.5"):
        with pytest.raises(InvalidValue):
            Settings.from_env({"VBESTUUR_REGISTER_YEARS": bad})


def test_receipt_says_how_long(make_runtime) -> None:  # type: ignore[no-untyped-def]
    register = IncidentRegister.open(make_runtime(register_years=3))
    receipt = register.register("owner", draft(occurred_at=NOW))
    assert receipt.keep_until == dt.date(2029, 3, 1) and register.years == 3


def test_purge_deletes_what_has_expired(register: IncidentRegister, engine: Engine) -> None:
    old = register.register("owner-a", draft(occurred_at=NOW - dt.timedelta(days=700),
                                             perpetrator=HANDLE))
    young = register.register("owner-b", draft(perpetrator=HANDLE))
    register.add_to("owner-a", old.incident_id, "later")
    signal = register.signals(COORDINATOR)[0]
    register.decide(COORDINATOR, signal.signal_id, True)
    assert register.purge_expired(NOW) == 0
    later = NOW + dt.timedelta(days=40)  # past old.keep_until, before young's
    assert old.keep_until < later.date() < young.keep_until
    assert register.purge_expired(later) == 1
    assert _everything_about(engine, old.incident_id) == []
    assert [s.incident_id for s in register.list(COORDINATOR)] == [young.incident_id]
    assert register.signals(COORDINATOR) == []  # its decision went with it
    assert rows(engine, "incident_decisions") == []


def test_withdrawal_deletes_everything(register: IncidentRegister, engine: Engine) -> None:
    receipt = register.register("owner-a", draft(perpetrator=HANDLE, description="weg ermee"))
    other = register.register("owner-b", draft(perpetrator=HANDLE))
    register.add_to("owner-a", receipt.incident_id, "aanvulling")
    register.add_note(COORDINATOR, receipt.incident_id, "notitie")
    register.detail(COORDINATOR, receipt.incident_id)
    register.decide(COORDINATOR, register.signals(COORDINATOR)[0].signal_id, False)
    assert len(_everything_about(engine, receipt.incident_id)) >= 6
    register.withdraw("owner-a", receipt.incident_id)
    assert _everything_about(engine, receipt.incident_id) == []
    assert register.mine("owner-a") == []
    assert [s.incident_id for s in register.list(COORDINATOR)] == [other.incident_id]
    assert rows(engine, "incident_decisions") == []  # only it (and one other) supported it
    with pytest.raises(KeyError):
        register.detail(COORDINATOR, receipt.incident_id)


def test_withdrawal_keeps_a_decision_others_still_support(register: IncidentRegister) -> None:
    ids = [register.register(f"owner-{n}", draft(perpetrator=HANDLE)).incident_id
           for n in range(3)]
    register.decide(COORDINATOR, register.signals(COORDINATOR)[0].signal_id, True)
    register.withdraw("owner-0", ids[0])
    (signal,) = register.signals(COORDINATOR)
    assert signal.incident_ids == tuple(sorted(ids[1:]))
    assert signal.decision == "confirmed"


def test_opening_the_register_purges_at_most_hourly(make_runtime, clock) -> None:  # type: ignore[no-untyped-def]
    runtime = make_runtime()
    register = IncidentRegister.open(runtime)
    old = register.register("owner", draft(occurred_at=NOW - dt.timedelta(days=700)))
    clock.advance(days=40)  # past old.keep_until
    IncidentRegister.open(runtime)  # purged less than an hour ago: left for later
    assert [s.incident_id for s in register.list(COORDINATOR)] == [old.incident_id]
    other = make_runtime()  # another process: its first open purges
    IncidentRegister.open(other)
    assert register.list(COORDINATOR) == []


def test_forget_withdraws_all_of_one_owner(register: IncidentRegister, engine: Engine) -> None:
    mine = [register.register("owner-a", draft(perpetrator=HANDLE)).incident_id
            for _ in range(2)]
    theirs = register.register("owner-b", draft(perpetrator=HANDLE)).incident_id
    assert register.forget("owner-a") == 2
    assert register.mine("owner-a") == []
    assert [s.incident_id for s in register.list(COORDINATOR)] == [theirs]
    assert all(_everything_about(engine, i) == [] for i in mine)
    assert register.forget("owner-a") == 0
