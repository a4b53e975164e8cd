"""What the room sees of a step's answers: nothing until the facilitator reveals, then figures
fixed for good.

Why reveal-and-close (issue 13, F1 of the security review): a live tally that changes with
every tap shows each vote as a +1 on the wall, and two views a moment apart give one person's
answer away. So the room's view of a step has only two states:
- before the reveal: how many answered and how many are needed, never how;
- after the reveal: the tallies as they stood at that moment, stored in `workshop_reveals`, and
  the step's poll closed (`StepRevealed`), so no later vote or change can move a figure.
A reveal is refused while fewer than k participants answered "Is dit bij ons geregeld?"; the
experience question is shown only if it, too, reached k at that moment, and stays hidden
otherwise. docs/workshop.md states the rule for facilitators.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vbestuur_store.errors import InvalidValue
from vbestuur_store.models_workshop import RevealRow, VoteRow, WorkshopRow
from vbestuur_store.store import Store
from vbestuur_store.workshop import Workshop, as_facilitator, find_row, to_workshop
from vbestuur_store.workshop_errors import TooFewToReveal
from vbestuur_store.workshop_polls import (
    PollVocabulary,
    StepResult,
    Tally,
    effective_k,
    step_result,
)


@dataclass(frozen=True)
class RoomView:
    """One step as the wall may show it: `revealed` False means no figure at all."""

    workshop: Workshop
    result: StepResult
    revealed: bool


def _encode(tally: Tally | None) -> dict[str, Any] | None:
    if tally is None:
        return None
    return {"respondents": tally.respondents, "needed": tally.needed, "counts": tally.counts}


def _decode(question: str, data: dict[str, Any] | None) -> Tally | None:
    if data is None:
        return None
    counts = data["counts"]
    return Tally(question, int(data["respondents"]), int(data["needed"]),
                 None if counts is None else {str(k): int(v) for k, v in counts.items()})


def _from_row(reveal: RevealRow) -> StepResult:
    geregeld = _decode("geregeld", reveal.results["geregeld"])
    assert geregeld is not None  # a reveal always has the geregeld tally
    return StepResult(reveal.step_id, geregeld, _decode("gedrag", reveal.results.get("gedrag")))


def revealed_by_step(session: Session, row: WorkshopRow) -> dict[int, StepResult]:
    """The stored (revealed) figures of a workshop, by step."""
    reveals = session.scalars(select(RevealRow).where(RevealRow.workshop_id == row.id))
    return {reveal.step_id: _from_row(reveal) for reveal in reveals}


def _live(session: Session, row: WorkshopRow, step_id: int, polls: PollVocabulary) -> StepResult:
    answers: dict[str, list[list[str]]] = defaultdict(list)
    votes = session.execute(select(VoteRow.question, VoteRow.answer)
                            .where(VoteRow.workshop_id == row.id, VoteRow.step_id == step_id))
    for question, answer in votes:
        answers[question].append(list(answer))
    return step_result(step_id, dict(answers), row.k, polls)


def hidden(result: StepResult) -> StepResult:
    """The same step with every figure taken out (only how many answered stays)."""
    def strip(tally: Tally | None) -> Tally | None:
        return None if tally is None else Tally(tally.question, tally.respondents,
                                                effective_k(tally.needed), None)
    geregeld = strip(result.geregeld)
    assert geregeld is not None
    return StepResult(result.step_id, geregeld, strip(result.gedrag))


def reveal_step(store: Store, code: str, pin: str, *, polls: PollVocabulary) -> StepResult:
    """Reveal the step on the screen: fix its figures and close its poll (facilitator PIN).

    Revealing twice returns the same figures; fewer than k answers raise TooFewToReveal."""
    def action(session: Session, row: WorkshopRow) -> StepResult:
        step_id = row.current_step
        stored = session.get(RevealRow, (row.id, step_id))
        if stored is not None:
            return _from_row(stored)
        result = _live(session, row, step_id, polls)
        if result.geregeld.counts is None:
            raise TooFewToReveal(needed=result.geregeld.needed,
                                 respondents=result.geregeld.respondents)
        session.add(RevealRow(workshop_id=row.id, step_id=step_id, revealed_at=store.db.now(),
                              results={"geregeld": _encode(result.geregeld),
                                       "gedrag": _encode(result.gedrag)}))
        return result

    return as_facilitator(store, code, pin, action)


def room_view(store: Store, code: str, step_id: int, *, polls: PollVocabulary) -> RoomView:
    """What the wall shows of one step: its revealed figures, or only how many answered."""
    db = store.db
    with db.read() as session:
        row = find_row(db, session, code)
        if step_id not in row.steps:
            raise InvalidValue(field="step_id")
        stored = session.get(RevealRow, (row.id, step_id))
        workshop = to_workshop(session, row)
        if stored is not None:
            return RoomView(workshop, _from_row(stored), True)
        return RoomView(workshop, hidden(_live(session, row, step_id, polls)), False)
