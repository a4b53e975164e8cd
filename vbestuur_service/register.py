"""The griffie's register: the one answer to "is step N arranged for the municipality?".

Why one model: the question used to be answered three times, unconnected: by the
`organisatie` interview (per browser), by the griffie's items (shared, audited) and by the
workshop's verdict (a note). The register (`OrgItem`) is now the source: the interview is
pre-filled from it, an unlocked griffie's answers in the interview are written to it (audited
under their name), and the workshop hand-over adds its proposal to it. The interview's four
answers are the register's four statuses, so no translation table sits in between.

Why only an unlocked session writes: the interview is open to every visitor; the register is
shared and audited, so only someone who unlocked the griffie page with the PIN may change it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from vbestuur_engine import ChecklistItem, Engine
from vbestuur_engine.schema import QuestionNode, Step
from vbestuur_store import StaleItem

from .runtime import Runtime

if TYPE_CHECKING:  # types only: the store's modules import SQLAlchemy (issue 15)
    from vbestuur_store import OrgItem, Store

ORG_FLOW = "organisatie"
Answer = str | list[str]
ORG_ROLE = "organisatie"
STATUSES = ("open", "deels", "geregeld", "nvt")
# The register's statuses in the engine's checklist words (what a result or reminder shows).
AS_CHECKLIST = {"open": "open", "deels": "partial", "geregeld": "done", "nvt": "na"}


def org_steps(engine: Engine) -> list[Step]:
    """The steps the organisation arranges (role `organisatie`), in step order."""
    return sorted((s for s in engine.content.steps.values() if ORG_ROLE in s.roles),
                  key=lambda s: s.id)


def question_steps(engine: Engine) -> dict[str, int]:
    """Question id -> the step it asks about, for the interview's status questions (those
    whose options are exactly the register's statuses and judge one step)."""
    compiled = engine.flow(ORG_FLOW)
    found: dict[str, int] = {}
    for node_id in compiled.flow.nodes:
        node = compiled.node(node_id)
        if not isinstance(node, QuestionNode):
            continue
        if sorted(o.value for o in node.options) != sorted(STATUSES):
            continue
        judged = {s for o in node.options if o.checklist is not None
                  for s in (*o.checklist.done, *o.checklist.partial, *o.checklist.open,
                            *o.checklist.na)}
        if len(judged) == 1:
            found[node_id] = judged.pop()
    return found


def items(rt: Runtime, step_ids: Iterable[int]) -> list[OrgItem]:
    """The register's state of these steps (unedited steps count as open)."""
    wanted = list(step_ids)
    return rt.use(lambda s: s.org_items(wanted))


def prefilled(engine: Engine, register: Sequence[OrgItem],
              answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """The interview's answers as the register has them.

    A register nobody has edited yet leaves the visitor's own answers. Once the griffie keeps
    it, the register wins for every step (an unedited step is "open" there), so the interview
    shows the register's state, complete, and the person changes it through the review.
    """
    if not any(item.updated_at is not None for item in register):
        return dict(answers)
    status = {item.step_id: item.status for item in register}
    return {**answers, **{q: status.get(step, "open")
                          for q, step in question_steps(engine).items()}}


def fill_in(rt: Runtime, engine: Engine, answers: Mapping[str, object],
            actor: str) -> tuple[int, ...]:
    """Write the interview's answers to the register, audited under `actor`; returns the
    steps whose status changed. A step someone else changed meanwhile is left to them."""
    wanted = {step: answers[q] for q, step in question_steps(engine).items()
              if answers.get(q) in STATUSES}
    changed = []
    for item in items(rt, wanted):
        status = str(wanted[item.step_id])
        if item.status == status:
            continue
        try:
            rt.use(functools.partial(_set_status, item=item, actor=actor, status=status))
        except StaleItem:
            continue
        changed.append(item.step_id)
    return tuple(changed)


def _set_status(store: Store, *, item: OrgItem, actor: str, status: str) -> None:
    store.update_org_item(item.step_id, actor, status=status, expected_version=item.version)


def checklist(steps: Mapping[int, Step], register: Sequence[OrgItem],
              step_ids: Iterable[int]) -> tuple[ChecklistItem, ...]:
    """The register's state of `step_ids` as checklist items (for the reminders)."""
    found = {item.step_id: item for item in register}
    return tuple(ChecklistItem(steps[i], AS_CHECKLIST[found[i].status])  # type: ignore[arg-type]
                 for i in step_ids if i in found and i in steps)


def update(rt: Runtime, step_id: int, actor: str, *, status: str, owner: str | None,
           due: dt.date | None, note: str, version: int) -> OrgItem:
    """The griffie's edit of one step (optimistic: a stale version raises `StaleItem`)."""
    return rt.use(lambda s: s.update_org_item(step_id, actor, status=status, owner=owner,
                                              due=due, note=note, expected_version=version))
