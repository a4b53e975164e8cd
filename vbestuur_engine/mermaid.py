"""Render a flow as a Mermaid flowchart, for reviewers, facilitators and the README.

Why text and not a picture: Mermaid renders locally in GitHub and in editors, and a reviewer can
diff it. Labels are escaped so that content text never becomes Mermaid syntax.
"""

from __future__ import annotations

from .graph import CompiledFlow, exits
from .schema import InfoNode, OutcomeNode, QuestionNode

_SHAPES = {"question": ("{{", "}}"), "info": ("[/", "/]"), "outcome": ("([", "])")}


def _label(text: str, limit: int = 60) -> str:
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return '"' + short.replace('"', "#quot;").replace("\n", " ") + '"'


def _safe_id(node_id: str) -> str:
    return "n_" + node_id.replace("-", "_")


def flow_to_mermaid(compiled: CompiledFlow, lang: str = "nl") -> str:
    """A `flowchart TD` with one shape per node type and one edge per way out."""
    flow = compiled.flow
    lines = ["flowchart TD"]
    for node_id, node in flow.nodes.items():
        left, right = _SHAPES[node.type]
        text = node.title.get(lang) if isinstance(node, OutcomeNode) else node.text.get(lang)
        lines.append(f"    {_safe_id(node_id)}{left}{_label(text)}{right}")
    for node_id, node in flow.nodes.items():
        for _path, target, label in exits(node):
            edge = _edge_label(node, label, lang)
            arrow = f" -->|{_label(edge, 30)}| " if edge else " --> "
            lines.append(f"    {_safe_id(node_id)}{arrow}{_safe_id(target)}")
    return "\n".join(lines) + "\n"


def _edge_label(node: QuestionNode | InfoNode | OutcomeNode, label: str, lang: str) -> str:
    if label == "default":
        return ""
    if label == "route":
        return "als…" if lang == "nl" else "if…"
    if isinstance(node, QuestionNode):
        from .report import option_label

        return option_label(node, label, lang)
    return label
