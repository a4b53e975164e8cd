"""The organisation view's exports and overview, as plain functions: CSV (formula cells
neutralised), PDF (text readable back), ICS (yearly step 20, dated step 21), overdue, chart."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from vbestuur_app.exports.organisation import (
    build_org_csv,
    build_org_ics,
    build_org_pdf,
    org_rows,
)
from vbestuur_app.store_views.org_overview import org_figure, overdue
from vbestuur_app.store_views.organisation import org_steps
from vbestuur_engine import Engine
from vbestuur_engine.schema import Step
from vbestuur_store import OrgItem

TODAY = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture(scope="module")
def steps(engine: Engine) -> list[Step]:
    return org_steps(engine)


def items(steps: list[Step], **changed: OrgItem) -> dict[int, OrgItem]:
    found = {s.id: OrgItem(step_id=s.id) for s in steps}
    found.update({item.step_id: item for item in changed.values()})
    return found


def test_org_steps_are_the_organisation_role_steps(engine: Engine, steps: list[Step]) -> None:
    assert steps and all("organisatie" in s.roles for s in steps)
    assert 20 in [s.id for s in steps]


def test_csv_has_every_step_and_neutralises_formulas(steps: list[Step]) -> None:
    hostile = OrgItem(step_id=5, status="deels", owner="@griffie", note="=cmd|' /C calc'!A0",
                      due=dt.date(2026, 5, 1), version=1)
    text = build_org_csv(steps, list(items(steps, a=hostile).values()), "nl")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["stap", "titel", "fase", "status"]
    assert len(rows) == 1 + len(steps)
    five = next(r for r in rows[1:] if r[0] == "5")
    assert five[3] == "deels geregeld"
    assert five[4] == "'@griffie"
    assert five[6].startswith("'=")
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_rows_in_english_and_unedited_steps_are_open(steps: list[Step]) -> None:
    rows = org_rows(steps, [], "en")
    assert {r["status"] for r in rows} == {"open"}
    assert rows[0]["titlecol"] == steps[0].title.en


def test_pdf_is_readable_and_has_every_step(steps: list[Step]) -> None:
    done = OrgItem(step_id=2, status="geregeld", owner="Griffier", note="Besproken in het "
                   "presidium", updated_by="A. de Griffier",
                   updated_at=dt.datetime(2026, 5, 2, 9, 30, tzinfo=dt.UTC), version=2)
    data = build_org_pdf(steps, list(items(steps, a=done).values()), "nl", "Zuiderdam", TODAY)
    assert data.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    text = " ".join(text.split())
    assert "Zuiderdam" in text
    assert "Besproken in het presidium" in text
    assert "A. de Griffier, 2 mei 2026 11:30" in text  # 09:30 UTC in summer time
    for step in steps:
        assert f"Stap {step.id}." in text


def test_ics_has_the_yearly_evaluation_and_the_new_term(engine: Engine,
                                                        steps: list[Step]) -> None:
    evaluation = OrgItem(step_id=20, status="deels", version=1)
    data = build_org_ics(engine.content.steps, list(items(steps, a=evaluation).values()), "nl",
                         dt.date(2027, 3, 1), dt.date(2030, 4, 1),
                         stamp=dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
    events = Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 2
    yearly = next(e for e in events if "RRULE" in e)
    assert yearly["RRULE"]["FREQ"] == ["YEARLY"]
    assert yearly.decoded("DTSTART") == dt.date(2027, 3, 1)
    assert "stap 20" in str(yearly["SUMMARY"])
    assert "deels gedaan" in str(yearly["DESCRIPTION"])
    term = next(e for e in events if "RRULE" not in e)
    assert term.decoded("DTSTART") == dt.date(2030, 4, 1)
    assert "stap 21" in str(term["SUMMARY"])


def test_overdue_lists_only_open_work_past_its_date(steps: list[Step]) -> None:
    late = OrgItem(step_id=3, status="open", due=TODAY - dt.timedelta(days=1))
    later = OrgItem(step_id=1, status="deels", due=TODAY - dt.timedelta(days=9))
    done = OrgItem(step_id=4, status="geregeld", due=TODAY - dt.timedelta(days=30))
    future = OrgItem(step_id=5, status="open", due=TODAY + dt.timedelta(days=1))
    today = OrgItem(step_id=6, status="open", due=TODAY)
    found = overdue(steps, items(steps, a=late, b=later, c=done, d=future, e=today), TODAY)
    assert [s.id for s, _ in found] == [1, 3]


def test_chart_counts_each_status_per_phase(steps: list[Step]) -> None:
    state = items(steps, a=OrgItem(step_id=1, status="geregeld"),
                  b=OrgItem(step_id=20, status="nvt"))
    figure = org_figure(steps, state, "nl")
    counts = {trace.name: list(trace.x) for trace in figure.data}
    assert sum(counts["geregeld"]) == 1
    assert sum(counts["n.v.t."]) == 1
    assert sum(sum(v) for v in counts.values()) == len(steps)
    assert figure.layout.barmode == "stack"
