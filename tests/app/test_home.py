"""The start page: four doors, the 112 line, privacy, and one click into the incident flow."""

from __future__ import annotations

import pytest
from app_helpers import markdown_headings, new_app, question_widget_shown, visitor

from vbestuur_app.i18n import _
from vbestuur_engine import Engine
from vbestuur_service.i18n.words import DOORS

SINGLE_DOORS = ("incident", "gereedheid", "organisatie")


def texts(at) -> str:  # type: ignore[no-untyped-def]
    parts = [e.value for e in [*at.markdown, *at.caption, *at.warning, *at.subheader,
                               *at.header, *at.title]]
    return "\n".join(str(p) for p in parts)


def test_home_shows_four_doors_and_the_frame() -> None:
    at = new_app()
    assert not at.exception
    assert markdown_headings(at, 1) == [_("Veilig Bestuur", "nl")]  # the page's one h1
    headings = [h.value for h in at.header] + markdown_headings(at, 2)  # h2 under the h1
    for door in ("incident", "vraag", "gereedheid", "organisatie"):
        assert _(DOORS[door], "nl") in headings
    assert "Bel [112](tel:112)" in at.warning[0].value
    shown = texts(at)
    assert _(
        "Uw antwoorden worden bewaard onder een willekeurige sleutel, zonder naam. Er gaat "
        "niets naar andere websites.", "nl") in shown
    assert _("Deze hulp vervangt de politie (112) en juridisch advies niet.", "nl") in shown


def test_question_door_lists_question_flows_by_their_question(engine: Engine) -> None:
    at = new_app()
    flows = engine.flows_for("vraag")
    assert flows, "no question flows in flows/"
    for flow in flows:
        button = at.button(key=f"door:vraag:{flow.id}")
        assert button.label.replace("\\", "") == flow.question.nl


def test_example_flows_never_on_home(engine: Engine) -> None:
    at = new_app()
    keys = {b.key for b in at.button}
    for flow_id, compiled in engine.compiled.items():
        if compiled.flow.door == "voorbeeld":
            assert not any(flow_id in str(k) for k in keys)


def test_incident_question_visible_after_one_click(engine: Engine) -> None:
    at = new_app()
    at.button(key="door:incident").click().run()
    assert not at.exception
    start = engine.flow("incident").flow.start
    assert question_widget_shown(at, engine, "incident", start)
    assert visitor(at).flow == "incident"


@pytest.mark.parametrize("door", SINGLE_DOORS)
def test_single_doors_open_their_flow(engine: Engine, door: str) -> None:
    if door not in engine.compiled:
        pytest.skip(f"flow {door} not in flows/ yet")
    at = new_app()
    at.button(key=f"door:{door}").click().run()
    assert not at.exception
    assert visitor(at).flow == door
    assert question_widget_shown(at, engine, door, engine.flow(door).flow.start)


def test_each_question_door_opens_its_flow(engine: Engine) -> None:
    for flow in engine.flows_for("vraag"):
        at = new_app()
        at.button(key=f"door:vraag:{flow.id}").click().run()
        assert not at.exception
        assert visitor(at).flow == flow.id
        assert at.button(key="ask:next").label == _("Volgende", "nl")
