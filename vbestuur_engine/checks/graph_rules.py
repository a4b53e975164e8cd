"""Rules about the shape of a flow: reachability, dead ends, cycles, routing, guards."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import networkx as nx

from ..flowparts import conditions, leaves
from ..graph import build_graph, dominated_by, dominators, exits
from ..schema import Flow, OutcomeNode, QuestionNode
from .registry import Finding, rule

if TYPE_CHECKING:
    from ..content import Content


def _graph(flow: Flow) -> nx.DiGraph:
    """The flow's graph, built once per check run (three rules need it)."""
    cached = _GRAPHS.get(id(flow))
    if cached is None or cached[0] is not flow:
        if len(_GRAPHS) > _GRAPH_CACHE_SIZE:
            _GRAPHS.clear()
        cached = (flow, build_graph(flow))
        _GRAPHS[id(flow)] = cached
    return cached[1]


_GRAPHS: dict[int, tuple[Flow, nx.DiGraph]] = {}
_GRAPH_CACHE_SIZE = 64


def _flows(content: Content) -> Iterator[Flow]:
    """Flows whose start exists; the others are reported by DANGLING-REF."""
    return (f for f in content.flows.values() if f.start in f.nodes)


@rule("UNREACHABLE-NODE")
def unreachable_node(content: Content) -> Iterator[Finding]:
    """Every node can be reached from the start.

    PASS: `start: q1`, and `q1` routes to `q2`
    FAIL: a node `q3` that no node routes to
    """
    for flow in _flows(content):
        reached = nx.descendants(_graph(flow), flow.start) | {flow.start}
        for node_id in flow.nodes:
            if node_id not in reached:
                yield Finding("flow", flow.id, ("nodes", node_id),
                              f"node {node_id!r} cannot be reached from {flow.start!r}")


@rule("DEAD-END")
def dead_end(content: Content) -> Iterator[Finding]:
    """Every question and info node has a way out; only outcomes end a flow.

    PASS: an info node with `next: uitkomst`
    FAIL: an info node without `next` or `routes`
    """
    for flow in content.flows.values():
        for node_id, node in flow.nodes.items():
            if not isinstance(node, OutcomeNode) and not any(True for _ in exits(node)):
                yield Finding("flow", flow.id, ("nodes", node_id),
                              f"{node.type} node {node_id!r} has no way out; "
                              "add `next` or end with an outcome")


@rule("UNROUTED-OPTION")
def unrouted_option(content: Content) -> Iterator[Finding]:
    """Every answer has somewhere to go, also when no conditional route applies.

    PASS: an option with `next: q2`, or a question with a default `next`
    FAIL: an option without `next` on a question without `next`
    """
    for flow in content.flows.values():
        for node_id, node in flow.nodes.items():
            if isinstance(node, OutcomeNode) or node.next is not None:
                continue
            if isinstance(node, QuestionNode) and node.kind != "multi":
                for index, option in enumerate(node.options):
                    if option.next is None:
                        yield Finding("flow", flow.id, ("nodes", node_id, "options", index),
                                      f"answer {option.value!r} has no next node")
            elif node.routes:
                yield Finding("flow", flow.id, ("nodes", node_id, "routes"),
                              f"{node_id!r} needs a default `next` for when no route applies")


@rule("CYCLE")
def cycle(content: Content) -> Iterator[Finding]:
    """A flow never loops back: every interview ends.

    PASS: q1 -> q2 -> uitkomst
    FAIL: q1 -> q2 -> q1
    """
    for flow in content.flows.values():
        graph = _graph(flow)
        if nx.is_directed_acyclic_graph(graph):
            continue
        try:
            edges = nx.find_cycle(graph)
        except nx.NetworkXNoCycle:
            continue
        loop = " -> ".join([str(edges[0][0]), *(str(e[1]) for e in edges)])
        yield Finding("flow", flow.id, ("nodes", str(edges[-1][0])), f"cycle: {loop}")


@rule("GUARD-UNANSWERED")
def guard_unanswered(content: Content) -> Iterator[Finding]:
    """A condition only uses questions answered on every path before it.

    PASS: q1 -> q2, and a route on q2 tests q1
    FAIL: q1 -> (q2 | q3) -> q4, and a route on q4 tests q2 (not asked on the path via q3)
    """
    for flow in _flows(content):
        graph = _graph(flow)
        if not nx.is_directed_acyclic_graph(graph):
            continue
        idom = dominators(graph, flow.start)
        for located, condition in conditions(flow):
            if located.node_id not in idom:
                continue
            for path, leaf in leaves(condition, located.path):
                question = leaf.question or ""
                if question not in flow.nodes:
                    continue
                own = question == located.node_id
                if (own and not located.after_answer) or not dominated_by(
                        idom, located.node_id, question):
                    yield Finding("flow", flow.id, (*path, "question"),
                                  f"{question!r} is not answered on every path to "
                                  f"{located.node_id!r}")


@rule("OUTCOME-NO-ADVICE")
def outcome_without_advice(content: Content) -> Iterator[Finding]:
    """Every outcome gives at least one advice without a condition, so every path advises.

    PASS: an outcome with `advice: [meld-altijd]`
    FAIL: an outcome with no advice, or only conditional advice
    """
    for flow in content.flows.values():
        for node_id, node in flow.nodes.items():
            if isinstance(node, OutcomeNode) and not any(r.when is None for r in node.advice):
                yield Finding("flow", flow.id, ("nodes", node_id),
                              f"outcome {node_id!r} gives no unconditional advice")
