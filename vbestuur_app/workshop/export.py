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
from vbestuur_service.i18n.words import PHASE_NAMES, WS_FORMS, WS_VERDICTS
from vbestuur_service.localtime import format_day
from vbestuur_service.localtime import today as local_today
from vbestuur_store import StepResult, Tally, WorkshopSummary

from ..i18n import _, pgettext


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


def no_figures_line(tally: Tally, lang: str) -> str:
    """Why a step has no figures: too few answers, or not shown while the workshop runs (a
    figure appears only once it can no longer move by one vote; docs/workshop.md)."""
    if tally.respondents < tally.needed:
        return _(
            "Te weinig antwoorden ({n}, minimaal {k}): geen cijfers.", lang, n=tally.respondents,
            k=tally.needed)
    return _(
        "{n} antwoorden, nog niet getoond: de cijfers komen erin als de uitslag is getoond of "
        "de workshop is beëindigd.", lang, n=tally.respondents)


def counts_line(tally: Tally, lang: str) -> str:
    """'Ja 3 · Deels 1 · Nee 4 · Weet ik niet 0 (8 antwoorden)', or the too-few line."""
    counts = tally.counts
    if counts is None:
        return no_figures_line(tally, lang)
    return _(
        "Ja {ja} · Deels {deels} · Nee {nee} · Weet ik niet {weet} ({n} antwoorden)", lang,
        ja=counts["ja"], deels=counts["deels"], nee=counts["nee"], weet=counts["weet-niet"],
        n=tally.respondents)


def gedrag_line(tally: Tally, lang: str) -> str:
    """Per form of behaviour how many people met it, or the too-few line."""
    counts = tally.counts
    if counts is None:
        return no_figures_line(tally, lang)
    parts = [f"{_(WS_FORMS[o], lang)} {n}" for o, n in counts.items()]  # content order
    return _(
        "Meegemaakt in het afgelopen jaar ({n} antwoorden): {list}", lang, n=tally.respondents,
        list=" · ".join(parts))


def _step_title(engine: Engine, step_id: int, lang: str) -> str:
    return _(
        "Stap {number}: {title}", lang, number=step_id,
        title=engine.content.steps[step_id].title.get(lang))


def _block(engine: Engine, result: StepResult, lang: str) -> StepBlock:
    lines = [counts_line(result.geregeld, lang)]
    if result.verdict is not None:
        lines.append(pgettext(
            "export: the room's verdict",
            "Oordeel van de zaal: {verdict}", lang, verdict=_(WS_VERDICTS[result.verdict], lang)))
    if result.gedrag is not None:
        lines.append(gedrag_line(result.gedrag, lang))
    step = engine.content.steps[result.step_id]
    return StepBlock(result.step_id, _(PHASE_NAMES[step.phase], lang),
                     _step_title(engine, result.step_id, lang), tuple(lines))


def build_summary(engine: Engine, summary: WorkshopSummary, lang: str,
                  today: date | None = None) -> SummaryDocument:
    """The summary document of a workshop in `lang`."""
    meta = [_(
        "{participants} deelnemers. Cijfers alleen bij minstens {k} antwoorden per vraag, zodat "
        "niemand te herkennen is.", lang, participants=summary.participants, k=summary.k)]
    if summary.ended_at is None:
        meta.append(_("Let op: de workshop liep nog toen deze samenvatting werd gemaakt.", lang))
    made = format_day(today or local_today(), lang)
    return SummaryDocument(
        lang=lang, title=_("Workshop {code}: samenvatting", lang, code=summary.code),
        subtitle=_(
            "Veilig Bestuur · de stappen van de Leidraad Veilig Bestuur", lang
        ), made=_("Gemaakt op {date}", lang, date=made),
        meta=tuple(meta), steps=tuple(_block(engine, r, lang) for r in summary.results),
        open_steps=tuple(_step_title(engine, s, lang) for s in summary.open_steps),
        unknown_steps=tuple(_step_title(engine, s, lang) for s in summary.unknown_steps),
        footer=_("Samenvatting van anonieme antwoorden. Bij acuut gevaar: bel 112.", lang))


def to_markdown(doc: SummaryDocument) -> str:
    """The summary as Markdown, grouped by phase."""
    out = [f"# {doc.title}", "", doc.subtitle, "", doc.made, "", *doc.meta, ""]
    phase = None
    for block in doc.steps:
        if block.phase != phase:
            phase = block.phase
            out += [f"## {phase}", ""]
        out += [f"### {block.heading}", "", *(f"- {line}" for line in block.lines), ""]
    for heading, items in ((_("Open volgens de zaal", doc.lang), doc.open_steps),
                           (_("Onbekend volgens de zaal", doc.lang), doc.unknown_steps)):
        out += [f"## {heading}", ""]
        out += [f"- {item}" for item in items] or [_("Geen.", doc.lang)]
        out.append("")
    out += ["---", "", doc.footer, ""]
    return "\n".join(out)
