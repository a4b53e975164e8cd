"""Compile a flow into a networkx graph, once, and share it read-only.

Why: checks (reachability, cycles, dominators) and the walk both need the flow as a graph. The
compiled form is immutable (a frozen DiGraph plus lookup tables), so one instance can serve every
user of the app and be cached across sessions.

Why networkx is imported where a graph is built: a walk needs only the lookup tables, and
content loaded from its cache (cache.py) brings the progress figures along, so a server can
draw its first question without importing networkx (issue 15); the graph itself is built on
first use (the flow maps, the checks).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

from .schema import Advice, Flow, InfoNode, Node, OutcomeNode, QuestionNode, Step

if TYPE_CHECKING:
    import networkx as nx

Span = tuple[int, int]


def exits(node: Node) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """Every way out of a node as (path inside the node, target node id, edge label)."""
    if isinstance(node, OutcomeNode):
        return
    if isinstance(node, QuestionNode):
        for index, option in enumerate(node.options):
            if option.next is not None:
                yield ("options", index, "next"), option.next, option.value
    for index, route in enumerate(node.routes):
        yield ("routes", index, "next"), route.next, "route"
    if node.next is not None:
        yield ("next",), node.next, "default"


def build_graph(flow: Flow) -> nx.DiGraph:
    """A mutable DiGraph of the flow; edges to unknown nodes are left out (checks report them)."""
    import networkx as nx

    graph: nx.DiGraph = nx.DiGraph()
    for node_id, node in flow.nodes.items():
        graph.add_node(node_id, type=node.type)
    for node_id, node in flow.nodes.items():
        for _path, target, label in exits(node):
            if target in flow.nodes:
                labels = graph.edges[node_id, target]["labels"] if graph.has_edge(
                    node_id, target) else ()
                graph.add_edge(node_id, target, labels=(*labels, label))
    return graph


def dominators(graph: nx.DiGraph, start: str) -> Mapping[str, str]:
    """Immediate dominator of every node reachable from `start`; the start is its own.

    networkx 3.6 left the start out of the result (older versions mapped it to itself), which
    made GUARD-UNANSWERED skip every condition on the first question; it is put back here.
    """
    import networkx as nx

    idom: dict[str, str] = dict(nx.immediate_dominators(graph, start))
    idom[start] = start
    return idom


def dominated_by(idom: Mapping[str, str], node: str, candidate: str) -> bool:
    """True if every path from the start to `node` passes `candidate` (or they are equal)."""
    current = node
    while True:
        if current == candidate:
            return True
        parent = idom.get(current)
        if parent is None or parent == current:
            return False
        current = parent


@dataclass(frozen=True)
class CompiledFlow:
    """A validated flow with precomputed per-node facts, and its frozen graph on first use."""

    flow: Flow
    questions_to_end: Mapping[str, Span]
    steps: Mapping[int, Step]
    advice: Mapping[str, Advice]

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The flow as a frozen DiGraph (built when first asked for: see the module docstring)."""
        import networkx as nx

        return nx.freeze(build_graph(self.flow))

    @property
    def id(self) -> str:
        return self.flow.id

    def node(self, node_id: str) -> Node:
        return self.flow.nodes[node_id]

    @cached_property
    def question_ids(self) -> frozenset[str]:
        return frozenset(k for k, n in self.flow.nodes.items() if isinstance(n, QuestionNode))

    @cached_property
    def condition_questions(self) -> frozenset[str]:
        """Questions that some route or conditional advice looks at."""
        from .flowparts import conditions, leaves

        return frozenset(leaf.question or "" for located, cond in conditions(self.flow)
                         for _path, leaf in leaves(cond, located.path))

    @cached_property
    def terms_before_result(self) -> bool:
        """Whether a question or info text of this flow has an open term (`{term:...}`).

        Why: before the result a screen shows only such texts and the advice reached so far,
        so without either it looks the same with or without the municipality's values, and
        the app need not open its database for them (issue 15; store_views/local.py)."""
        from .text import terms_in

        return any(terms_in(node) for node in self.flow.nodes.values()
                   if not isinstance(node, OutcomeNode))

    @cached_property
    def option_values(self) -> Mapping[str, frozenset[str]]:
        return MappingProxyType({
            k: frozenset(o.value for o in n.options)
            for k, n in self.flow.nodes.items() if isinstance(n, QuestionNode)})


def compile_flow(flow: Flow, steps: Mapping[int, Step], advice: Mapping[str, Advice],
                 questions_to_end: Mapping[str, Span] | None = None) -> CompiledFlow:
    """Compile a flow that has passed the checks (a DAG), with its progress figures (given,
    from the cache; or worked out on its graph).

    The compiled flow keeps the steps and advice it may show, so a walk needs nothing else.
    """
    if questions_to_end is not None:
        return CompiledFlow(flow, MappingProxyType(dict(questions_to_end)), steps, advice)
    import networkx as nx

    graph = nx.freeze(build_graph(flow))
    compiled = CompiledFlow(flow, MappingProxyType(_questions_to_end(flow, graph)), steps, advice)
    compiled.__dict__["graph"] = graph  # where `cached_property` keeps it: not built twice
    return compiled


def _questions_to_end(flow: Flow, graph: nx.DiGraph) -> dict[str, Span]:
    """Fewest and most questions from each node to an outcome (for a progress indicator)."""
    import networkx as nx

    result: dict[str, Span] = {}
    for node_id in reversed(list(nx.topological_sort(graph))):
        node = flow.nodes[node_id]
        own = 1 if isinstance(node, QuestionNode) else 0
        after = [result[s] for s in graph.successors(node_id)]
        if not after:
            result[node_id] = (own, own)
        else:
            result[node_id] = (own + min(a[0] for a in after), own + max(a[1] for a in after))
    return result


__all__ = ["CompiledFlow", "InfoNode", "build_graph", "compile_flow", "dominated_by",
           "dominators", "exits"]
