"""One plain "result document" that every export format renders.

Why: Markdown, CSV and PDF must say exactly the same thing; only the layout differs. So the
content is rendered here once (language chosen, `{term:x}` filled in with the municipality's own
values) into frozen dataclasses of plain strings and numbers, and each format only lays it out.
Advice text and citations come from `vbestuur_engine.report.advice_list`, the same view the
CLI prints, so the app's exports and `vbestuur advise` never drift apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from vbestuur_engine import Engine, Progress, render
from vbestuur_engine.conditions import Answer
from vbestuur_engine.readiness import PHASES
from vbestuur_engine.report import advice_list, option_label
from vbestuur_engine.schema import LocalValues, OutcomeNode, QuestionNode, Step
from vbestuur_engine.walk import AdviceHit, ChecklistItem
from vbestuur_service.i18n import supported
from vbestuur_service.localtime import format_day
from vbestuur_service.localtime import today as local_today

from .labels import labels, phase_label, status_label


@dataclass(frozen=True)
class FactEntry:
    """An external fact behind an advice, with where it comes from and when it was checked."""

    id: str
    statement: str
    source: str
    url: str | None
    checked: str
    confidence: str


@dataclass(frozen=True)
class AdviceEntry:
    """One advice, rendered, with the guideline steps it cites and why it was given."""

    id: str
    title: str | None
    text: str
    steps: tuple[int, ...]
    step_titles: tuple[str, ...]
    urgency: str
    facts: tuple[FactEntry, ...]
    reasons: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class StepEntry:
    """A guideline step of the checklist with its status and concrete actions."""

    id: int
    title: str
    phase: str
    status: str
    status_label: str
    actions: tuple[str, ...]


@dataclass(frozen=True)
class PhaseGroup:
    """The open (or partly done) steps of one phase, in step order."""

    phase: str
    label: str
    steps: tuple[StepEntry, ...]


@dataclass(frozen=True)
class ResultDocument:
    """Everything an export shows, already in one language."""

    lang: str
    labels: dict[str, str]
    flow_id: str
    title: str
    question: str
    made: dt.date
    municipality: str | None
    complete: bool
    outcome_title: str | None
    outcome_text: str | None
    answers: tuple[tuple[str, str], ...]
    advice: tuple[AdviceEntry, ...]
    checklist: tuple[StepEntry, ...]
    open_groups: tuple[PhaseGroup, ...]

    @property
    def made_text(self) -> str:
        """The date made, written out by Babel in the document's language ("2 mei 2026")."""
        return format_day(self.made, self.lang)


def build_document(engine: Engine, progress: Progress, lang: str,
                   local: LocalValues | None = None,
                   today: dt.date | None = None) -> ResultDocument:
    """Render a walk into a `ResultDocument` (`today` is for tests; default: today's date)."""
    lang = supported(lang)
    compiled = engine.flow(progress.flow_id)
    outcome = compiled.node(progress.outcome) if progress.outcome else None
    terms = engine.content.terms
    checklist = tuple(_step_entry(item, lang, engine, local) for item in progress.checklist)
    out_title = out_text = None
    if isinstance(outcome, OutcomeNode):
        out_title = render(outcome.title, lang, terms, local)
        out_text = render(outcome.text, lang, terms, local) or None
    return ResultDocument(
        lang=lang, labels=dict(labels(lang)), flow_id=progress.flow_id,
        title=compiled.flow.title.get(lang), question=compiled.flow.question.get(lang),
        made=today or local_today(),
        municipality=local.municipality if local is not None else None,
        complete=progress.complete, outcome_title=out_title, outcome_text=out_text,
        answers=tuple(_answer_pair(engine, progress.flow_id, q, a, lang)
                      for q, a in progress.answers.items()),
        advice=_advice_entries(engine, progress, lang, local),
        checklist=checklist, open_groups=_open_groups(checklist, lang))


def _advice_entries(engine: Engine, progress: Progress, lang: str,
                    local: LocalValues | None) -> tuple[AdviceEntry, ...]:
    """Advice in the engine's order (most urgent first), text as the CLI renders it."""
    plain = advice_list(progress, engine.content, lang, local)
    return tuple(_advice_entry(engine, progress.flow_id, hit, item, lang, local)
                 for hit, item in zip(progress.advice, plain, strict=True))


def _advice_entry(engine: Engine, flow_id: str, hit: AdviceHit, item: dict[str, Any],
                  lang: str, local: LocalValues | None) -> AdviceEntry:
    content = engine.content
    steps = tuple(int(s) for s in item["steps"])
    title = render(hit.advice.title, lang, content.terms, local) or None
    return AdviceEntry(
        id=item["id"], title=title, text=item["text"], steps=steps,
        step_titles=tuple(_step_title(content.steps.get(s), lang) for s in steps),
        urgency=hit.advice.urgency,
        facts=tuple(_fact_entry(engine, f, lang, local) for f in item["facts"]),
        reasons=tuple(_answer_pair(engine, flow_id, q, a, lang) for q, a in hit.reasons))


def _step_title(step: Step | None, lang: str) -> str:
    return step.title.get(lang) if step is not None else ""


def _fact_entry(engine: Engine, fact_id: str, lang: str,
                local: LocalValues | None) -> FactEntry:
    fact = engine.content.facts[fact_id]
    return FactEntry(id=fact.id,
                     statement=render(fact.statement, lang, engine.content.terms, local),
                     source=fact.source.title, url=fact.source.url, checked=fact.checked,
                     confidence=fact.confidence)


def _answer_pair(engine: Engine, flow_id: str, question: str, answer: Answer,
                 lang: str) -> tuple[str, str]:
    """(question text, answer label(s)) — what the person saw, not the internal ids."""
    node = engine.flow(flow_id).flow.nodes.get(question)
    values = [answer] if isinstance(answer, str) else list(answer)
    if not isinstance(node, QuestionNode):
        return question, ", ".join(str(v) for v in values)
    return node.text.get(lang), ", ".join(option_label(node, str(v), lang) for v in values)


def _step_entry(item: ChecklistItem, lang: str, engine: Engine,
                local: LocalValues | None) -> StepEntry:
    terms = engine.content.terms
    step = item.step
    return StepEntry(id=step.id, title=render(step.title, lang, terms, local), phase=step.phase,
                     status=item.status, status_label=status_label(item.status, lang),
                     actions=tuple(render(a, lang, terms, local) for a in step.actions))


def _open_groups(checklist: tuple[StepEntry, ...], lang: str) -> tuple[PhaseGroup, ...]:
    """Open and partly done steps per phase, phases in guideline order, empty phases left out."""
    groups = []
    for phase in PHASES:
        steps = tuple(s for s in checklist if s.phase == phase and s.status in ("open", "partial"))
        if steps:
            groups.append(PhaseGroup(phase, phase_label(phase, lang), steps))
    return tuple(groups)
