"""The PDF export: a printable summary to keep, print or hand to the griffie.

Why fpdf2 with a bundled DejaVu font: the core PDF fonts only know Latin-1, so ’ and € would
break, and a system font may be missing on a fresh machine. DejaVu Sans (vbestuur_app/fonts,
with its licence) is embedded as a subset; the PDF loads nothing from elsewhere. Every page
carries the footer that this is information, not legal advice, and to call 112 in acute danger.
"""

from __future__ import annotations

from fpdf import FPDF

from vbestuur_engine import Engine, Progress
from vbestuur_engine.schema import LocalValues

from .document import AdviceEntry, PhaseGroup, ResultDocument, build_document
from .labels import advice_heading, cited_steps
from .pdfbase import FAMILY, NEXT_LINE, FooterPDF

LINE = 5.5


def build_pdf(engine: Engine, progress: Progress, lang: str,
              local: LocalValues | None = None) -> bytes:
    """The PDF bytes of a walk's advice, facts and open steps."""
    return document_pdf(build_document(engine, progress, lang, local))


def document_pdf(doc: ResultDocument) -> bytes:
    """Lay out a `ResultDocument` as PDF."""
    lab = doc.labels
    pdf = FooterPDF(lab["disclaimer"], lab["page"])
    pdf.set_title(f"{lab['app']}: {doc.title}")
    pdf.set_lang(doc.lang)
    pdf.set_creator("vbestuur")
    pdf.add_page()
    _header(pdf, doc)
    _heading(pdf, lab["advice"])
    for number, item in enumerate(doc.advice, 1):
        _advice(pdf, doc, number, item)
    if not doc.advice:
        _para(pdf, lab["no_advice"])
    _heading(pdf, lab["checklist"])
    for group in doc.open_groups:
        _phase(pdf, doc, group)
    if not doc.open_groups:
        _para(pdf, lab["no_open"])
    _answers(pdf, doc)
    return bytes(pdf.output())


def _para(pdf: FPDF, text: str, size: float = 10.5, style: str = "", indent: float = 0) -> None:
    pdf.set_font(FAMILY, style, size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.epw - indent, LINE if size < 12 else size * 0.55, text, align="L",
                   **NEXT_LINE)


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    _para(pdf, text, 14, "B")
    pdf.ln(1)


def _header(pdf: FPDF, doc: ResultDocument) -> None:
    lab = doc.labels
    _para(pdf, f"{lab['app']}: {doc.title}", 18, "B")
    _para(pdf, lab["subtitle"])
    _para(pdf, f"{lab['date']}: {doc.made.isoformat()}")
    _para(pdf, f"{lab['question']}: {doc.question}")
    if doc.municipality:
        _para(pdf, f"{lab['municipality']}: {doc.municipality}")
    if not doc.complete:
        _para(pdf, lab["unfinished"], style="B")
    if doc.outcome_title:
        _heading(pdf, f"{lab['outcome']}: {doc.outcome_title}")
        if doc.outcome_text:
            _para(pdf, doc.outcome_text)


def _advice(pdf: FPDF, doc: ResultDocument, number: int, item: AdviceEntry) -> None:
    lab = doc.labels
    pdf.ln(1.5)
    _para(pdf, advice_heading(number, item.title, item.urgency, doc.lang), 11, "B")
    _para(pdf, item.text)
    cited = cited_steps(item.steps, item.step_titles, doc.lang)
    _para(pdf, f"{lab['steps']}: {cited}", 9.5, indent=4)
    for fact in item.facts:
        where = f"{fact.source}, {fact.url}" if fact.url else fact.source
        _para(pdf, f"• {fact.statement}", 9.5, indent=4)
        _para(pdf, f"{lab['source']}: {where}; {lab['checked']} {fact.checked}", 8.5, indent=8)
    if item.reasons:
        why = "; ".join(f"{q} {a}" for q, a in item.reasons)
        _para(pdf, f"{lab['why']}: {why}", 9, indent=4)


def _phase(pdf: FPDF, doc: ResultDocument, group: PhaseGroup) -> None:
    pdf.ln(1)
    _para(pdf, group.label, 12, "B")
    for step in group.steps:
        _para(pdf, f"☐ {doc.labels['step'].capitalize()} {step.id}. {step.title} "
                   f"({step.status_label})", 10.5, "B", indent=2)
        for action in step.actions:
            _para(pdf, f"• {action}", 10, indent=8)


def _answers(pdf: FPDF, doc: ResultDocument) -> None:
    if not doc.answers:
        return
    _heading(pdf, doc.labels["answers"])
    for question, answer in doc.answers:
        _para(pdf, f"{question} {answer}", 10)
