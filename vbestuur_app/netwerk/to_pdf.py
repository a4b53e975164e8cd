"""The netwerklijst as a one-page tagged PDF (PDF/UA-1), for the wallet or the fridge.

Why one page, always: a list on the fridge that continues on a second sheet is a list with
numbers missing. The layout is tried at decreasing sizes, then without notes, and at last with
every row on one line (text shortened with "…"); 50 rows fit that last layout on A4. Why the
shared Typst template: Dutch characters (ë, ï, é, ’) stay intact, the text is extractable and
tagged, on any machine. Everything a person typed goes in as data; nothing is interpreted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vbestuur_engine.netwerklijst import NetworkList, NetworkRow
from vbestuur_service.i18n import _
from vbestuur_service.localtime import format_day
from vbestuur_service.localtime import today as local_today

from ..exports.pdfbase import PdfDocument, page_count
from .labels import display_name, kind_label

MARGIN = 14.0
TEXT_WIDTH_PT = 380.0  # A4 minus the margins minus the number column, in points
CHAR_WIDTH_EM = 0.62  # DejaVu Sans, a generous average (capitals are wide)


@dataclass(frozen=True)
class Layout:
    """One attempt at fitting the list: font size, with or without notes, one line per row."""

    size: float
    notes: bool = True
    one_line: bool = False


LAYOUTS = (Layout(10.5), Layout(9.5), Layout(8.5), Layout(7.5), Layout(8.5, notes=False),
           Layout(7.5, notes=False), Layout(7, notes=False, one_line=True))


def build_pdf(network: NetworkList, lang: str, today: dt.date | None = None) -> bytes:
    """The PDF bytes: the first layout that fits one A4 page."""
    day = today or local_today()
    pdf = _render(network, lang, day, LAYOUTS[0])
    for layout in LAYOUTS[1:]:
        if page_count(pdf) == 1:
            break
        pdf = _render(network, lang, day, layout)
    return pdf


def _render(network: NetworkList, lang: str, today: dt.date, layout: Layout) -> bytes:
    doc = PdfDocument(_("Mijn netwerklijst", lang), lang, _(
        "Bel 112 bij acuut gevaar. Controleer deze lijst elk jaar en bij een nieuwe termijn.",
        lang),
                      size=layout.size, margin=MARGIN, footer_bold=True)
    doc.heading(_("Mijn netwerklijst", lang), 1)
    made = _("Gemaakt op {date}", lang, date=format_day(today, lang))
    subtitle_text = _("Veilig Bestuur · stap 6 van de Leidraad Veilig Bestuur", lang)
    doc.para(f"{subtitle_text} · {made}", 8.5)
    for row in network.rows:
        _row(doc, row, lang, layout)
    return doc.pdf()


def _row(doc: PdfDocument, row: NetworkRow, lang: str, layout: Layout) -> None:
    """One contact: name and kind, the number on the right; role and note below."""
    title = f"{display_name(row.name, row.role, lang)} · {kind_label(row.kind, lang)}"
    role = row.role if row.name else ""
    no_phone_text = _("nummer nog invullen", lang)
    phone = row.phone or f"({no_phone_text})"
    if layout.one_line:
        doc.row(shorten(f"{title}: {role}" if role else title, layout.size), phone, bold=True)
        return
    doc.row(title, phone, bold=True)
    if role:
        doc.para(role, layout.size * 0.9)
    if row.note and layout.notes:
        doc.para(row.note, layout.size * 0.8)


def shorten(text: str, size: float) -> str:
    """Text cut with "…" so it fits one line of the text column at `size` points."""
    room = int(TEXT_WIDTH_PT / (size * CHAR_WIDTH_EM))
    return text if len(text) <= room else text[:room - 1] + "…"
