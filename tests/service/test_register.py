"""One model of "step N is arranged": the griffie's register, the interview and the reminders.

Why: the `organisatie` interview, the griffie's items and the workshop verdict used to be three
unconnected answers. These tests hold the interview and the register to one state.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from vbestuur_engine import Engine
from vbestuur_service import conversation as uc
from vbestuur_service import register
from vbestuur_service.runtime import Runtime
from vbestuur_service.settings import Settings


@pytest.fixture
def rt(tmp_path: Path) -> Iterator[Runtime]:
    runtime = Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)}))
    yield runtime
    runtime.close()


def test_every_status_question_asks_about_one_organisation_step(engine: Engine) -> None:
    asked = register.question_steps(engine)
    assert len(asked) == len(set(asked.values())) >= 10
    org = {s.id for s in register.org_steps(engine)}
    assert set(asked.values()) <= org | set(engine.flow(register.ORG_FLOW).flow.steps)


def test_an_untouched_register_leaves_the_visitors_answers(engine: Engine, rt: Runtime) -> None:
    items = register.items(rt, register.question_steps(engine).values())
    mine = {"bespreken": "deels"}
    assert register.prefilled(engine, items, mine) == mine


def test_the_interview_shows_the_registers_state(engine: Engine, rt: Runtime) -> None:
    rt.use(lambda s: s.update_org_item(1, "Griffier", status="geregeld"))
    rt.use(lambda s: s.update_org_item(9, "Griffier", status="deels"))
    asked = register.question_steps(engine)
    items = register.items(rt, asked.values())
    answers = register.prefilled(engine, items, {"bespreken": "open"})
    progress = engine.walk(register.ORG_FLOW, answers)
    assert progress.complete, "a kept register answers every step"
    shown = {i.step.id: i.status for i in progress.checklist}
    kept = {i.step_id: register.AS_CHECKLIST[i.status] for i in items}
    assert {step: shown[step] for step in asked.values()} == \
        {step: kept[step] for step in asked.values()}
    assert shown[1] == "done" and shown[9] == "partial"


def test_an_unlocked_griffie_fills_in_the_register(engine: Engine, rt: Runtime) -> None:
    asked = register.question_steps(engine)
    question = next(q for q, step in asked.items() if step == 4)
    done = uc.walk(engine, register.ORG_FLOW,
                   {q: "geregeld" if q == question else "open" for q in asked}, "result")
    changed = register.fill_in(rt, engine, done.answers, "Griffier")
    assert changed == (4,)
    [item] = register.items(rt, [4])
    assert (item.status, item.updated_by) == ("geregeld", "Griffier")
    assert register.fill_in(rt, engine, done.answers, "Griffier") == ()
    history = rt.use(lambda s: s.org_history(4))
    assert [(c.field, c.new) for c in history] == [("status", "geregeld")]


def test_the_reminders_use_the_registers_words(engine: Engine, rt: Runtime) -> None:
    rt.use(lambda s: s.update_org_item(20, "Griffier", status="nvt"))
    items = register.items(rt, [20, 21])
    made = register.checklist(engine.content.steps, items, [20, 21, 99])
    assert [(i.step.id, i.status) for i in made] == [(20, "na"), (21, "open")]
