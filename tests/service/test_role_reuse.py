"""The role is asked once per visit and reused by every flow with a role question (issue 10 §3).

Why in the service: pre-answering is a rule of the conversation, not of a page. The role
becomes an ordinary answer on the path (so the review shows it and can change it), an answer
given in the flow itself always wins, and "Vorige vraag" back over it asks it again.
"""

from __future__ import annotations

import pytest

from vbestuur_engine import Engine
from vbestuur_service import conversation as uc

ROLE = "raadslid"


def role_flows(engine: Engine) -> list[str]:
    return sorted(f for f in engine.compiled if uc.role_question(engine, f) is not None)


def test_the_flows_with_a_role_question_are_there(engine: Engine) -> None:
    assert {"incident", "gereedheid", "melden"} <= set(role_flows(engine))


def test_every_role_flow_skips_its_role_question_with_the_visits_role(engine: Engine) -> None:
    reached = 0
    for flow_id in role_flows(engine):
        question = uc.role_question(engine, flow_id)
        asked: set[str] = set()
        answers: dict[str, uc.Answer] = {}
        for _ in range(100):  # walk the flow with the first option everywhere
            moved = uc.walk(engine, flow_id, answers, "ask", ROLE)
            if moved.progress.complete:
                break
            nxt = moved.progress.next_question
            assert nxt is not None
            asked.add(nxt)
            node = engine.flow(flow_id).node(nxt)
            first = node.options[0].value  # type: ignore[union-attr]
            value: uc.Answer = [first] if node.kind == "multi" else first  # type: ignore[union-attr]
            answers = {**moved.answers, nxt: value}
        assert question not in asked, f"{flow_id} asked the role again"
        assert moved.progress.complete
        if question in moved.progress.path:  # not every path passes the role question
            assert moved.answers[question] == ROLE, f"{flow_id}: the role is not on the path"
            reached += 1
    assert reached >= 3


def test_without_a_role_the_question_is_asked(engine: Engine) -> None:
    moved = uc.walk(engine, "gereedheid", {}, "ask", None)
    assert moved.progress.next_question == uc.role_question(engine, "gereedheid")


def test_an_answer_in_the_flow_wins_over_the_visits_role(engine: Engine) -> None:
    given = uc.with_role(engine, "gereedheid", {"rol": "wethouder"}, ROLE)
    assert given == {"rol": "wethouder"}


def test_a_role_the_question_does_not_offer_is_not_given(engine: Engine) -> None:
    node = engine.flow("incident").node("rol")
    assert "organisatie" not in {o.value for o in node.options}  # type: ignore[union-attr]
    assert uc.with_role(engine, "incident", {}, "organisatie") == {}


def test_a_flow_without_role_question_is_left_alone(engine: Engine) -> None:
    plain_flows = [f for f in engine.compiled if uc.role_question(engine, f) is None]
    assert plain_flows, "expected flows without a role question (serieus, nazorg)"
    for flow_id in plain_flows:
        assert uc.with_role(engine, flow_id, {}, ROLE) == {}


def test_the_role_given_in_one_flow_is_found_for_the_next(engine: Engine) -> None:
    answers = {"incident": {"gevaar": "nee"}, "gereedheid": {"rol": "wethouder"}}
    assert uc.remembered_role(engine, answers) == "wethouder"
    assert uc.remembered_role(engine, {"incident": {"gevaar": "nee"}}) is None


def test_changing_the_role_on_the_review_changes_it(engine: Engine) -> None:
    start = uc.walk(engine, "gereedheid", {}, "ask", ROLE)
    moved = uc.edit(engine, "gereedheid", start.answers, "rol", "burgemeester", ROLE)
    assert moved.answers["rol"] == "burgemeester"
    assert uc.role_of(engine, "gereedheid", moved.answers) == "burgemeester"


@pytest.mark.parametrize("flow_id", ["gereedheid", "melden"])
def test_back_over_the_role_asks_it_again(engine: Engine, flow_id: str) -> None:
    """The role question is these flows' first: back from the second question shows it."""
    question = uc.role_question(engine, flow_id)
    assert engine.flow(flow_id).flow.start == question
    moved = uc.walk(engine, flow_id, {}, "ask", ROLE)
    taken = uc.back(engine, flow_id, moved.answers, ROLE)
    assert taken is not None and taken.role_cleared
    assert taken.question == question and taken.previous == ROLE
    assert taken.moved.progress.next_question == question


def test_back_over_another_answer_keeps_the_role(engine: Engine) -> None:
    moved = uc.answer(engine, "gereedheid", {}, "rol", ROLE)
    second = moved.progress.next_question
    assert second is not None
    node = engine.flow("gereedheid").node(second)
    value = node.options[0].value  # type: ignore[union-attr]
    later = uc.answer(engine, "gereedheid", moved.answers, second,
                      [value] if node.kind == "multi" else value, ROLE)  # type: ignore[union-attr]
    taken = uc.back(engine, "gereedheid", later.answers, ROLE)
    assert taken is not None and not taken.role_cleared and taken.question == second
