"""Iterators over the parts of a flow that the checks look at, each with its path.

Why: several rules need "every advice reference" or "every condition" with the node it sits on
and the key path to point at; writing that traversal once keeps each rule a few lines long.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .schema import AdviceRef, Condition, Effects, Flow, OutcomeNode, QuestionNode

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Located:
    """A part of a flow: the node it belongs to, its key path, and whether the node's own
    answer is already known when the part applies (true for options and routes)."""

    node_id: str
    path: Path
    after_answer: bool


def advice_refs(flow: Flow) -> Iterator[tuple[Located, AdviceRef]]:
    """Every advice reference, on options, info nodes and outcomes."""
    for node_id, node in flow.nodes.items():
        if isinstance(node, QuestionNode):
            for oi, option in enumerate(node.options):
                for ai, ref in enumerate(option.advice):
                    yield Located(node_id, ("nodes", node_id, "options", oi, "advice", ai),
                                  True), ref
        else:
            for ai, ref in enumerate(node.advice):
                yield Located(node_id, ("nodes", node_id, "advice", ai), False), ref


def conditions(flow: Flow) -> Iterator[tuple[Located, Condition]]:
    """Every top-level condition: on routes and on conditional advice."""
    for located, ref in advice_refs(flow):
        if ref.when is not None:
            yield Located(located.node_id, (*located.path, "when"), located.after_answer), ref.when
    for path, effect in effects(flow):
        if effect.when is not None:
            node_id = str(path[1])
            after = isinstance(flow.nodes[node_id], QuestionNode)
            yield Located(node_id, (*path, "when"), after), effect.when
    for node_id, node in flow.nodes.items():
        if isinstance(node, OutcomeNode):
            continue
        for ri, route in enumerate(node.routes):
            yield Located(node_id, ("nodes", node_id, "routes", ri, "when"),
                          isinstance(node, QuestionNode)), route.when


def leaves(condition: Condition, path: Path) -> Iterator[tuple[Path, Condition]]:
    """The `{question, is}` leaves of a condition tree, with their paths."""
    if condition.question is not None:
        yield path, condition
    for key, group in (("all", condition.all), ("any", condition.any)):
        for index, child in enumerate(group or []):
            yield from leaves(child, (*path, key, index))
    if condition.not_ is not None:
        yield from leaves(condition.not_, (*path, "not"))


def effects(flow: Flow) -> Iterator[tuple[Path, Effects]]:
    """Every checklist effect, on options, info nodes and outcomes."""
    for node_id, node in flow.nodes.items():
        if isinstance(node, QuestionNode):
            for oi, option in enumerate(node.options):
                if option.checklist is not None:
                    yield ("nodes", node_id, "options", oi, "checklist"), option.checklist
        elif node.checklist is not None:
            yield ("nodes", node_id, "checklist"), node.checklist


def step_refs(flow: Flow) -> Iterator[tuple[Path, int]]:
    """Every step id a flow names: its core steps, checklist scope and effects."""
    for index, step in enumerate(flow.steps):
        yield ("steps", index), step
    for index, step in enumerate(flow.checklist_steps or []):
        yield ("checklist_steps", index), step
    for path, effect in effects(flow):
        for status in ("done", "partial", "open", "na"):
            for index, step in enumerate(getattr(effect, status)):
                yield (*path, status, index), step
