"""Access control of the register (issue 16): only the coordinator reads, an office holder
sees only their own, anonymous stays anonymous, every detail read is audited."""

from __future__ import annotations

import pytest
from register_helpers import COORDINATOR, draft, staff

from vbestuur_service.incidents import IncidentRegister, InvalidDraft, Perpetrator

NOT_COORDINATORS = [None, staff(), staff("griffie"), staff("facilitator", "operator"),
                    staff("coordinator", minutes=-1)]


def _coordinator_calls(register: IncidentRegister, who: object, incident_id: str) -> list:
    return [lambda: register.list(who),  # type: ignore[arg-type]
            lambda: register.detail(who, incident_id),  # type: ignore[arg-type]
            lambda: register.set_status(who, incident_id, "afgesloten"),  # type: ignore[arg-type]
            lambda: register.add_note(who, incident_id, "notitie"),  # type: ignore[arg-type]
            lambda: register.signals(who),  # type: ignore[arg-type]
            lambda: register.decide(who, "x" * 64, True),  # type: ignore[arg-type]
            lambda: register.figures(who),  # type: ignore[arg-type]
            lambda: register.record_export(who, [incident_id])]  # type: ignore[arg-type]


@pytest.mark.parametrize("who", NOT_COORDINATORS, ids=["none", "no-role", "griffie",
                                                       "facilitator", "expired"])
def test_no_coordinator_role_no_register(register: IncidentRegister, who: object) -> None:
    receipt = register.register("owner-a", draft())
    for call in _coordinator_calls(register, who, receipt.incident_id):
        with pytest.raises(PermissionError):
            call()
    assert register.detail(COORDINATOR, receipt.incident_id).history[-1].action == "read"
    assert [c.action for c in register.detail(COORDINATOR, receipt.incident_id).history] == [
        "registered", "read", "read"]  # the refused calls above left no trace of a read


def test_an_office_holder_sees_only_their_own(register: IncidentRegister) -> None:
    mine = register.register("owner-a", draft(forms=("stalken",)))
    theirs = register.register("owner-b", draft(forms=("fysiek",)))
    assert [i.incident_id for i in register.mine("owner-a")] == [mine.incident_id]
    assert [i.incident_id for i in register.mine("owner-b")] == [theirs.incident_id]
    assert register.mine("owner-c") == []
    for call in (lambda: register.add_to("owner-a", theirs.incident_id, "meer"),
                 lambda: register.withdraw("owner-a", theirs.incident_id),
                 lambda: register.add_to("owner-a", "0" * 32, "meer")):
        with pytest.raises(KeyError):
            call()
    assert len(register.list(COORDINATOR)) == 2  # nothing was withdrawn by the stranger
    with pytest.raises(PermissionError):
        register.mine("")


def test_additions_reach_the_owner_and_the_coordinator(register: IncidentRegister) -> None:
    receipt = register.register("owner-a", draft())
    register.add_to("owner-a", receipt.incident_id, "Ik slaap er slecht van.")
    assert register.mine("owner-a")[0].additions == ("Ik slaap er slecht van.",)
    detail = register.detail(COORDINATOR, receipt.incident_id)
    assert [a.text for a in detail.additions] == ["Ik slaap er slecht van."]
    assert "added" in [c.action for c in detail.history]


def test_anonymous_never_returns_the_reporter(register: IncidentRegister) -> None:
    receipt = register.register("owner-a", draft(named=False, reporter_name="Wethouder Piet",
                                                 reporter_contact="06 11111111"))
    assert (receipt.draft.reporter_name, receipt.draft.reporter_contact) == ("", "")
    detail = register.detail(COORDINATOR, receipt.incident_id)
    assert (detail.draft.reporter_name, detail.draft.reporter_contact) == ("", "")
    assert detail.summary.named is False


def test_named_shows_the_reporter_to_the_coordinator(register: IncidentRegister) -> None:
    receipt = register.register("owner-a", draft(named=True, reporter_name="Wethouder Piet",
                                                 reporter_contact="piet@gemeente.nl",
                                                 perpetrator=Perpetrator(name="Jan de Vries")))
    detail = register.detail(COORDINATOR, receipt.incident_id)
    assert detail.draft.reporter_name == "Wethouder Piet"
    assert detail.draft.reporter_contact == "piet@gemeente.nl"
    assert detail.draft.perpetrator.name == "Jan de Vries"


def test_every_detail_read_is_audited_with_the_reader(register: IncidentRegister) -> None:
    receipt = register.register("owner-a", draft())
    other = staff("coordinator", name="coordinator-bert")
    register.detail(COORDINATOR, receipt.incident_id)
    register.detail(other, receipt.incident_id)
    register.set_status(other, receipt.incident_id, "in_behandeling", note="Gebeld.")
    history = register.detail(COORDINATOR, receipt.incident_id).history
    assert [(c.actor, c.action) for c in history] == [
        ("owner", "registered"), ("coordinator-anna", "read"), ("coordinator-bert", "read"),
        ("coordinator-bert", "status"), ("coordinator-bert", "note"),
        ("coordinator-anna", "read")]
    assert history[3].detail == "in_behandeling"
    assert register.list(COORDINATOR, status="in_behandeling")[0].status == "in_behandeling"
    assert register.list(COORDINATOR, status="open") == []


def test_unknown_incident_and_status(register: IncidentRegister) -> None:
    with pytest.raises(KeyError):
        register.detail(COORDINATOR, "nope")
    receipt = register.register("owner-a", draft())
    with pytest.raises(InvalidDraft):
        register.set_status(COORDINATOR, receipt.incident_id, "weg")
    with pytest.raises(KeyError):
        register.add_note(COORDINATOR, "f" * 32, "notitie")


def test_list_filters(register: IncidentRegister) -> None:
    import datetime as dt

    from register_helpers import NOW
    old = register.register("owner-a", draft(occurred_at=NOW - dt.timedelta(days=40),
                                             forms=("stalken", "doxing")))
    new = register.register("owner-b", draft(forms=("uitschelden",)))
    assert [s.incident_id for s in register.list(COORDINATOR)] == [new.incident_id,
                                                                   old.incident_id]
    assert [s.incident_id for s in register.list(COORDINATOR, form="doxing")] == [
        old.incident_id]
    since = (NOW - dt.timedelta(days=7)).date()
    assert [s.incident_id for s in register.list(COORDINATOR, since=since)] == [new.incident_id]
