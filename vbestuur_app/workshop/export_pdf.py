"""The workshop summary as a tagged PDF/UA-1 document (the shared Typst page style).

Why the same `PdfDocument` as the result export: one readable template, the bundled font and
the footer on every page; the summary's phases, steps and lists become real headings and lists.
"""

from __future__ import annotations

from ..exports.pdfbase import PdfDocument
from ..i18n import _
from .export import SummaryDocument


def to_pdf(doc: SummaryDocument) -> bytes:
    """Lay out the summary document as PDF bytes."""
    pdf = PdfDocument(doc.title, doc.lang, doc.footer, _("pagina", doc.lang))
    pdf.heading(doc.title, 1)
    for line in (doc.subtitle, doc.made, *doc.meta):
        pdf.para(line)
    phase = None
    for block in doc.steps:
        if block.phase != phase:
            phase = block.phase
            pdf.heading(phase)
        pdf.heading(block.heading, 3)
        for line in block.lines:
            pdf.item(line, 10, indent=4)
    for heading, items in ((_("Open volgens de zaal", doc.lang), doc.open_steps),
                           (_("Onbekend volgens de zaal", doc.lang), doc.unknown_steps)):
        pdf.heading(heading)
        for item in items or (_("Geen.", doc.lang),):
            pdf.item(item, indent=2)
    return pdf.pdf()
