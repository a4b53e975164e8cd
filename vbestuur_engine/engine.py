"""The engine facade: checked content plus every flow compiled once.

Why: the app and the CLI should not know how content is loaded or compiled. One `Engine` is
built per content folder (the app caches it across sessions); it is read-only after that.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from .content import Content, load_content
from .errors import UnknownFlowError
from .graph import CompiledFlow, Span, compile_flow
from .layers import ResultLayers, result_layers
from .schema import Flow, LocalValues
from .walk import Progress, RawAnswers, walk


class Engine:
    """Checked content with compiled flows; raises `ContentError` if the content is bad."""

    def __init__(self, content: Content,
                 progress: Mapping[str, Mapping[str, Span]] | None = None) -> None:
        """`progress`: each flow's questions to the end, as worked out before (cache.py)."""
        self.content = content
        known = progress or {}
        self.compiled: Mapping[str, CompiledFlow] = MappingProxyType({
            flow_id: compile_flow(flow, content.steps, content.advice, known.get(flow_id))
            for flow_id, flow in content.flows.items()})

    @classmethod
    def load(cls, root: Path | str | None = None) -> Engine:
        """Load, check and compile the content under `root` (default: this project)."""
        return cls(load_content(root))

    def flow(self, flow_id: str) -> CompiledFlow:
        """The compiled flow, or `UnknownFlowError` naming the flows that exist."""
        try:
            return self.compiled[flow_id]
        except KeyError:
            known = ", ".join(sorted(self.compiled))
            raise UnknownFlowError(f"unknown flow {flow_id!r}; known flows: {known}") from None

    def flows_for(self, door: str) -> list[Flow]:
        """The flows behind one door of the home page, in file-name order."""
        return [c.flow for c in self.compiled.values() if c.flow.door == door]

    def walk(self, flow_id: str, answers: RawAnswers) -> Progress:
        """Walk one flow with the given answers."""
        return walk(self.flow(flow_id), answers)

    def layers(self, progress: Progress) -> ResultLayers:
        """The walk's advice in the result's layers, with the numbers to call."""
        return result_layers(progress, self.content.facts)

    def local_values(self, name: str | None) -> LocalValues | None:
        """A municipality's own values by file name (rules/local/NAME.yaml), if any."""
        return self.content.local.get(name) if name else None
