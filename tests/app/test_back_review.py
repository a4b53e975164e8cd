"""Back and the review screen: change any answer; the engine keeps what still fits."""

from __future__ import annotations

from typing import Any

from app_helpers import (
    answer_first,
    complete_flow,
    new_app,
    progress_of,
    question_widget_shown,
    seed,
    stored_answers,
)
from streamlit.testing.v1 import AppTest

from vbestuur_app.i18n import _, ngettext
from vbestuur_app.state import widget_key
from vbestuur_app.views.home import door_key
from vbestuur_app.views.review import edit_key
from vbestuur_engine import Engine, Progress
from vbestuur_engine.schema import QuestionNode


def open_door_flow(engine: Engine, flow_id: str) -> AppTest:
    door = engine.flow(flow_id).flow.door
    at = new_app()
    at.button(key=door_key(door, flow_id if door == "vraag" else None)).click().run()
    return at


def golden_answers(engine: Engine, flow_id: str) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    while not (progress := engine.walk(flow_id, answers)).complete:
        question = progress.next_question
        assert question is not None
        node = engine.flow(flow_id).node(question)
        assert isinstance(node, QuestionNode)
        first = node.options[0].value
        answers[question] = [first] if node.kind == "multi" else first
    return answers


def dropping_edit(engine: Engine) -> tuple[str, str, str, Progress]:
    """A door flow, question and other answer whose change drops some answers, keeps others."""
    for flow_id in sorted(engine.compiled):
        if engine.flow(flow_id).flow.door == "voorbeeld":
            continue
        answers = golden_answers(engine, flow_id)
        for question in answers:
            node = engine.flow(flow_id).node(question)
            assert isinstance(node, QuestionNode)
            if node.kind == "multi":
                continue
            for option in node.options[1:]:
                after = engine.walk(flow_id, {**answers, question: option.value})
                if after.dropped and len(after.answers) > 1:
                    return flow_id, question, option.value, after
    raise AssertionError("no flow has an edit that drops answers")


def test_next_without_choice_asks_to_choose(engine: Engine) -> None:
    at = open_door_flow(engine, "incident")
    at.button(key="ask:next").click().run()
    assert not at.exception
    assert _("Kies eerst een antwoord.", "nl") in [w.value for w in at.warning]
    assert stored_answers(at, "incident") == {}


def test_back_shows_previous_question_with_its_answer(engine: Engine) -> None:
    at = open_door_flow(engine, "incident")
    first_q, first_a = answer_first(at, engine, "incident")
    second_q, second_a = answer_first(at, engine, "incident")
    at.button(key="ask:back").click().run()
    assert not at.exception
    assert stored_answers(at, "incident") == {first_q: first_a}
    assert progress_of(at, engine, "incident").next_question == second_q
    node = engine.flow("incident").node(second_q)
    assert isinstance(node, QuestionNode)
    if node.kind == "multi":
        assert at.checkbox(key=widget_key("incident", second_q, second_a)).value is True
    else:
        assert at.radio(key=widget_key("incident", second_q)).value == second_a
    at.button(key="ask:back").click().run()
    assert stored_answers(at, "incident") == {}
    assert question_widget_shown(at, engine, "incident", first_q)


def test_review_lists_every_answer_on_the_path(engine: Engine) -> None:
    at = open_door_flow(engine, "incident")
    progress = complete_flow(at, engine, "incident")
    at.button(key="result:review").click().run()
    assert not at.exception
    for question in progress.answers:
        assert at.button(key=edit_key("incident", question)).label == _("Wijzig", "nl")
    at.button(key="review:result").click().run()
    assert at.button(key="result:review")


def test_review_edit_rewalks_and_keeps_unrelated_answers(engine: Engine) -> None:
    flow_id, question, value, expected = dropping_edit(engine)
    at = open_door_flow(engine, flow_id)
    complete_flow(at, engine, flow_id)
    at.button(key="result:review").click().run()
    at.button(key=edit_key(flow_id, question)).click().run()
    radio = at.radio(key=widget_key(flow_id, question))
    assert radio.value is not None, "the edit screen must show the current answer"
    radio.set_value(value).run()
    at.button(key="edit:save").click().run()
    assert not at.exception
    kept = {q: (a if isinstance(a, str) else list(a)) for q, a in expected.answers.items()}
    assert stored_answers(at, flow_id) == kept
    assert ngettext(
        "{count} eerder antwoord hoort niet meer bij uw route en is weggehaald.",
        "{count} eerdere antwoorden horen niet meer bij uw route en zijn weggehaald.",
        len(expected.dropped), "nl", count=len(expected.dropped)) in [i.value for i in at.info]
    if expected.complete:
        assert at.button(key="review:result")
    else:
        assert question_widget_shown(at, engine, flow_id, expected.next_question or "")


def test_cancel_edit_changes_nothing(engine: Engine) -> None:
    at = open_door_flow(engine, "incident")
    complete_flow(at, engine, "incident")
    before = stored_answers(at, "incident")
    at.button(key="result:review").click().run()
    first = next(iter(before))
    at.button(key=edit_key("incident", first)).click().run()
    at.button(key="edit:cancel").click().run()
    assert stored_answers(at, "incident") == before


def test_restart_forgets_only_this_flow(engine: Engine) -> None:
    """"Opnieuw beginnen" is on the review screen, below the answers it wipes; the result
    page itself has no button that wipes them."""
    at = open_door_flow(engine, "incident")
    complete_flow(at, engine, "incident")
    assert not [b for b in at.button if "restart" in (b.key or "")]
    at.button(key="result:review").click().run()
    at.button(key="review:restart").click().run()
    assert stored_answers(at, "incident") == {}
    assert question_widget_shown(at, engine, "incident", engine.flow("incident").flow.start)


def test_stale_answers_offer_a_fresh_start() -> None:
    """Answers that no longer fit the content never crash the page."""
    from app_helpers import TIMEOUT

    def script() -> None:
        from vbestuur_app import state
        from vbestuur_app.views import conversation

        state.ensure_defaults(None)
        conversation.render()

    at = AppTest.from_function(script, default_timeout=TIMEOUT)
    seed(at, flow="incident")
    seed(at, answers={"incident": {"no-such-question": "ja"}})
    at.run()
    assert not at.exception
    assert at.warning[0].value == _(
        "De vragen zijn intussen veranderd. Begin dit gesprek opnieuw.", "nl")
    at.button(key="restart:incident").click().run()
    assert stored_answers(at, "incident") == {}
