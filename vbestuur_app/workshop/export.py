"""The workshop summary as a document (per step: figures or "too few answers"), and Markdown.

Why one document for both formats: the Markdown and the PDF must show the same figures, which
must equal the stored votes (a test compares them). Both come from the store's
`WorkshopSummary`, whose tallies are already hidden below k, so the export cannot show what the
presenter view could not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vbestuur_engine import Engine
from vbestuur_service.localtime import format_day
from vbestuur_service.localtime import today as local_today
from vbestuur_store import StepResult, Tally, WorkshopSummary

from ..i18n import t


@dataclass(frozen=True)
class StepBlock:
    """One step of the summary: heading, and lines of figures or of "too few answers"."""

    step_id: int
    phase: str
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class SummaryDocument:
    """Everything both export formats print, already in the chosen language."""

    lang: str
    title: str
    subtitle: str
    made: str
    meta: tuple[str, ...]
    steps: tuple[StepBlock, ...]
    open_steps: tuple[str, ...]
    unknown_steps: tuple[str, ...]
    footer: str


def counts_line(tally: Tally, lang: str) -> str:
    """'Ja 3 · Deels 1 · Nee 4 · Weet ik niet 0 (8 antwoorden)', or the too-few line."""
    counts = tally.counts
    if counts is None:
        return t("ws.export.too_few", lang, n=tally.respondents, k=tally.needed)
    return t("ws.export.counts", lang, ja=counts["ja"], deels=counts["deels"],
             nee=counts["nee"], weet=counts["weet-niet"], n=tally.respondents)


def gedrag_line(tally: Tally, lang: str) -> str:
    """Per form of behaviour how many people met it, or the too-few line."""
    counts = tally.counts
    if counts is None:
        return t("ws.export.too_few", lang, n=tally.respondents, k=tally.needed)
    parts = [f"{t(f'ws.form.{o}', lang)} {n}" for o, n in counts.items()]  # content order
    return t("ws.export.gedrag", lang, n=tally.respondents, list=" · ".join(parts))


def _step_title(engine: Engine, step_id: int, lang: str) -> str:
    return t("ws.screen.step", lang, number=step_id,
             title=engine.content.steps[step_id].title.get(lang))


def _block(engine: Engine, result: StepResult, lang: str) -> StepBlock:
    lines = [counts_line(result.geregeld, lang)]
    if result.verdict is not None:
        lines.append(t("ws.export.verdict", lang, verdict=t(f"ws.verdict.{result.verdict}",
                                                            lang)))
    if result.gedrag is not None:
        lines.append(gedrag_line(result.gedrag, lang))
    step = engine.content.steps[result.step_id]
    return StepBlock(result.step_id, t(f"phase.{step.phase}", lang),
                     _step_title(engine, result.step_id, lang), tuple(lines))


def build_summary(engine: Engine, summary: WorkshopSummary, lang: str,
                  today: date | None = None) -> SummaryDocument:
    """The summary document of a workshop in `lang`."""
    meta = [t("ws.export.meta", lang, participants=summary.participants, k=summary.k)]
    if summary.ended_at is None:
        meta.append(t("ws.export.running", lang))
    made = format_day(today or local_today(), lang)
    return SummaryDocument(
        lang=lang, title=t("ws.export.title", lang, code=summary.code),
        subtitle=t("ws.export.subtitle", lang), made=t("ws.export.made", lang, date=made),
        meta=tuple(meta), steps=tuple(_block(engine, r, lang) for r in summary.results),
        open_steps=tuple(_step_title(engine, s, lang) for s in summary.open_steps),
        unknown_steps=tuple(_step_title(engine, s, lang) for s in summary.unknown_steps),
        footer=t("ws.export.footer", lang))


def to_markdown(doc: SummaryDocument) -> str:
    """The summary as Markdown, grouped by phase."""
    out = [f"# {doc.title}", "", doc.subtitle, "", doc.made, "", *doc.meta, ""]
    phase = None
    for block in doc.steps:
        if block.phase != phase:
            phase = block.phase
            out += [f"## {phase}", ""]
        out += [f"### {block.heading}", "", *(f"- {line}" for line in block.lines), ""]
    for heading, items in ((t("ws.export.open_h", doc.lang), doc.open_steps),
                           (t("ws.export.unknown_h", doc.lang), doc.unknown_steps)):
        out += [f"## {heading}", ""]
        out += [f"- {item}" for item in items] or [t("ws.export.none", doc.lang)]
        out.append("")
    out += ["---", "", doc.footer, ""]
    return "\n".join(out)
