"""The pattern signal (issue 16): normalising identifiers, fuzzy names, grouping, and the
coordinator's decisions remembered across new incidents and withdrawals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from register_helpers import COORDINATOR, NOW, draft, rows, staff
from sqlalchemy import Engine

from vbestuur_service.incidents import IncidentRegister, Perpetrator
from vbestuur_service.incidents.pattern import (
    Item,
    comparable_name,
    groups,
    normalise_email,
    normalise_handle,
    normalise_phone,
    same_words,
)


@pytest.mark.parametrize("typed", ["@JanV", "janv", " Jan V ", "https://x.com/JanV",
                                   "x.com/janv/?s=20", "https://www.instagram.com/janv/",
                                   "tiktok.com/@JanV", "https://m.facebook.com/janv",
                                   "@jan\u200bv", "ＪａｎＶ"])
def test_handle_forms(typed: str) -> None:
    assert normalise_handle(typed) == "janv"


def test_handles_that_differ_stay_apart() -> None:
    assert normalise_handle("jan.v") != normalise_handle("janv")  # a dot is part of a handle
    assert normalise_handle("facebook.com/profile.php?id=1234") == "1234"
    assert normalise_handle("@") == normalise_handle("https://x.com/") == ""


@pytest.mark.parametrize("typed", ["06 12345678", "06-1234 5678", "+31 6 12345678",
                                   "0031612345678", "(06) 123 456 78"])
def test_phone_forms(typed: str) -> None:
    assert normalise_phone(typed) == "+31612345678"


def test_phones_elsewhere_and_invalid() -> None:
    assert normalise_phone("+32 470 12 34 56") == "+32470123456"
    assert normalise_phone("12") == normalise_phone("bel me") == ""


def test_email_forms() -> None:
    assert normalise_email(" Jan.Vries+raad@GMail.com ") == "janvries@gmail.com"
    assert normalise_email("jan.vries@googlemail.com") == "janvries@gmail.com"
    # elsewhere dots and +tags may be different mailboxes: kept
    assert normalise_email("Jan.Vries+raad@Ziggo.nl") == "jan.vries+raad@ziggo.nl"
    assert normalise_email("geen adres") == normalise_email("a@b") == ""


def test_names() -> None:
    assert comparable_name("  Ján  de-Vries ") == "jan de vries"
    assert comparable_name("Kees") == ""  # one word links nothing
    assert same_words("jan de vries", "vries jan de")
    assert same_words("jan de vries", "jan de vires")  # two letters swapped
    assert not same_words("henk van der berg", "sven van der berg")
    assert not same_words("jan de vries", "jan de vos")
    assert not same_words("willem de vos", "willem vos")


def test_groups_link_through_chains_and_respect_rejections() -> None:
    items = [Item("a", frozenset({("handle", "h1")})),
             Item("b", frozenset({("handle", "h1"), ("phone", "+31612345678")})),
             Item("c", frozenset({("phone", "+31612345678")}), "jan de vries"),
             Item("d", frozenset(), "Jan de Vires".lower()),
             Item("e", frozenset({("handle", "other")}), "piet de vries")]
    (group,) = groups(items)
    assert group.members == ("a", "b", "c", "d")
    assert group.matched_on == ("handle", "name", "phone")
    assert [g.members for g in groups(items, rejected={frozenset(("c", "d"))})] == [
        ("a", "b", "c")]


def _two_holders_one_handle(register: IncidentRegister) -> list[str]:
    return [register.register(owner, draft(
        occurred_at=NOW - dt.timedelta(days=days),
        perpetrator=Perpetrator(handles=(handle,)))).incident_id
        for owner, days, handle in (("wethouder-a", 30, "@Stoker"),
                                    ("raadslid-b", 2, "https://x.com/stoker"))]


def test_a_signal_across_two_office_holders(register: IncidentRegister) -> None:
    ids = _two_holders_one_handle(register)
    register.register("raadslid-c", draft(perpetrator=Perpetrator(handles=("@iemand",))))
    (signal,) = register.signals(COORDINATOR)
    assert signal.incident_ids == tuple(sorted(ids))
    assert (signal.incidents, signal.office_holders) == (2, 2)
    assert (signal.first, signal.last) == ((NOW - dt.timedelta(days=30)).date(),
                                           (NOW - dt.timedelta(days=2)).date())
    assert signal.matched_on == ("handle",) and signal.decision == "open"
    with pytest.raises(PermissionError):
        register.signals(staff("griffie"))


def test_confirmed_is_remembered_and_audited(register: IncidentRegister, engine: Engine) -> None:
    _two_holders_one_handle(register)
    (signal,) = register.signals(COORDINATOR)
    register.decide(COORDINATOR, signal.signal_id, True)
    assert register.signals(COORDINATOR)[0].decision == "confirmed"
    audit = rows(engine, "incident_audit")  # (id, incident_id, actor, action, detail, at)
    decided = [r for r in audit if r[3] == "decided"]
    assert [(r[1], r[2], str(r[4]).endswith(":confirmed")) for r in decided] == [
        (None, "coordinator-anna", True)]
    with pytest.raises(KeyError):
        register.decide(COORDINATOR, "0" * 64, True)


def test_a_new_incident_reopens_a_confirmed_group(register: IncidentRegister) -> None:
    ids = _two_holders_one_handle(register)
    register.decide(COORDINATOR, register.signals(COORDINATOR)[0].signal_id, True)
    third = register.register("burgemeester", draft(perpetrator=Perpetrator(
        handles=("tiktok.com/@STOKER",))))
    (signal,) = register.signals(COORDINATOR)
    assert signal.incident_ids == tuple(sorted([*ids, third.incident_id]))
    assert signal.decision == "open" and signal.office_holders == 3


def test_rejected_stays_rejected_until_new_evidence(register: IncidentRegister) -> None:
    a, b = _two_holders_one_handle(register)
    register.decide(COORDINATOR, register.signals(COORDINATOR)[0].signal_id, False)
    (rejected,) = register.signals(COORDINATOR)
    assert rejected.decision == "rejected" and rejected.incident_ids == tuple(sorted([a, b]))
    unrelated = register.register("x", draft(perpetrator=Perpetrator(handles=("@ander",))))
    assert [s.decision for s in register.signals(COORDINATOR)] == ["rejected"]
    new = register.register("y", draft(perpetrator=Perpetrator(handles=("@stoker",))))
    found = {s.decision: s for s in register.signals(COORDINATOR)}
    assert set(found) == {"open", "rejected"}
    assert new.incident_id in found["open"].incident_ids
    assert unrelated.incident_id not in found["open"].incident_ids
    assert found["open"].incidents == 3  # the new one matches both by handle: new evidence
    register.decide(COORDINATOR, found["rejected"].signal_id, True)  # the decision reversed
    (grown,) = register.signals(COORDINATOR)  # a, b confirmed; with the new one: to look at
    assert (grown.decision, grown.incidents) == ("open", 3)


def test_names_link_only_with_the_same_words(register: IncidentRegister) -> None:
    for owner, name in (("a", "Jan de Vries"), ("b", "vries, JAN DE"), ("c", "Jan de Vos"),
                        ("d", "Henk van der Berg"), ("e", "Sven van der Berg")):
        register.register(owner, draft(perpetrator=Perpetrator(name=name)))
    (signal,) = register.signals(COORDINATOR)
    assert signal.incidents == 2 and signal.matched_on == ("name",)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_normalising_twice_changes_nothing(text: str) -> None:
    for normalise in (normalise_handle, normalise_phone, normalise_email, comparable_name):
        once = normalise(text)
        assert normalise(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(categories=("L",)), min_size=2, max_size=12),
       st.text(alphabet=st.characters(categories=("L",)), min_size=2, max_size=12))
def test_same_words_is_symmetric_and_order_free(first: str, last: str) -> None:
    a, b = comparable_name(f"{first} {last}"), comparable_name(f"{last} {first}")
    if a:
        assert same_words(a, b) and same_words(b, a)
