"""The walk: path, next question, advice with reasons, checklist, edits and typed errors."""

from __future__ import annotations

import pytest

from vbestuur_engine import Engine, InvalidAnswerError, UnknownQuestionError

ENGINE = Engine.load()


def walk(answers: dict[str, object]):  # type: ignore[no-untyped-def]
    return ENGINE.walk("voorbeeld", answers)  # type: ignore[arg-type]


def test_empty_answers_stop_at_the_start_question() -> None:
    progress = walk({})
    assert progress.path == ("rol",)
    assert progress.next_question == "rol" and not progress.complete
    assert progress.advice == ()


def test_advice_is_given_after_one_answer_and_info_nodes_are_passed() -> None:
    progress = walk({"rol": "raadslid", "gevaar": "ja"})
    assert progress.path == ("rol", "gevaar", "info-112", "vormen")
    assert [h.advice.id for h in progress.advice] == ["vb-bel-112"]
    assert progress.advice[0].reasons == (("gevaar", "ja"),)


def test_route_guard_over_two_answers_selects_the_outcome() -> None:
    base = {"rol": "raadslid", "gevaar": "nee", "vormen": ["uitschelden"], "gemeld": "nee"}
    assert walk(base).outcome == "raadslid-einde"
    assert walk({**base, "rol": "wethouder"}).outcome == "einde"


def test_multi_answers_are_normalised_to_option_order() -> None:
    progress = walk({"rol": "raadslid", "gevaar": "nee", "vormen": ["stalken", "uitschelden"]})
    assert progress.answers["vormen"] == ("uitschelden", "stalken")


def test_changing_an_earlier_answer_drops_answers_off_the_path_and_keeps_the_rest() -> None:
    answers = {"rol": "raadslid", "gevaar": "nee", "vormen": ["uitschelden"], "gemeld": "ja"}
    assert walk(answers).dropped == ()
    edited = walk({**answers, "vormen": ["fysiek"]})
    assert edited.outcome == "ernstig"
    assert edited.dropped == ("gemeld",)
    assert set(edited.answers) == {"rol", "gevaar", "vormen"}


def test_conditional_advice_cites_the_answers_it_depends_on() -> None:
    progress = walk({"rol": "raadslid", "gevaar": "nee", "vormen": ["uitschelden"],
                     "gemeld": "nee"})
    hit = next(h for h in progress.advice if h.advice.id == "vb-netwerklijst")
    assert ("gevaar", "nee") in hit.reasons


def test_advice_is_ordered_by_urgency() -> None:
    progress = walk({"rol": "raadslid", "gevaar": "ja", "vormen": ["fysiek"]})
    urgencies = [h.advice.urgency for h in progress.advice]
    order = ["now", "today", "soon", "plan"]
    assert urgencies == sorted(urgencies, key=order.index)
    assert urgencies[0] == "now"


def test_checklist_effects_and_statuses() -> None:
    progress = walk({"rol": "wethouder", "gevaar": "nee", "vormen": ["uitschelden"],
                     "gemeld": "ja"})
    status = {i.step.id: i.status for i in progress.checklist}
    assert status == {6: "open", 13: "open", 14: "done", 15: "na", 16: "open"}
    assert [i.step.id for i in progress.open_steps()] == [6, 13, 16]


def test_remaining_questions_shrink_as_answers_come_in() -> None:
    first, later = walk({}).remaining, walk({"rol": "raadslid", "gevaar": "nee"}).remaining
    assert first[0] > later[0] >= 1
    assert walk({"rol": "raadslid", "gevaar": "nee", "vormen": ["fysiek"]}).remaining == (0, 0)


def test_unknown_question_raises_a_typed_error() -> None:
    with pytest.raises(UnknownQuestionError, match="no question 'leeftijd'"):
        walk({"leeftijd": "40"})


@pytest.mark.parametrize("answers", [
    {"rol": "koning"}, {"rol": ["raadslid"]}, {"rol": "raadslid", "gevaar": "ja", "vormen": []},
    {"rol": "raadslid", "gevaar": "ja", "vormen": "fysiek"},
    {"rol": "raadslid", "gevaar": "ja", "vormen": ["fysiek", "fysiek"]},
    {"rol": "raadslid", "gevaar": "ja", "vormen": ["iets"]},
])
def test_invalid_answers_raise_a_typed_error(answers: dict[str, object]) -> None:
    with pytest.raises(InvalidAnswerError):
        walk(answers)


def test_compiled_graph_is_frozen_and_shared() -> None:
    compiled = ENGINE.flow("voorbeeld")
    with pytest.raises(Exception, match="Frozen"):
        compiled.graph.add_node("x")
    assert ENGINE.flow("voorbeeld") is compiled


def test_a_conditional_checklist_effect_applies_only_when_its_condition_holds() -> None:
    base = {"rol": "raadslid", "vormen": ["uitschelden"], "gemeld": "nee"}
    in_danger = {i.step.id: i.status for i in walk({**base, "gevaar": "ja"}).checklist}
    safe = {i.step.id: i.status for i in walk({**base, "gevaar": "nee"}).checklist}
    assert (in_danger[16], safe[16]) == ("partial", "open")
