"""The conversation's use cases: answer, back, edit, restart, open, and the result it shows.

Why here: these are the rules of a conversation, independent of how it is drawn. Every change
of answers goes through `Engine.walk`, which drops answers that are no longer on the path; an
action returns a `Moved` that says which answers to keep, which screen comes next and how
many answers were dropped, and the web layer only stores and shows that.

Why the result is computed here too: in `gereedheid` step 6 counts as done only when the
person's netwerklijst is complete. The result page and the readiness record must use the same
judgement, so both call `result()`. A completed readiness check is recorded by an explicit
action (`record_check`, from the callback that completed it), never while a page is drawn.

Why the role is passed in: a person says who they are once per visit. A flow with a
`role_question` gets the visit's role as its answer (`with_role`) unless the person answered
it in this flow; it is then an ordinary answer on the path, shown and changeable on the review
screen. "Vorige vraag" back over it asks it again (`Back.role_cleared`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vbestuur_engine import Engine, PhaseReadiness, Progress, readiness_by_phase
from vbestuur_engine.netwerklijst import NetworkList, adjust_progress
from vbestuur_engine.schema import ROLES, QuestionNode

from .visitor import Visitor

if TYPE_CHECKING:  # types only: the store's modules import SQLAlchemy (issue 15)
    from vbestuur_store import ReadinessEntry

READINESS_DOORS = ("gereedheid", "organisatie")
NETWERK_FLOW = "gereedheid"  # the flow whose step 6 is judged by the netwerklijst
Answer = str | list[str]


@dataclass(frozen=True)
class Moved:
    """The outcome of one action on a flow's answers."""

    answers: dict[str, Answer]  # what to keep: only answers on the path, plain lists
    progress: Progress
    view: str  # the next screen: "ask", "review" or "result"
    dropped: int  # answers that no longer fit and were dropped


@dataclass(frozen=True)
class Back:
    """"Vorige vraag": the question shown again, with the answer it had."""

    question: str
    previous: Any
    moved: Moved
    role_cleared: bool = False  # the visit's role was taken back: ask it again


def role_question(engine: Engine, flow_id: str) -> str | None:
    """The flow's question whose answers are roles (None when it has none)."""
    return engine.flow(flow_id).flow.role_question


def role_of(engine: Engine, flow_id: str, answers: Mapping[str, Answer]) -> str | None:
    """The role answered in this flow's role question, if any."""
    question = role_question(engine, flow_id)
    value = answers.get(question) if question else None
    return value if isinstance(value, str) and value in ROLES else None


def remembered_role(engine: Engine, answers: Mapping[str, Mapping[str, Answer]]) -> str | None:
    """A role answered in any flow of this visit (for a session restored from saved answers)."""
    for flow_id, given in answers.items():
        if flow_id in engine.compiled and (role := role_of(engine, flow_id, given)):
            return role
    return None


def with_role(engine: Engine, flow_id: str, answers: Mapping[str, Answer],
              role: str | None) -> dict[str, Answer]:
    """The answers with the visit's role pre-answered: only for a flow with a role question
    that offers this role and that the person has not answered in this flow."""
    question = role_question(engine, flow_id)
    if role is None or question is None or question in answers:
        return dict(answers)
    node = engine.flow(flow_id).node(question)
    if not isinstance(node, QuestionNode) or role not in {o.value for o in node.options}:
        return dict(answers)
    return {**answers, question: role}


def walk(engine: Engine, flow_id: str, answers: Mapping[str, Answer], view: str,
         role: str | None = None) -> Moved:
    """Walk with `answers` (and the visit's `role`) and keep only those on the path."""
    progress = engine.walk(flow_id, with_role(engine, flow_id, answers, role))
    kept = {q: (a if isinstance(a, str) else list(a)) for q, a in progress.answers.items()}
    return Moved(kept, progress, view, len(progress.dropped))


def progress(engine: Engine, flow_id: str, answers: Mapping[str, Answer],
             role: str | None = None) -> Progress:
    """The walk a page draws: the stored answers with the visit's role."""
    return engine.walk(flow_id, with_role(engine, flow_id, answers, role))


def answer(engine: Engine, flow_id: str, answers: Mapping[str, Answer], question: str,
           value: Answer, role: str | None = None) -> Moved:
    """"Volgende": the chosen answer is kept; on to the next question or the result."""
    moved = walk(engine, flow_id, {**answers, question: value}, "ask", role)
    return _then(moved, "result" if moved.progress.complete else "ask")


def edit(engine: Engine, flow_id: str, answers: Mapping[str, Answer], question: str,
         value: Answer, role: str | None = None) -> Moved:
    """"Opslaan" of one earlier answer: back to the review when the path is complete, else
    on to the next question."""
    moved = walk(engine, flow_id, {**answers, question: value}, "ask", role)
    return _then(moved, "review" if moved.progress.complete else "ask")


def back(engine: Engine, flow_id: str, answers: Mapping[str, Answer],
         role: str | None = None) -> Back | None:
    """Take back the last answer on the path (None when nothing was answered yet); taking
    back the role question asks it again, without the visit's role."""
    progress = engine.walk(flow_id, with_role(engine, flow_id, answers, role))
    answered = [node for node in progress.path if node in progress.answers]
    if not answered:
        return None
    last = answered[-1]
    cleared = last == role_question(engine, flow_id)
    kept = {q: a for q, a in answers.items() if q != last}
    moved = walk(engine, flow_id, kept, "ask", None if cleared else role)
    return Back(last, progress.answers[last], moved, cleared)


def opened_view(engine: Engine, flow_id: str, answers: Mapping[str, Answer],
                role: str | None = None) -> str:
    """The screen a door opens: the result of a finished flow, else the next question."""
    return "result" if progress(engine, flow_id, answers, role).complete else "ask"


def _then(moved: Moved, view: str) -> Moved:
    return Moved(moved.answers, moved.progress, view, moved.dropped)


# --- the result ------------------------------------------------------------------------------

def is_readiness(engine: Engine, flow_id: str) -> bool:
    return engine.flow(flow_id).flow.door in READINESS_DOORS


def result(engine: Engine, progress: Progress, network: NetworkList | None) -> Progress:
    """The progress as the result shows it: in `gereedheid`, step 6 judged by the list."""
    if progress.flow_id != NETWERK_FLOW:
        return progress
    return adjust_progress(progress, network, engine.content)


def readiness(engine: Engine, progress: Progress,
              network: NetworkList | None) -> list[PhaseReadiness]:
    """Readiness per phase of the result as shown (empty for other flows)."""
    if not progress.complete or not is_readiness(engine, progress.flow_id):
        return []
    return readiness_by_phase(result(engine, progress, network).checklist)


def fingerprint(progress: Progress) -> str:
    """Which answers a check was made with (so the same check is not kept twice)."""
    answers = {q: a if isinstance(a, str) else list(a) for q, a in progress.answers.items()}
    return hashlib.sha256(json.dumps(answers, sort_keys=True).encode()).hexdigest()


def record_check(visitor: Visitor, flow_id: str, rows: list[PhaseReadiness]) -> bool:
    """Keep a just-completed readiness check with today's date; False when there is none."""
    if not rows:
        return False
    scores = {row.phase: row.score for row in rows}
    visitor.rt.use(lambda s: s.record_readiness(visitor.token, flow_id, scores))
    return True


def history(visitor: Visitor, flow_id: str) -> list[ReadinessEntry]:
    """The kept checks of one flow, oldest first."""
    return visitor.rt.use(lambda s: s.readiness_history(visitor.token, flow_id))


def changes(previous: ReadinessEntry,
            rows: list[PhaseReadiness]) -> list[tuple[str, int, int]]:
    """(phase, percent then, percent now) for each phase in both checks."""
    return [(row.phase, round(previous.scores[row.phase] * 100), round(row.score * 100))
            for row in rows if row.phase in previous.scores]
