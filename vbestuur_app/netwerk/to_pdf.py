"""The netwerklijst as a one-page PDF, for the wallet or the fridge.

Why one page, always: a list on the fridge that continues on a second sheet is a list with
numbers missing. The layout is tried at decreasing sizes, then without notes, and at last with
every row on one line (text shortened with "…"); 50 rows fit that last layout on A4. Why the
bundled DejaVu font: Dutch characters (ë, ï, é, ’) stay intact and the text stays extractable,
on any machine. Everything a person typed is drawn as plain text; nothing is interpreted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from vbestuur_engine.netwerklijst import NetworkList, NetworkRow

from ..exports.pdfbase import FAMILY, FooterPDF
from .labels import display_name, kind_label, label

PHONE_WIDTH = 48.0
MARGIN = 14.0
FOOTER = 14.0


@dataclass(frozen=True)
class Layout:
    """One attempt at fitting the list: font size, with or without notes, one line per row."""

    size: float
    notes: bool = True
    one_line: bool = False

    @property
    def line(self) -> float:
        return self.size * 0.48


LAYOUTS = (Layout(10.5), Layout(9.5), Layout(8.5), Layout(7.5), Layout(8.5, notes=False),
           Layout(7.5, notes=False), Layout(7, notes=False, one_line=True))


def build_pdf(network: NetworkList, lang: str, today: dt.date | None = None) -> bytes:
    """The PDF bytes: the first layout that fits one A4 page."""
    pdf = _render(network, lang, today or dt.date.today(), LAYOUTS[0])
    for layout in LAYOUTS[1:]:
        if pdf.page_no() == 1:
            break
        pdf = _render(network, lang, today or dt.date.today(), layout)
    return bytes(pdf.output())


def _render(network: NetworkList, lang: str, today: dt.date, layout: Layout) -> FPDF:
    pdf = FooterPDF(label("nw.x.footer", lang), margin=MARGIN, footer_height=FOOTER,
                    footer_style="B", footer_size=8.5, break_margin=FOOTER + 2)
    pdf.set_title(label("nw.x.title", lang))
    pdf.set_lang(lang)
    pdf.set_creator("vbestuur")
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 16)
    pdf.cell(0, 8, label("nw.x.title", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 8.5)
    made = label("nw.x.made", lang, date=today.strftime("%d-%m-%Y"))
    pdf.cell(0, 4.5, f"{label('nw.x.subtitle', lang)} · {made}", new_x=XPos.LMARGIN,
             new_y=YPos.NEXT)
    pdf.ln(2)
    for row in network.rows:
        if pdf.page_no() > 1:
            break  # does not fit: the caller tries the next layout
        _row(pdf, row, lang, layout)
    return pdf


def _row(pdf: FPDF, row: NetworkRow, lang: str, layout: Layout) -> None:
    """One contact: name and kind, the number on the right; role and note below."""
    top = pdf.get_y()
    text_width = pdf.epw - PHONE_WIDTH
    title = f"{display_name(row.name, row.role, lang)} · {kind_label(row.kind, lang)}"
    role = row.role if row.name else ""
    note = row.note if layout.notes else ""
    phone = row.phone or f"({label('nw.no_phone', lang)})"
    if layout.one_line:
        _line(pdf, f"{title}: {role}" if role else title, text_width, layout, "B")
    else:
        _block(pdf, title, text_width, layout.size, "B", layout.line)
        for text, scale in ((role, 0.9), (note, 0.8)):
            if text:
                _block(pdf, text, text_width, layout.size * scale, "", layout.line * scale)
    bottom = pdf.get_y()
    if pdf.page_no() == 1 and bottom > top:
        pdf.set_xy(pdf.l_margin + text_width, top)
        pdf.set_font(FAMILY, "B" if row.phone else "", layout.size if row.phone else
                     layout.size * 0.85)
        pdf.cell(PHONE_WIDTH, layout.line, phone, align="R")
        pdf.set_xy(pdf.l_margin, bottom)
    pdf.ln(layout.line * 0.35)


def _block(pdf: FPDF, text: str, width: float, size: float, style: str, line: float) -> None:
    pdf.set_font(FAMILY, style, size)
    pdf.set_x(pdf.l_margin)
    pdf.multi_cell(width - 2, line, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _line(pdf: FPDF, text: str, width: float, layout: Layout, style: str) -> None:
    """A single line, shortened with "…" until it fits the width."""
    pdf.set_font(FAMILY, style, layout.size)
    room = width - 2
    if pdf.get_string_width(text) > room:
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if pdf.get_string_width(text[:middle] + "…") <= room:
                low = middle
            else:
                high = middle - 1
        text = text[:low] + "…"
    pdf.set_x(pdf.l_margin)
    pdf.cell(room, layout.line, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
