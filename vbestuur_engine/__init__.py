"""vbestuur_engine: the pure-Python core of vbestuur (never imports Streamlit).

Pipeline: `loader` (hardened YAML with positions) -> `schema` (pydantic models) -> `checks`
(named rules) -> `graph` (compiled networkx DiGraph) -> `walk` (path, advice, checklist).
"""

from .content import Content, check_content, load_content
from .engine import Engine
from .errors import (
    ContentError,
    InvalidAnswerError,
    Problem,
    UnknownFlowError,
    UnknownQuestionError,
    VbestuurError,
)
from .graph import CompiledFlow, compile_flow
from .layers import Call, Layer, LayerItem, ResultLayers, result_layers
from .phone import phone_e164
from .readiness import PhaseReadiness, ReadinessSummary, readiness_by_phase, readiness_summary
from .text import render
from .walk import AdviceHit, ChecklistItem, Progress, walk

__all__ = [
    "AdviceHit",
    "Call",
    "ChecklistItem",
    "CompiledFlow",
    "Content",
    "ContentError",
    "Engine",
    "InvalidAnswerError",
    "Layer",
    "LayerItem",
    "PhaseReadiness",
    "Problem",
    "Progress",
    "ReadinessSummary",
    "ResultLayers",
    "UnknownFlowError",
    "UnknownQuestionError",
    "VbestuurError",
    "check_content",
    "compile_flow",
    "load_content",
    "phone_e164",
    "readiness_by_phase",
    "readiness_summary",
    "render",
    "result_layers",
    "walk",
]
