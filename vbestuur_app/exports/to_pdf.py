"""The PDF export: a printable summary to keep, print or hand to the griffie.

Why a tagged PDF/UA-1 document: a screen reader must find the headings, lists and reading order
(EN 301 549 §10), so the layout is the Typst template behind `pdfbase.PdfDocument`, which embeds
the bundled DejaVu font and loads nothing from elsewhere. Every page carries the footer that this
is information, not legal advice, and to call 112 in acute danger.
"""

from __future__ import annotations

from vbestuur_engine import Engine, Progress
from vbestuur_engine.schema import LocalValues

from .document import AdviceEntry, PhaseGroup, ResultDocument, build_document
from .labels import advice_heading, cited_steps
from .pdfbase import PdfDocument


def build_pdf(engine: Engine, progress: Progress, lang: str,
              local: LocalValues | None = None) -> bytes:
    """The PDF bytes of a walk's advice, facts and open steps."""
    return document_pdf(build_document(engine, progress, lang, local))


def document_pdf(doc: ResultDocument) -> bytes:
    """Lay out a `ResultDocument` as PDF."""
    lab = doc.labels
    pdf = PdfDocument(f"{lab['app']}: {doc.title}", doc.lang, lab["disclaimer"], lab["page"])
    _header(pdf, doc)
    pdf.heading(lab["advice"])
    for number, item in enumerate(doc.advice, 1):
        _advice(pdf, doc, number, item)
    if not doc.advice:
        pdf.para(lab["no_advice"])
    pdf.heading(lab["checklist"])
    for group in doc.open_groups:
        _phase(pdf, doc, group)
    if not doc.open_groups:
        pdf.para(lab["no_open"])
    _answers(pdf, doc)
    return pdf.pdf()


def _header(pdf: PdfDocument, doc: ResultDocument) -> None:
    lab = doc.labels
    pdf.heading(f"{lab['app']}: {doc.title}", 1)
    pdf.para(lab["subtitle"])
    pdf.para(f"{lab['date']}: {doc.made_text}")
    pdf.para(f"{lab['question']}: {doc.question}")
    if doc.municipality:
        pdf.para(f"{lab['municipality']}: {doc.municipality}")
    if not doc.complete:
        pdf.para(lab["unfinished"], bold=True)
    if doc.outcome_title:
        pdf.heading(f"{lab['outcome']}: {doc.outcome_title}")
        if doc.outcome_text:
            pdf.para(doc.outcome_text)


def _advice(pdf: PdfDocument, doc: ResultDocument, number: int, item: AdviceEntry) -> None:
    lab = doc.labels
    pdf.heading(advice_heading(number, item.title, item.urgency, doc.lang), 3)
    pdf.para(item.text)
    cited = cited_steps(item.steps, item.step_titles, doc.lang)
    pdf.para(f"{lab['steps']}: {cited}", 9.5, indent=4)
    for fact in item.facts:
        where = f"{fact.source}, {fact.url}" if fact.url else fact.source
        pdf.item(fact.statement, 9.5, indent=4)
        pdf.para(f"{lab['source']}: {where}; {lab['checked']} {fact.checked}", 8.5, indent=8)
    if item.reasons:
        why = "; ".join(f"{q} {a}" for q, a in item.reasons)
        pdf.para(f"{lab['why']}: {why}", 9, indent=4)


def _phase(pdf: PdfDocument, doc: ResultDocument, group: PhaseGroup) -> None:
    pdf.heading(group.label, 3)
    for step in group.steps:
        pdf.para(f"☐ {doc.labels['step'].capitalize()} {step.id}. {step.title} "
                 f"({step.status_label})", bold=True, indent=2)
        for action in step.actions:
            pdf.item(action, 10, indent=8)


def _answers(pdf: PdfDocument, doc: ResultDocument) -> None:
    if not doc.answers:
        return
    pdf.heading(doc.labels["answers"])
    for question, answer in doc.answers:
        pdf.para(f"{question} {answer}", 10)
