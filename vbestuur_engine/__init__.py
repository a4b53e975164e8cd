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
from .readiness import PhaseReadiness, readiness_by_phase
from .text import render
from .walk import AdviceHit, ChecklistItem, Progress, walk

__all__ = [
    "AdviceHit",
    "ChecklistItem",
    "CompiledFlow",
    "Content",
    "ContentError",
    "Engine",
    "InvalidAnswerError",
    "PhaseReadiness",
    "Problem",
    "Progress",
    "UnknownFlowError",
    "UnknownQuestionError",
    "VbestuurError",
    "check_content",
    "compile_flow",
    "load_content",
    "readiness_by_phase",
    "render",
    "walk",
]
