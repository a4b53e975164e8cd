"""The conversation's rules without a page: answer, back, edit, the result, readiness checks.

Why here: AppTest used to be the only test of this wiring (which screen follows, which
answers are kept, what a completed check records). These are plain functions now; the AppTest
suites keep what a person sees.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vbestuur_engine import Engine, Progress
from vbestuur_engine.netwerklijst import initial_list
from vbestuur_engine.schema import QuestionNode
from vbestuur_service import conversation as uc
from vbestuur_service.runtime import Runtime
from vbestuur_service.settings import Settings
from vbestuur_service.visitor import Visitor


def first_answer(engine: Engine, flow_id: str, question: str) -> Any:
    node = engine.flow(flow_id).node(question)
    assert isinstance(node, QuestionNode)
    first = node.options[0].value
    return [first] if node.kind == "multi" else first


def answer_all(engine: Engine, flow_id: str) -> uc.Moved:
    answers: dict[str, Any] = {}
    moved = uc.walk(engine, flow_id, answers, "ask")
    while not moved.progress.complete:
        question = moved.progress.next_question
        assert question is not None
        moved = uc.answer(engine, flow_id, moved.answers, question,
                          first_answer(engine, flow_id, question))
    return moved


def dropping_edit(engine: Engine) -> tuple[str, dict[str, Any], str, str, Progress]:
    """A flow, its answers, a question and another option whose choice drops answers."""
    for flow_id in sorted(engine.compiled):
        answers = answer_all(engine, flow_id).answers
        for question in answers:
            node = engine.flow(flow_id).node(question)
            assert isinstance(node, QuestionNode)
            for option in node.options[1:] if node.kind == "single" else ():
                after = engine.walk(flow_id, {**answers, question: option.value})
                if after.dropped and len(after.answers) > 1:
                    return flow_id, answers, question, option.value, after
    raise AssertionError("no flow has an edit that drops answers")


def test_answering_moves_on_and_a_complete_flow_shows_its_result(engine: Engine) -> None:
    done = answer_all(engine, "incident")
    assert done.view == "result" and done.progress.complete and done.dropped == 0
    assert all(isinstance(a, (str, list)) for a in done.answers.values())
    assert uc.opened_view(engine, "incident", done.answers) == "result"
    assert uc.opened_view(engine, "incident", {}) == "ask"


def test_back_takes_back_the_last_answer_and_returns_it(engine: Engine) -> None:
    assert uc.back(engine, "incident", {}) is None
    done = answer_all(engine, "incident")
    taken = uc.back(engine, "incident", done.answers)
    assert taken is not None
    assert taken.question not in taken.moved.answers
    assert taken.previous == done.answers[taken.question]
    assert taken.moved.progress.next_question == taken.question
    assert taken.moved.view == "ask"


def test_an_edit_rewalks_drops_what_no_longer_fits_and_keeps_the_rest(engine: Engine) -> None:
    flow_id, answers, question, value, expected = dropping_edit(engine)
    moved = uc.edit(engine, flow_id, answers, question, value)
    assert moved.answers == {q: a if isinstance(a, str) else list(a)
                             for q, a in expected.answers.items()}
    assert moved.dropped == len(expected.dropped) > 0
    assert moved.view == ("review" if expected.complete else "ask")


def test_step_6_of_gereedheid_is_judged_by_the_netwerklijst(engine: Engine) -> None:
    done = answer_all(engine, "gereedheid").progress
    fresh = initial_list(engine.content, None, "nl")
    judged = {i.step.id: i.status for i in uc.result(engine, done, fresh).checklist}
    assert judged.get(6) in ("open", "partial")  # the list has gaps, whatever was answered
    other = answer_all(engine, "incident").progress
    assert uc.result(engine, other, fresh) is other
    assert uc.readiness(engine, other, fresh) == []
    assert uc.readiness(engine, done, fresh)


@pytest.fixture
def me(tmp_path: Path) -> Iterator[Visitor]:
    rt = Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)}))
    yield Visitor(rt, rt.use(lambda s: s.new_token()))
    rt.close()


def test_a_completed_check_is_recorded_as_shown(engine: Engine, me: Visitor) -> None:
    done = answer_all(engine, "gereedheid").progress
    rows = uc.readiness(engine, done, None)
    assert uc.record_check(me, "gereedheid", rows)
    [kept] = uc.history(me, "gereedheid")
    assert kept.scores == {row.phase: row.score for row in rows}
    assert not uc.record_check(me, "gereedheid", [])
    assert uc.fingerprint(done) == uc.fingerprint(engine.walk("gereedheid", done.answers))
