"""Hostile input in every field (issue 16): too long, control characters, a right-to-left
override, SQL-looking and HTML text. The first three are refused with a field and a code;
SQL and HTML are text: stored and read back exactly, on both backends, and harming nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from register_helpers import COORDINATOR, NOW, draft

from vbestuur_service.incidents import (
    IncidentDraft,
    IncidentRegister,
    InvalidDraft,
    Perpetrator,
    Problem,
)
from vbestuur_service.incidents.validation import validate

SQL = "'); DROP TABLE incidents; -- \" OR 1=1"
HTML = "<script>alert(1)</script><img src=x onerror=alert(1)>&amp;"
RTL = "gevaarlijk\u202egpj.exe"
TEXT_FIELDS = {"description": 4000, "platform": 200, "police_number": 200,
               "reporter_name": 200, "reporter_contact": 200}
PERPETRATOR_FIELDS = {"name": 200, "description": 4000}
LIST_FIELDS = ("handles", "phones", "emails")


def _with(field: str, value: str) -> IncidentDraft:
    base = draft(named=True, reported="melding", channel="online")
    if field in TEXT_FIELDS:
        return dataclasses.replace(base, **{field: value})
    name = field.removeprefix("perpetrator.").split("[")[0]
    wrapped: object = (value,) if name in LIST_FIELDS else value
    return dataclasses.replace(base, perpetrator=Perpetrator(**{name: wrapped}))


ALL_FIELDS = [*TEXT_FIELDS, *(f"perpetrator.{f}" for f in PERPETRATOR_FIELDS),
              *(f"perpetrator.{f}[0]" for f in LIST_FIELDS)]


def _limit(field: str) -> int:
    name = field.removeprefix("perpetrator.").split("[")[0]
    return TEXT_FIELDS.get(field) or PERPETRATOR_FIELDS.get(name) or 200


REFUSED = [("x" * 5000, "too-long"), ("a\x00b", "control-chars"),
           ("\x1b[31mrood", "control-chars"), (RTL, "control-chars"),
           ("a\u2066b\u2069", "control-chars"), ("\x85", "control-chars")]


@pytest.mark.parametrize("field", ALL_FIELDS)
@pytest.mark.parametrize(("value", "code"), REFUSED)
def test_refused_with_field_and_code(field: str, value: str, code: str) -> None:
    assert Problem(field, code) in validate(_with(field, value), NOW, 2)


def test_the_register_stores_none_of_them(register: IncidentRegister) -> None:
    for field in ALL_FIELDS:
        for value, _code in REFUSED:
            with pytest.raises(InvalidDraft) as err:
                register.register("owner", _with(field, value))
            assert err.value.problems == register.validate(_with(field, value))
    assert register.list(COORDINATOR) == []


@pytest.mark.parametrize("field", ALL_FIELDS)
def test_just_at_the_limit_is_accepted(field: str) -> None:
    value = "a" * _limit(field)
    if "phones" in field:
        value = "06 12345678"
    if "emails" in field:
        value = "a" * (_limit(field) - 8) + "@x.nl"
    assert validate(_with(field, value), NOW, 2) == []
    assert Problem(field, "too-long") in validate(_with(field, value + "a" * 2), NOW, 2) or \
        field.endswith(("phones[0]", "emails[0]"))


def test_newlines_only_where_a_text_has_lines() -> None:
    assert validate(_with("description", "regel 1\nregel 2\ttab"), NOW, 2) == []
    assert validate(_with("reporter_name", "Piet\nJansen"), NOW, 2) == [
        Problem("reporter_name", "control-chars")]


def test_sql_and_html_are_kept_as_text(register: IncidentRegister) -> None:
    hostile = dataclasses.replace(
        draft(named=True, reported="aangifte", channel="online"),
        description=f"{SQL}\n{HTML}", platform=HTML[:60], police_number=SQL,
        reporter_name=HTML[:100], reporter_contact=SQL,
        perpetrator=Perpetrator(name=SQL, description=HTML, handles=(SQL, HTML[:100])))
    receipt = register.register("owner'; --", hostile)
    register.add_to("owner'; --", receipt.incident_id, HTML)
    register.add_note(COORDINATOR, receipt.incident_id, SQL)
    detail = register.detail(COORDINATOR, receipt.incident_id)
    assert detail.draft == receipt.draft == dataclasses.replace(
        hostile, occurred_at=hostile.occurred_at, vpt_code_asked=None)
    assert [a.text for a in detail.additions] == [HTML]
    assert [n.text for n in detail.notes] == [SQL]
    assert len(register.list(COORDINATOR)) == 1  # the table is still there


@pytest.mark.parametrize(("changes", "problem"), [
    ({"channel": SQL}, Problem("channel", "unknown")),
    ({"forms": ("<b>",)}, Problem("forms", "unknown")),
    ({"forms": ("stalken", "stalken")}, Problem("forms", "unknown")),
    ({"forms": ()}, Problem("forms", "required")),
    ({"reported": HTML}, Problem("reported", "unknown")),
    ({"role": "koning"}, Problem("role", "unknown")),
    ({"occurred_at": dt.datetime(2026, 2, 1, 12)}, Problem("occurred_at", "naive-time")),
    ({"occurred_at": NOW + dt.timedelta(days=1)}, Problem("occurred_at", "future")),
    ({"occurred_at": NOW - dt.timedelta(days=800)}, Problem("occurred_at", "too-old")),
    ({"perpetrator": Perpetrator(phones=(SQL,))}, Problem("perpetrator.phones[0]",
                                                          "invalid-phone")),
    ({"perpetrator": Perpetrator(emails=(HTML,))}, Problem("perpetrator.emails[0]",
                                                           "invalid-email")),
    ({"perpetrator": Perpetrator(handles=("@@@",))}, Problem("perpetrator.handles[0]",
                                                             "invalid-handle")),
    ({"perpetrator": Perpetrator(handles=tuple(f"h{n}" for n in range(11)))},
     Problem("perpetrator.handles", "too-long")),
])
def test_choices_and_identifiers(changes: dict[str, object], problem: Problem) -> None:
    assert problem in validate(draft(**changes), NOW, 2)


def test_hostile_additions_and_notes_are_refused(register: IncidentRegister) -> None:
    receipt = register.register("owner", draft())
    for text in ("", "   ", "x" * 4001, "a\x00", RTL):
        with pytest.raises(InvalidDraft):
            register.add_to("owner", receipt.incident_id, text)
        with pytest.raises(InvalidDraft):
            register.add_note(COORDINATOR, receipt.incident_id, text)
    assert register.mine("owner")[0].additions == ()
    assert register.detail(COORDINATOR, receipt.incident_id).notes == ()


def test_a_very_long_staff_name_and_owner(register: IncidentRegister) -> None:
    """An identity provider may send a long name claim; the register still records it."""
    from register_helpers import staff
    long_staff = staff("coordinator", name="c" * 5000)
    receipt = register.register("o" * 100_000, draft(perpetrator=Perpetrator(handles=("@x1",))))
    register.register("other", draft(perpetrator=Perpetrator(handles=("@x1",))))
    register.add_note(long_staff, receipt.incident_id, "notitie")
    register.decide(long_staff, register.signals(long_staff)[0].signal_id, True)
    detail = register.detail(long_staff, receipt.incident_id)
    assert detail.notes[0].author == "c" * 200
    assert [i.incident_id for i in register.mine("o" * 100_000)] == [receipt.incident_id]
