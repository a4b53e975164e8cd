"""Readiness per phase from a checklist, for the charts and summaries of the readiness flows.

Why a separate rule: "how ready am I" must be computed the same way in the app, the exports and
the tests. A step counts 1 when done, 0.5 when partly done, 0 when open; n.a. steps are left out.

What "done" means depends on the step. Steps that happen only during or after an incident (the
steps with cadence `per_incident`: 13–19) cannot be "done" by someone who never had one; for
them, ready means *knowing what to do and having what it takes at hand* (the procedure, the
number, the confidant). `measure` says which of the two a phase counts, so the app can word it
("u weet wat u doet" rather than "gedaan").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .schema import Owner, Step
from .walk import ChecklistItem

PHASES = ("vooraf", "tijdens", "erna")
WEIGHT = {"done": 1.0, "partial": 0.5, "open": 0.0}
# Which open steps matter most: what a person needs at hand during an incident comes first,
# then the preparation before it, then what follows after.
PRIORITY_PHASES = ("tijdens", "vooraf", "erna")
TOP_OPEN = 3

Measure = Literal["arranged", "prepared", "mixed"]


def readiness_measure(step: Step) -> Literal["arranged", "prepared"]:
    """"prepared" for incident steps (know what to do, have it ready), else "arranged"."""
    return "prepared" if step.cadence == "per_incident" else "arranged"


@dataclass(frozen=True)
class PhaseReadiness:
    """Readiness of one phase: score between 0 and 1 over the steps that apply."""

    phase: str
    applicable: int
    done: int
    partial: int
    open: int
    prepared: int = 0

    @property
    def score(self) -> float:
        if not self.applicable:
            return 1.0
        return (self.done + 0.5 * self.partial) / self.applicable

    @property
    def applies(self) -> bool:
        """False when every step of the phase is n.a. for this person (nothing to measure)."""
        return self.applicable > 0

    @property
    def measure(self) -> Measure:
        """What the score counts: arrangements made, readiness to act, or both."""
        if self.prepared == 0:
            return "arranged"
        return "prepared" if self.prepared == self.applicable else "mixed"


@dataclass(frozen=True)
class ReadinessSummary:
    """The top of a readiness result: every phase (also at 0%) and the steps to do first."""

    phases: tuple[PhaseReadiness, ...]
    top_open: tuple[ChecklistItem, ...]


def readiness_by_phase(checklist: tuple[ChecklistItem, ...]) -> list[PhaseReadiness]:
    """One `PhaseReadiness` per phase that has at least one step in the checklist, in phase
    order; a phase at 0% is returned like any other (the chart must show it)."""
    result = []
    for phase in PHASES:
        items = [i for i in checklist if i.step.phase == phase]
        if not items:
            continue
        counts = {s: sum(1 for i in items if i.status == s) for s in ("done", "partial", "open")}
        prepared = sum(1 for i in items
                       if i.status != "na" and readiness_measure(i.step) == "prepared")
        result.append(PhaseReadiness(phase, sum(counts.values()), counts["done"],
                                     counts["partial"], counts["open"], prepared))
    return result


def most_important_open(checklist: tuple[ChecklistItem, ...], count: int = TOP_OPEN,
                        actor: Owner | None = None) -> tuple[ChecklistItem, ...]:
    """The open (then partly done) steps to do first: incident readiness before preparation
    before aftercare, in guideline order; with `actor`, steps that actor owns come first
    (a raadslid's own steps before the organisation's)."""
    candidates = [i for i in checklist if i.status in ("open", "partial")]

    def priority(item: ChecklistItem) -> tuple[int, int, int, int]:
        theirs = 0 if actor is None or actor in item.step.owners else 1
        return (theirs, 0 if item.status == "open" else 1,
                PRIORITY_PHASES.index(item.step.phase), item.step.id)

    return tuple(sorted(candidates, key=priority)[:count])


def readiness_summary(checklist: tuple[ChecklistItem, ...],
                      actor: Owner | None = None) -> ReadinessSummary:
    """Score per phase and the three most important open steps, for the top of the result."""
    return ReadinessSummary(tuple(readiness_by_phase(checklist)),
                            most_important_open(checklist, TOP_OPEN, actor))
