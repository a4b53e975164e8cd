"""The workshop summary as PDF (fpdf2, with the bundled DejaVu font).

Why the bundled font: the core PDF fonts only know Latin-1, so ‘quotes’ and ë would break; the
DejaVu Sans files under vbestuur_app/fonts are embedded as a subset and nothing is loaded from
elsewhere. The footer repeats that the answers were anonymous and to call 112 in acute danger.
"""

from __future__ import annotations

from fpdf import FPDF

from ..exports.pdfbase import FAMILY, NEXT_LINE, FooterPDF
from ..i18n import t
from .export import SummaryDocument

LINE = 6.0


def _para(pdf: FPDF, text: str, size: float = 10.5, style: str = "", indent: float = 0) -> None:
    pdf.set_font(FAMILY, style, size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.epw - indent, LINE if size < 12 else size * 0.55, text, align="L",
                   **NEXT_LINE)


def to_pdf(doc: SummaryDocument) -> bytes:
    """Lay out the summary document as PDF bytes."""
    pdf = FooterPDF(doc.footer, t("ws.export.page", doc.lang))
    pdf.set_title(doc.title)
    pdf.set_lang(doc.lang)
    pdf.set_creator("vbestuur")
    pdf.add_page()
    _para(pdf, doc.title, 18, "B")
    for line in (doc.subtitle, doc.made, *doc.meta):
        _para(pdf, line)
    phase = None
    for block in doc.steps:
        if block.phase != phase:
            phase = block.phase
            pdf.ln(3)
            _para(pdf, phase, 14, "B")
        pdf.ln(1.5)
        _para(pdf, block.heading, 11, "B")
        for line in block.lines:
            _para(pdf, f"• {line}", 10, indent=4)
    for heading, items in ((t("ws.export.open_h", doc.lang), doc.open_steps),
                           (t("ws.export.unknown_h", doc.lang), doc.unknown_steps)):
        pdf.ln(3)
        _para(pdf, heading, 14, "B")
        for item in items or (t("ws.export.none", doc.lang),):
            _para(pdf, f"• {item}", 10.5, indent=2)
    return bytes(pdf.output())
