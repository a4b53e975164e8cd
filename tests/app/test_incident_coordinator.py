"""The coordinator's side of the incident register (issue 16), in AppTest.

What must hold: nobody without the coordinator role sees the register or a signal (not
signed in, or signed in as griffie); the coordinator sees the list, opens a detail (audited
once, not on every rerun), changes the status with a note, and confirms "mogelijk dezelfde
persoon" across two office holders; the exports keep identities to "met mijn naam" and
neutralise formula cells; the figures' export suppresses cells below k.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from incident_helpers import coordinator, register, switch_on, texts

from vbestuur_app.i18n import _
from vbestuur_app.incidents import detailview, export_rows, listview
from vbestuur_engine import Engine
from vbestuur_service.incidents import IncidentDraft, Perpetrator
from vbestuur_service.staff import StaffIdentity

COORD = StaffIdentity("k.coordinator", frozenset({"coordinator"}), time.time() + 3600)
GRIFFIE = StaffIdentity("g.griffier", frozenset({"griffie"}), time.time() + 3600)


def incident(handle: str, named: bool, description: str = "", days: int = 1) -> IncidentDraft:
    return IncidentDraft(
        occurred_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=days), channel="online",
        forms=("bedreiging",), named=named, platform="X", description=description,
        perpetrator=Perpetrator(handles=(handle,)), role="raadslid",
        reporter_name="R. Aadslid" if named else "", reporter_contact="06 11112222"
        if named else "")


@pytest.fixture
def two_office_holders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    switch_on(monkeypatch)
    reg = register()
    first = reg.register("owner-one", incident("@dader_x", True, "=HYPERLINK(\"x\")"))
    second = reg.register("owner-two", incident("@Dader_X", False, "Anoniem verhaal", 3))
    return [first.incident_id, second.incident_id]


@pytest.mark.parametrize("who", [None, GRIFFIE])
def test_without_the_coordinator_role_no_register_and_no_signal(
        two_office_holders: list[str], who: StaffIdentity | None) -> None:
    at = coordinator(who)
    assert not at.exception
    assert not at.tabs
    page = texts(at)
    assert _("Mogelijk dezelfde persoon", "nl") not in page
    assert not [s for s in at.selectbox if s.key == listview.PICK_KEY]


def test_the_coordinator_confirms_a_pattern_across_two_office_holders(
        two_office_holders: list[str]) -> None:
    at = coordinator(COORD)
    assert not at.exception
    (signal,) = register().signals(COORD)
    assert (signal.incidents, signal.office_holders) == (2, 2)
    assert "Mogelijk dezelfde persoon (2 incidenten, 2 ambtsdragers" in texts(at)
    at = at.button(key=f"inc-confirm-{signal.signal_id}").click().run()
    assert register().signals(COORD)[0].decision == "confirmed"
    assert _("bevestigd: dezelfde persoon", "nl") in texts(at)


def test_a_detail_is_read_once_and_a_status_change_is_kept(
        two_office_holders: list[str]) -> None:
    first = two_office_holders[0]
    at = coordinator(COORD)
    at = at.selectbox(key=listview.PICK_KEY).set_value(first).run()
    assert "Melder: R. Aadslid (06 11112222)" in texts(at)
    at = at.run()  # another rerun: no second read
    reads = [c for c in register().detail(COORD, first).history if c.action == "read"]
    assert len(reads) == 2  # the page's one read, and this test's own
    at.selectbox(key=f"inc-d-status-{first}").set_value("in_behandeling")
    at.text_area(key=f"inc-d-note-{first}").input("Gebeld met de politie.")
    at = at.button(key="inc-d-save").click().run()
    detail = register().detail(COORD, first)
    assert detail.summary.status == "in_behandeling"
    assert [n.text for n in detail.notes] == ["Gebeld met de politie."]
    assert detailview.DETAIL_KEY in at.session_state
    at = at.button(key="inc-sign-out").click().run()
    assert detailview.DETAIL_KEY not in at.session_state  # nothing read stays after sign-out


def test_the_export_names_only_who_chose_so_and_neutralises_formulas(
        two_office_holders: list[str], engine: Engine) -> None:
    from vbestuur_app.exports.incidents import table_csv

    reg = register()
    csv = detailview.export(engine, reg, COORD, two_office_holders, "csv", "nl")
    assert isinstance(csv, str)
    assert "R. Aadslid" in csv and csv.count("R. Aadslid") == 1
    assert "'=HYPERLINK" in csv and ",=HYPERLINK" not in csv
    assert "anoniem" in csv
    pdf = detailview.export(engine, reg, COORD, two_office_holders, "pdf", "en")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    exported = [c for c in reg.detail(COORD, two_office_holders[1]).history
                if c.action == "exported"]
    assert len(exported) == 2
    header, rows = export_rows.figures_table(engine, reg.figures(COORD, k=3), "nl")
    assert rows[0] == ["totaal", "", "minder dan 3"]
    assert {r[2] for r in rows} <= {"minder dan 3", "0"}  # 0 points at nobody
    assert ["per rol", "Raadslid", "minder dan 3"] in rows
    assert table_csv(header, rows, "excel-nl").startswith("\ufeffindeling;waarde;aantal")


def test_without_a_key_the_coordinator_reads_what_is_missing() -> None:
    at = coordinator(COORD)
    assert not at.exception
    assert not at.tabs
    assert any("VBESTUUR_REGISTER_KEY" in e.value for e in at.error)
