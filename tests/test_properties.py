"""Property tests over every flow: interviews always end, edits never leave stale answers."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vbestuur_engine import Engine
from vbestuur_engine.conditions import Answer
from vbestuur_engine.paths import all_paths
from vbestuur_engine.schema import QuestionNode

ENGINE = Engine.load()
FLOWS = sorted(ENGINE.compiled)
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _answer(data: st.DataObject, node: QuestionNode) -> Answer:
    values = [o.value for o in node.options]
    if node.kind != "multi":
        return data.draw(st.sampled_from(values))
    picked = data.draw(st.lists(st.sampled_from(values), min_size=1, unique=True))
    return tuple(picked)


@pytest.mark.parametrize("flow_id", FLOWS)
@SETTINGS
@given(data=st.data())
def test_random_answers_always_reach_an_outcome(flow_id: str, data: st.DataObject) -> None:
    compiled = ENGINE.flow(flow_id)
    answers: dict[str, Answer] = {}
    for _ in range(len(compiled.flow.nodes) + 1):
        progress = ENGINE.walk(flow_id, answers)
        if progress.complete:
            break
        node = compiled.node(progress.next_question or "")
        assert isinstance(node, QuestionNode)
        answers[progress.next_question or ""] = _answer(data, node)
    assert progress.complete, f"no outcome after {answers}"
    assert progress.advice, "every path gives at least one advice"
    assert all(hit.advice.steps for hit in progress.advice)


@pytest.mark.parametrize("flow_id", FLOWS)
@SETTINGS
@given(data=st.data())
def test_back_and_edit_never_leaves_an_answer_off_the_path(flow_id: str,
                                                          data: st.DataObject) -> None:
    compiled = ENGINE.flow(flow_id)
    answers: dict[str, Answer] = {}
    for _ in range(data.draw(st.integers(min_value=1, max_value=12))):
        progress = ENGINE.walk(flow_id, answers)
        on_path = [q for q in progress.path if q in compiled.question_ids]
        editable = [q for q in on_path if q in progress.answers]
        if editable and (progress.complete or data.draw(st.booleans())):
            target = data.draw(st.sampled_from(editable))
        elif progress.next_question is not None:
            target = progress.next_question
        else:
            break
        node = compiled.node(target)
        assert isinstance(node, QuestionNode)
        answers = {**dict(progress.answers), target: _answer(data, node)}
        after = ENGINE.walk(flow_id, answers)
        assert set(after.answers) <= set(after.path)
        assert set(after.answers) | set(after.dropped) == set(answers)
        answers = dict(after.answers)


@pytest.mark.parametrize("flow_id", FLOWS)
def test_enumerated_paths_reach_every_outcome(flow_id: str) -> None:
    paths = [p.path for p in all_paths(ENGINE.flow(flow_id))]
    assert paths
    outcomes = {n for n, node in ENGINE.flow(flow_id).flow.nodes.items() if node.type == "outcome"}
    assert {p[-1] for p in paths} == outcomes

