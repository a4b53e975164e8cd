"""Readiness per phase from a checklist, for the charts of the readiness flows.

Why a separate rule: "how ready am I" must be computed the same way in the app, the exports and
the tests. A step counts 1 when done, 0.5 when partly done, 0 when open; n.a. steps are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from .walk import ChecklistItem

PHASES = ("vooraf", "tijdens", "erna")
WEIGHT = {"done": 1.0, "partial": 0.5, "open": 0.0}


@dataclass(frozen=True)
class PhaseReadiness:
    """Readiness of one phase: score between 0 and 1 over the steps that apply."""

    phase: str
    applicable: int
    done: int
    partial: int
    open: int

    @property
    def score(self) -> float:
        if not self.applicable:
            return 1.0
        return (self.done + 0.5 * self.partial) / self.applicable


def readiness_by_phase(checklist: tuple[ChecklistItem, ...]) -> list[PhaseReadiness]:
    """One `PhaseReadiness` per phase that has at least one step in the checklist."""
    result = []
    for phase in PHASES:
        items = [i for i in checklist if i.step.phase == phase]
        if not items:
            continue
        counts = {s: sum(1 for i in items if i.status == s) for s in ("done", "partial", "open")}
        result.append(PhaseReadiness(phase, sum(counts.values()), counts["done"],
                                     counts["partial"], counts["open"]))
    return result
