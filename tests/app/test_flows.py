"""A golden path through every flow: first option each time, advice and checklist as the engine
says, in the engine's order."""

from __future__ import annotations

import pytest
from app_helpers import (
    complete_flow,
    conversation_harness,
    keys_with_prefix,
    new_app,
    visitor,
)
from html_parts import data_keys, headings, summaries
from streamlit.testing.v1 import AppTest

from vbestuur_app import links
from vbestuur_app.views.home import door_key
from vbestuur_engine import Engine
from vbestuur_engine.netwerklijst import adjust_progress

ENGINE = Engine.load()
FLOWS = sorted(ENGINE.compiled)


def open_flow(engine: Engine, flow_id: str) -> AppTest:
    """Through its door on the start page; example flows (no door) through the harness."""
    door = engine.flow(flow_id).flow.door
    if door == "voorbeeld":
        return conversation_harness(flow_id)
    at = new_app()
    at.button(key=door_key(door, flow_id if door == "vraag" else None)).click().run()
    assert visitor(at).flow == flow_id
    return at


@pytest.mark.parametrize("flow_id", FLOWS)
def test_golden_path(engine: Engine, flow_id: str) -> None:
    at = open_flow(engine, flow_id)
    progress = complete_flow(at, engine, flow_id)
    if flow_id == "gereedheid":  # step 6 is judged by the netwerklijst itself (issue 7)
        progress = adjust_progress(progress, None, engine.content)
    assert not at.exception
    layers = engine.layers(progress)
    assert keys_with_prefix(at, "advice-") == [item.advice.id for _name, items in layers
                                               for item in items]
    assert progress.advice, f"{flow_id}: the golden path gives no advice"
    shown_steps = keys_with_prefix(at, "step-")
    assert shown_steps == [str(item.step.id) for item in progress.checklist
                           if item.status in ("open", "partial")]
    checklist = ([h for h in headings(at, "h3") if "Checklist" in h]
                 + [s for s in summaries(at) if s.startswith("Checklist")])
    assert len(checklist) == 1, "the checklist heading is missing"
    readiness = engine.flow(flow_id).flow.door in ("gereedheid", "organisatie")
    assert bool(data_keys(at, "checklist")) is not readiness, "folded unless readiness"
    assert set(at.query_params) <= {"lang"}, "answers must never be in the URL"
    assert not [b for b in at.get("download_button") if b.proto.id.endswith("dl:ics")]
    if not readiness:  # the exports are one link away, on a page of their own
        assert not at.get("download_button")
        assert links.ADVIES in [link.proto.page for link in at.get("page_link")]
        return
    # readiness: the four exports at the top, the calendar in a lazy fold drawn once opened
    at.session_state["ics-folded"] = True
    at.run()
    for kind in ("pdf", "md", "csv", "csv_nl", "ics"):
        assert at.get("download_button") and any(
            b.proto.id.endswith(f"dl:{kind}") for b in at.get("download_button"))


@pytest.mark.parametrize("flow_id", [f for f in FLOWS
                                     if ENGINE.flow(f).flow.door in ("gereedheid",
                                                                     "organisatie")])
def test_readiness_flows_show_a_chart(engine: Engine, flow_id: str) -> None:
    at = open_flow(engine, flow_id)
    complete_flow(at, engine, flow_id)
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    assert '"type":"bar"' in charts[0].proto.spec.replace(" ", "")


def test_incident_advice_after_first_answer(engine: Engine) -> None:
    """In the incident flow, the first answer already gives advice, shown at once."""
    from app_helpers import answer_first, progress_of

    at = open_flow(engine, "incident")
    answer_first(at, engine, "incident")
    progress = progress_of(at, engine, "incident")
    assert progress.advice, "the incident flow gives no advice after the first answer"
    assert keys_with_prefix(at, "brief-") == (
        [h.advice.id for h in progress.advice if h.advice.urgency == "now"]
        + [h.advice.id for h in progress.advice if h.advice.urgency != "now"])
