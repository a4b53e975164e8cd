"""The registry of content checks: small named rules, each documented with examples.

Why a registry (as yamllint has): every rule has a stable id that appears in each problem, a
docstring that is its user documentation (a passing and a failing example), and can be tested
alone. Parse-phase rules (syntax, keys, types) are raised by the loader and the schema; they are
registered here too, so that `docs/rules.md` lists every rule an author can meet.
"""

from __future__ import annotations

from . import (  # noqa: F401  (registration)
    graph_rules,
    layer_rules,
    parse_rules,
    ref_rules,
    text_rules,
)
from .registry import RULES, Finding, Rule, run_checks

__all__ = ["RULES", "Finding", "Rule", "run_checks"]
