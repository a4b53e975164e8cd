"""Walk a compiled flow with a person's answers: path, next question, advice, checklist.

Why pure and total: the app, the CLI and the tests all ask "given these answers, where are we?"
The walk never mutates anything, keeps answers still on the path, drops answers on branches no
longer taken (so an edit never leaves a stale answer behind), and rejects input it cannot place
with a typed error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from .conditions import Answer, holds, questions_in
from .errors import InvalidAnswerError, UnknownQuestionError, VbestuurError
from .graph import CompiledFlow
from .schema import ROLES, Advice, AdviceRef, Effects, InfoNode, OutcomeNode, QuestionNode, Step

Status = Literal["open", "partial", "done", "na"]
URGENCY_ORDER = {"now": 0, "today": 1, "soon": 2, "plan": 3}
RawAnswers = Mapping[str, str | list[str] | tuple[str, ...]]


@dataclass(frozen=True)
class AdviceHit:
    """An advice reached on the path, where, and the answers that led to it."""

    advice: Advice
    node_id: str
    reasons: tuple[tuple[str, Answer], ...]


@dataclass(frozen=True)
class ChecklistItem:
    """A guideline step and its status for this person."""

    step: Step
    status: Status


@dataclass(frozen=True)
class Progress:
    """Where a person is in a flow."""

    flow_id: str
    path: tuple[str, ...]
    answers: Mapping[str, Answer]
    dropped: tuple[str, ...]
    next_question: str | None
    outcome: str | None
    advice: tuple[AdviceHit, ...]
    checklist: tuple[ChecklistItem, ...]
    remaining: tuple[int, int] = field(default=(0, 0))

    @property
    def complete(self) -> bool:
        return self.outcome is not None

    def open_steps(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for item in self.checklist if item.status in ("open", "partial"))


def normalise_answers(compiled: CompiledFlow, answers: RawAnswers) -> dict[str, Answer]:
    """Check every answer against the flow; multiple choice becomes a tuple in option order."""
    result: dict[str, Answer] = {}
    for question, given in answers.items():
        if question not in compiled.question_ids:
            raise UnknownQuestionError(f"flow {compiled.id!r} has no question {question!r}")
        node = compiled.node(question)
        assert isinstance(node, QuestionNode)
        result[question] = _normalise_one(compiled, node, question, given)
    return result


def _normalise_one(compiled: CompiledFlow, node: QuestionNode, question: str,
                   given: object) -> Answer:
    options = [o.value for o in node.options]
    if node.kind != "multi":
        if not isinstance(given, str) or given not in options:
            raise InvalidAnswerError(f"{question!r}: {given!r} is not one of {options}")
        return given
    if not isinstance(given, (list, tuple)) or not given or any(
            not isinstance(v, str) for v in given):
        raise InvalidAnswerError(f"{question!r}: give a non-empty list chosen from {options}")
    unknown = [v for v in given if v not in options]
    if unknown or len(set(given)) != len(given):
        raise InvalidAnswerError(f"{question!r}: {list(given)!r} must be distinct values "
                                 f"from {options}")
    return tuple(v for v in options if v in given)


class _Trail:
    """Accumulates what the walk meets; private to one walk."""

    def __init__(self, compiled: CompiledFlow) -> None:
        self.compiled = compiled
        self.path: list[str] = []
        self.kept: dict[str, Answer] = {}
        self.hits: dict[str, AdviceHit] = {}
        self.effects: list[Effects] = []

    def effect(self, effects: Effects | None) -> None:
        """Keep a checklist effect if it has no condition or its condition holds now."""
        if effects is not None and (effects.when is None or holds(effects.when, self.kept)):
            self.effects.append(effects)

    def reach(self, refs: list[AdviceRef], node_id: str,
              own: tuple[tuple[str, Answer], ...]) -> None:
        for ref in refs:
            if ref.id in self.hits or (ref.when is not None and not holds(ref.when, self.kept)):
                continue
            reasons = own if own else tuple(self.kept.items())
            if ref.when is not None:
                extra = [(q, self.kept[q]) for q in questions_in(ref.when) if q in self.kept]
                reasons = tuple(dict([*reasons, *extra]).items())
            self.hits[ref.id] = AdviceHit(self.compiled.advice[ref.id], node_id, reasons)


def walk(compiled: CompiledFlow, answers: RawAnswers) -> Progress:
    """Follow the flow from its start as far as the answers go."""
    given = normalise_answers(compiled, answers)
    trail = _Trail(compiled)
    node_id: str | None = compiled.flow.start
    waiting: str | None = None
    while node_id is not None:
        trail.path.append(node_id)
        node = compiled.node(node_id)
        if isinstance(node, QuestionNode) and node_id not in given:
            waiting = node_id
            break
        node_id = _visit(trail, node_id, node, given)
    outcome = trail.path[-1] if waiting is None else None
    here = waiting or outcome or compiled.flow.start
    return Progress(compiled.id, tuple(trail.path), MappingProxyType(dict(trail.kept)),
                    tuple(q for q in given if q not in trail.kept), waiting, outcome,
                    _ordered(trail.hits), _checklist(compiled, trail),
                    compiled.questions_to_end.get(here, (0, 0)))


def _visit(trail: _Trail, node_id: str, node: QuestionNode | InfoNode | OutcomeNode,
           given: Mapping[str, Answer]) -> str | None:
    """Record what one node contributes; return the next node id (None at an outcome)."""
    if isinstance(node, OutcomeNode):
        trail.reach(node.advice, node_id, ())
        trail.effect(node.checklist)
        return None
    if isinstance(node, InfoNode):
        trail.reach(node.advice, node_id, ())
        trail.effect(node.checklist)
        return _route(node, trail.kept, None)
    answer = given[node_id]
    trail.kept[node_id] = answer
    chosen = (answer,) if isinstance(answer, str) else answer
    for option in node.options:
        if option.value in chosen:
            trail.reach(option.advice, node_id, ((node_id, answer),))
            trail.effect(option.checklist)
    single = next((o.next for o in node.options if o.value == answer), None)
    return _route(node, trail.kept, single)


def _route(node: QuestionNode | InfoNode, kept: Mapping[str, Answer],
           option_next: str | None) -> str:
    for route in node.routes:
        if holds(route.when, kept):
            return route.next
    target = option_next or node.next
    if target is None:
        raise VbestuurError("the flow has no route here; run `vbestuur check`")
    return target


def _ordered(hits: Mapping[str, AdviceHit]) -> tuple[AdviceHit, ...]:
    order = {advice_id: index for index, advice_id in enumerate(hits)}
    return tuple(sorted(hits.values(), key=lambda h: (URGENCY_ORDER[h.advice.urgency],
                                                       order[h.advice.id])))


def _checklist(compiled: CompiledFlow, trail: _Trail) -> tuple[ChecklistItem, ...]:
    flow = compiled.flow
    status: dict[int, Status] = dict.fromkeys(flow.checklist_steps or flow.steps, "open")
    role = trail.kept.get(flow.role_question or "")
    if isinstance(role, str) and role in ROLES:
        for step_id in status:
            if role not in compiled.steps[step_id].roles:
                status[step_id] = "na"
    for effect in trail.effects:
        for name in ("open", "partial", "done", "na"):
            for step_id in getattr(effect, name):
                status[step_id] = name
    return tuple(ChecklistItem(compiled.steps[s], status[s]) for s in sorted(status))
