"""Rules about references between content items: steps, advice, facts, terms, nodes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..flowparts import advice_refs, conditions, effects, leaves, step_refs
from ..schema import ROLES, STEP_MAX, STEP_MIN, YESNO_VALUES, Flow, QuestionNode, Text
from .registry import Finding, rule

if TYPE_CHECKING:
    from ..content import Content

TERM_PATTERN = re.compile(r"\{term:([^}]*)\}")


@rule("STEP-RANGE")
def step_range(content: Content) -> Iterator[Finding]:
    """Step ids are 1 to 21, as in the guideline.

    PASS: `steps: [14, 15]`
    FAIL: `steps: [22]`
    """
    for step_id in content.steps:
        if not STEP_MIN <= step_id <= STEP_MAX:
            yield Finding("step", step_id, ("id",), f"step id {step_id} is outside 1-21")
    for advice in content.advice.values():
        for index, step in enumerate(advice.steps):
            if not STEP_MIN <= step <= STEP_MAX:
                yield Finding("advice", advice.id, ("steps", index),
                              f"advice {advice.id!r} cites step {step}, outside 1-21")
    for flow in content.flows.values():
        for path, step in step_refs(flow):
            if not STEP_MIN <= step <= STEP_MAX:
                yield Finding("flow", flow.id, path, f"step {step} is outside 1-21")
    yield from _workshop_steps(content, dangling=False)


def _workshop_steps(content: Content, dangling: bool) -> Iterator[Finding]:
    """Steps named in rules/workshop.yaml: outside 1-21, or (`dangling`) not defined."""
    for path, step in content.workshop.step_refs() if content.workshop else ():
        inside = STEP_MIN <= step <= STEP_MAX
        if not dangling and not inside:
            yield Finding("workshop", "workshop", path, f"step {step} is outside 1-21")
        elif dangling and inside and step not in content.steps:
            yield Finding("workshop", "workshop", path, f"unknown step {step}")


@rule("STEPS-INCOMPLETE")
def steps_incomplete(content: Content) -> Iterator[Finding]:
    """`rules/steps.yaml` defines every step from 1 to 21.

    PASS: steps 1, 2, ..., 21
    FAIL: steps 1 to 20 (step 21 missing)
    """
    missing = sorted(set(range(STEP_MIN, STEP_MAX + 1)) - set(content.steps))
    if missing and content.steps:
        first = min(content.steps)
        yield Finding("step", first, (), f"steps missing from rules/steps.yaml: {missing}")


@rule("ADVICE-NO-STEP")
def advice_without_step(content: Content) -> Iterator[Finding]:
    """Every advice cites at least one guideline step.

    PASS: `steps: [14]`
    FAIL: `steps: []`
    """
    for advice in content.advice.values():
        if not advice.steps:
            yield Finding("advice", advice.id, ("steps",),
                          f"advice {advice.id!r} cites no guideline step")


@rule("DANGLING-REF")
def dangling_refs(content: Content) -> Iterator[Finding]:
    """Every reference points at something that exists: nodes, advice, facts, terms, steps.

    PASS: `next: q2` where node `q2` exists
    FAIL: `next: q9` where no node `q9` exists
    """
    yield from _advice_dangling(content)
    yield from _workshop_steps(content, dangling=True)
    yield from _term_dangling(content)
    for flow in content.flows.values():
        yield from _flow_dangling(content, flow.id)


def _advice_dangling(content: Content) -> Iterator[Finding]:
    for advice in content.advice.values():
        for index, fact in enumerate(advice.facts):
            if fact not in content.facts:
                yield Finding("advice", advice.id, ("facts", index), f"unknown fact {fact!r}")
        for index, step in enumerate(advice.steps):
            if STEP_MIN <= step <= STEP_MAX and step not in content.steps:
                yield Finding("advice", advice.id, ("steps", index), f"unknown step {step}")


def _term_dangling(content: Content) -> Iterator[Finding]:
    for advice in content.advice.values():
        for key in ("text", "title"):
            yield from _placeholders(content, "advice", advice.id, (key,), getattr(advice, key))
    for name, local in content.local.items():
        for term in local.values:
            if term not in content.terms:
                yield Finding("local", name, ("values", term), f"unknown term {term!r}")


def _placeholders(content: Content, kind: str, ident: str, path: tuple[str | int, ...],
                  text: Text | None) -> Iterator[Finding]:
    if text is None:
        return
    for lang in ("nl", "en"):
        for term in TERM_PATTERN.findall(getattr(text, lang)):
            if term not in content.terms:
                yield Finding(kind, ident, (*path, lang), f"unknown term placeholder {term!r}")


def _flow_dangling(content: Content, flow_id: str) -> Iterator[Finding]:
    from ..graph import exits

    flow = content.flows[flow_id]
    if flow.start not in flow.nodes:
        yield Finding("flow", flow_id, ("start",), f"start node {flow.start!r} does not exist")
    for node_id, node in flow.nodes.items():
        for path, target, _label in exits(node):
            if target not in flow.nodes:
                yield Finding("flow", flow_id, ("nodes", node_id, *path),
                              f"next node {target!r} does not exist")
    for located, ref in advice_refs(flow):
        if ref.id not in content.advice:
            yield Finding("flow", flow_id, located.path, f"unknown advice {ref.id!r}")
    yield from _condition_dangling(flow)
    if flow.role_question is not None and flow.role_question not in flow.nodes:
        yield Finding("flow", flow_id, ("role_question",),
                      f"role question {flow.role_question!r} does not exist")


def _condition_dangling(flow: Flow) -> Iterator[Finding]:
    for located, condition in conditions(flow):
        for path, leaf in leaves(condition, located.path):
            if not isinstance(flow.nodes.get(leaf.question or ""), QuestionNode):
                yield Finding("flow", flow.id, (*path, "question"),
                              f"condition refers to unknown question {leaf.question!r}")


@rule("UNKNOWN-VALUE")
def unknown_condition_value(content: Content) -> Iterator[Finding]:
    """A condition compares a question only with values that question offers.

    PASS: `{question: gevaar, is: [ja]}` where `gevaar` has option `ja`
    FAIL: `{question: gevaar, is: [yes]}`
    """
    for flow in content.flows.values():
        for located, condition in conditions(flow):
            for path, leaf in leaves(condition, located.path):
                node = flow.nodes.get(leaf.question or "")
                if not isinstance(node, QuestionNode):
                    continue
                offered = {o.value for o in node.options}
                for value in leaf.is_ or []:
                    if value not in offered:
                        yield Finding("flow", flow.id, (*path, "is"),
                                      f"{leaf.question!r} has no option {value!r}; "
                                      f"options: {', '.join(sorted(offered))}")


@rule("OPTION-FORM")
def option_form(content: Content) -> Iterator[Finding]:
    """Options fit their question kind: yes/no values are ja, nee, weet-niet; other kinds
    need labels; multiple-choice options route through the question, not each option;
    option values are unique; a role question offers only roles.

    PASS: `kind: yesno` with options `ja`, `nee`, `weet-niet`
    FAIL: `kind: yesno` with an option `misschien`
    """
    for flow in content.flows.values():
        for node_id, node in flow.nodes.items():
            if isinstance(node, QuestionNode):
                allowed = ROLES if node_id == flow.role_question else None
                for path, message in _option_problems(node, allowed):
                    yield Finding("flow", flow.id, ("nodes", node_id, *path), message)


def _option_problems(node: QuestionNode, roles: tuple[str, ...] | None
                     ) -> Iterator[tuple[tuple[str | int, ...], str]]:
    seen: set[str] = set()
    for index, option in enumerate(node.options):
        path = ("options", index)
        if option.value in seen:
            yield (*path, "value"), f"option value {option.value!r} appears twice"
        seen.add(option.value)
        if node.kind == "yesno" and option.value not in YESNO_VALUES:
            yield (*path, "value"), f"yes/no options are {', '.join(YESNO_VALUES)}"
        if node.kind != "yesno" and option.label is None:
            yield path, f"option {option.value!r} needs a label"
        if node.kind == "multi" and option.next is not None:
            yield (*path, "next"), "a multiple-choice option cannot route; use the question's next"
        if roles is not None and option.value not in roles:
            yield (*path, "value"), f"role options are {', '.join(roles)}"


@rule("EFFECT-SCOPE")
def effect_scope(content: Content) -> Iterator[Finding]:
    """A checklist effect names only steps on the flow's checklist (`checklist_steps`, or
    `steps` when that is not given), so no answer silently adds a step to the checklist.

    PASS: `checklist_steps: [14, 15]` and an answer with `checklist: {done: [14]}`
    FAIL: `checklist_steps: [14, 15]` and an answer with `checklist: {done: [6]}`
    """
    for flow in content.flows.values():
        scope = set(flow.checklist_steps or flow.steps)
        for path, effect in effects(flow):
            for status in ("done", "partial", "open", "na"):
                for index, step in enumerate(getattr(effect, status)):
                    if step not in scope:
                        yield Finding("flow", flow.id, (*path, status, index),
                                      f"step {step} is not on this flow's checklist "
                                      f"{sorted(scope)}; add it to checklist_steps")
