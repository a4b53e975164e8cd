"""Plotly figures built by plain functions (no Streamlit), so tests can inspect them.

Why plain functions: a figure is data; tests assert on its traces without a browser. (Plotly is
imported at the top: Streamlit 1.67 imports `plotly.graph_objects` itself, so a lazy import
saved nothing; measured 0 ms after `import streamlit`.) networkx is imported where a flow
map is laid out: the result page's readiness chart needs none, and a server's first pages
need not import it (issue 15).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import plotly.graph_objects as go  # type: ignore[import-untyped]

from vbestuur_engine import CompiledFlow, PhaseReadiness
from vbestuur_engine.schema import OutcomeNode
from vbestuur_service.i18n.words import MAP_KINDS, PHASE_NAMES

from .i18n import _

if TYPE_CHECKING:
    import networkx as nx

NODE_SYMBOLS = {"question": "diamond", "info": "square", "outcome": "circle"}
NODE_COLOURS = {"question": "#1f4e79", "info": "#6b7280", "outcome": "#2e7d32"}
BAR_COLOUR = "#1f4e79"


def readiness_figure(readiness: list[PhaseReadiness], lang: str) -> go.Figure:
    """Horizontal bars: per phase, the share of applicable steps done (partial counts half).

    Every phase keeps its label, also at 0% ("0%" just right of the axis, where a bar of no
    width would otherwise show nothing); incident phases say they count "weet wat te doen"."""
    labels = [_phase_label(r, lang) for r in readiness]
    percents = [round(r.score * 100) for r in readiness]
    hover = [_(
        "{phase}: {percent}% klaar ({done} gedaan, {partial} deels, {open} open)", lang,
        phase=label, percent=pct, done=r.done, partial=r.partial, open=r.open)
             for label, pct, r in zip(labels, percents, readiness, strict=True)]
    figure = go.Figure(go.Bar(x=percents, y=labels, orientation="h", marker_color=BAR_COLOUR,
                              text=[f"{p}%" for p in percents],
                              textposition=["outside" if p < 20 else "inside" for p in percents],
                              insidetextfont={"color": "#ffffff"},
                              outsidetextfont={"color": "#111111"}, cliponaxis=False,
                              hovertext=hover, hoverinfo="text"))
    figure.update_layout(xaxis={"range": [0, 100], "title": _("Klaar (%)", lang)},
                         yaxis={"autorange": "reversed", "automargin": True},
                         height=80 + 60 * len(readiness),
                         margin={"l": 10, "r": 10, "t": 10, "b": 40}, showlegend=False)
    return figure


def _phase_label(row: PhaseReadiness, lang: str) -> str:
    phase = _(PHASE_NAMES[row.phase], lang)
    return _(
        "{phase} (weet wat te doen)", lang, phase=phase) if row.measure == "prepared" else phase


def layered_positions(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Node positions in layers from the start (flows are DAGs): x within a layer, y = -depth."""
    import networkx as nx

    positions: dict[str, tuple[float, float]] = {}
    for depth, layer in enumerate(nx.topological_generations(graph)):
        ordered = sorted(layer)
        width = len(ordered)
        for index, node in enumerate(ordered):
            positions[node] = (index - (width - 1) / 2, -float(depth))
    return positions


def flow_figure(compiled: CompiledFlow, lang: str) -> go.Figure:
    """The compiled graph as a network: edges as lines, one marker trace per node type."""
    graph = compiled.graph
    positions = layered_positions(graph)
    edge_x: list[float | None] = []
    edge_y: list[float | None] = []
    for source, target in graph.edges:
        (x0, y0), (x1, y1) = positions[source], positions[target]
        edge_x += [x0, x1, None]
        edge_y += [y0, y1, None]
    traces: list[go.Scatter] = [go.Scatter(x=edge_x, y=edge_y, mode="lines", hoverinfo="skip",
                                           line={"color": "#9ca3af", "width": 1},
                                           showlegend=False)]
    for kind, symbol in NODE_SYMBOLS.items():
        nodes = [n for n, data in graph.nodes(data=True) if data.get("type") == kind]
        if nodes:
            traces.append(_node_trace(compiled, nodes, positions, kind, symbol, lang))
    figure = go.Figure(traces)
    depth = 1 + max((-y for _x, y in positions.values()), default=0)
    figure.update_layout(height=int(160 + 70 * depth), showlegend=True,
                         legend={"orientation": "h"}, xaxis={"visible": False},
                         yaxis={"visible": False},
                         margin={"l": 10, "r": 10, "t": 10, "b": 10})
    return figure


def _node_trace(compiled: CompiledFlow, nodes: list[str],
                positions: dict[str, tuple[float, float]], kind: str, symbol: str,
                lang: str) -> go.Scatter:
    return go.Scatter(
        x=[positions[n][0] for n in nodes], y=[positions[n][1] for n in nodes],
        mode="markers+text", text=nodes, textposition="top center",
        hovertext=[f"{n}: {_node_text(compiled, n, lang)}" for n in nodes], hoverinfo="text",
        marker={"symbol": symbol, "size": 16, "color": NODE_COLOURS[kind]},
        name=_(MAP_KINDS[kind], lang))


def _node_text(compiled: CompiledFlow, node_id: str, lang: str) -> str:
    node = compiled.node(node_id)
    text = node.title if isinstance(node, OutcomeNode) else node.text
    return text.get(lang)[:80]
