"""Rules for the first layer of a result ("Doe nu") and the numbers people will dial.

Why: the first screen after an incident must hold at most three short, concrete actions, and a
call button must dial a number that exists. These are promises to a frightened person, so they
are errors, checked like every other rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import networkx as nx

from ..errors import VbestuurError
from ..flowparts import advice_refs
from ..graph import build_graph, compile_flow
from ..layers import MAX_NOW_ITEMS
from ..paths import MAX_PATHS, all_paths
from ..phone import phone_ok
from ..phone_text import unknown_numbers
from ..schema import Advice, Flow, QuestionNode
from ..walk import Progress
from .registry import Finding, rule

if TYPE_CHECKING:
    from ..content import Content

MAX_ACTION_WORDS = 25
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@rule("NOW-ACTION-MISSING")
def now_action_missing(content: Content) -> Iterator[Finding]:
    """An advice with `urgency: now` carries `action`: what to do, in one short sentence.

    PASS: `urgency: now` with `action: {nl: Bel 112., en: Call 112.}`
    FAIL: `urgency: now` without `action`
    """
    for advice in content.advice.values():
        if advice.urgency == "now" and advice.action is None:
            yield Finding("advice", advice.id, ("urgency",),
                          f"advice {advice.id!r} is urgent ('now') but has no `action`: "
                          "add one short sentence with one concrete action")


@rule("NOW-ACTION-LONG")
def now_action_long(content: Content) -> Iterator[Finding]:
    """An action is one sentence of at most 25 words, in Dutch and in English.

    PASS: `action: {nl: Bel meteen 112., en: Call 112 straight away.}`
    FAIL: `action: {nl: Bel 112. Wacht dan op de politie., en: ...}` (two sentences)
    """
    for advice in content.advice.values():
        if advice.action is None:
            continue
        for lang in ("nl", "en"):
            text = getattr(advice.action, lang).strip()
            sentences = [s for s in _SENTENCE_END.split(text) if s]
            words = len(text.split())
            if len(sentences) > 1 or words > MAX_ACTION_WORDS:
                yield Finding("advice", advice.id, ("action", lang),
                              f"action has {len(sentences)} sentence(s) and {words} words; "
                              f"write one sentence of at most {MAX_ACTION_WORDS} words")


@rule("CALL-NO-PHONE")
def call_no_phone(content: Content) -> Iterator[Finding]:
    """`call` names a fact in rules/facts.yaml that has a `contact` with a phone number.

    PASS: `call: contact-112` (the fact has `contact: {phone: "112", ...}`)
    FAIL: `call: bedreiging-art-285` (a fact without a contact)
    """
    for advice in content.advice.values():
        if advice.call is None:
            continue
        fact = content.facts.get(advice.call)
        if fact is None:
            yield Finding("advice", advice.id, ("call",), f"unknown fact {advice.call!r}")
        elif fact.contact is None:
            yield Finding("advice", advice.id, ("call",),
                          f"fact {advice.call!r} has no contact with a phone number to call")


@rule("PHONE-INVALID")
def phone_invalid(content: Content) -> Iterator[Finding]:
    """A contact's phone number exists (checked with the `phonenumbers` metadata for NL);
    national (`070-373 83 14`), E.164 (`+31703738314`) and the emergency number `112` are fine.
    A number written in an advice text must exist too, or the app cannot link it.

    PASS: `phone: "0900-8844"`
    FAIL: `phone: "070-373 83"` (too short: no such number)
    """
    for fact in content.facts.values():
        if fact.contact is not None and not phone_ok(fact.contact.phone):
            yield Finding("fact", fact.id, ("contact", "phone"),
                          f"{fact.contact.phone!r} is not a number in the numbering plan "
                          "(checked with the phonenumbers metadata; NL unless +country)")
    for advice in content.advice.values():
        for lang in ("nl", "en"):
            for number in unknown_numbers(getattr(advice.text, lang)):
                yield Finding("advice", advice.id, ("text", lang),
                              f"{number!r} is written like a phone number but is not one in "
                              "the numbering plan (checked with the phonenumbers metadata)")


@rule("NOW-TOO-MANY")
def now_too_many(content: Content) -> Iterator[Finding]:
    """On every path of every flow, the result's "Doe nu" layer (the `now` advice) holds at
    most three items.

    PASS: a path that reaches `bel-112` and `de-escaleren`
    FAIL: a path that reaches four advice items with `urgency: now`
    """
    for flow in content.flows.values():
        now_ids = {ref.id for _located, ref in advice_refs(flow)
                   if _is_now(content.advice, ref.id)}
        if len(now_ids) <= MAX_NOW_ITEMS or _bound(flow, content.advice) <= MAX_NOW_ITEMS:
            continue
        yield from _too_many_on_paths(content, flow)


def _is_now(advice: Mapping[str, Advice], advice_id: str) -> bool:
    found = advice.get(advice_id)
    return found is not None and found.urgency == "now"


def _node_now(flow: Flow, node_id: str, advice: Mapping[str, Advice]) -> frozenset[str]:
    """The `now` advice a node can add, whatever is answered (options taken together)."""
    node = flow.nodes[node_id]
    if isinstance(node, QuestionNode):
        refs = [ref for option in node.options for ref in option.advice]
    else:
        refs = list(node.advice)
    return frozenset(ref.id for ref in refs if _is_now(advice, ref.id))


def _bound(flow: Flow, advice: Mapping[str, Advice]) -> int:
    """An upper bound of "Doe nu" items on any path, ignoring conditions: one pass over the
    DAG carrying the sets of `now` advice collected so far (there are only a few)."""
    graph = build_graph(flow)
    if flow.start not in graph or not nx.is_directed_acyclic_graph(graph):
        return 0  # other rules report this flow; its paths cannot be walked
    reaching: dict[str, set[frozenset[str]]] = {flow.start: {frozenset()}}
    most = 0
    for node_id in nx.topological_sort(graph):
        here = reaching.pop(node_id, None)
        if here is None:
            continue
        own = _node_now(flow, node_id, advice)
        after = {collected | own for collected in here}
        successors = list(graph.successors(node_id))
        if not successors:
            most = max(most, *(len(s) for s in after))
        for successor in successors:
            reaching.setdefault(successor, set()).update(after)
    return most


def _now_key(progress: Progress) -> tuple[str, ...]:
    return tuple(sorted(h.advice.id for h in progress.advice if h.advice.urgency == "now"))


def _too_many_on_paths(content: Content, flow: Flow) -> Iterator[Finding]:
    """Walk every path that can differ in its "Doe nu" items; one finding per outcome."""
    compiled = compile_flow(flow, content.steps, content.advice)
    reported: set[str] = set()
    walked = 0
    try:
        for progress in all_paths(compiled, split=_now_key):
            walked += 1
            now = _now_key(progress)
            outcome = progress.outcome or ""
            if len(now) > MAX_NOW_ITEMS and outcome not in reported:
                reported.add(outcome)
                answers = ", ".join(f"{q}={a if isinstance(a, str) else list(a)}"
                                    for q, a in progress.answers.items())
                yield Finding("flow", flow.id, ("nodes", outcome),
                              f"'Doe nu' has {len(now)} items ({', '.join(now)}) on the path "
                              f"{answers}; at most {MAX_NOW_ITEMS}: give one `urgency: today`")
    except (KeyError, AssertionError, VbestuurError):
        return  # unchecked references: DANGLING-REF and the graph rules report them
    if walked >= MAX_PATHS:
        yield Finding("flow", flow.id, ("start",),
                      f"more than {MAX_PATHS} paths can differ in their 'Doe nu' items; "
                      "only the first were checked: split the flow")
