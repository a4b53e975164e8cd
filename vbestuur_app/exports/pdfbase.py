"""The one PDF page style every export uses: A4, the bundled DejaVu font, a footer line.

Why shared: the result, the organisation view, the workshop summary and the netwerklijst all
print Dutch text (ë, ï, é, ’, €) that the PDF core fonts cannot encode, and nothing may be
fetched from elsewhere; the font files under vbestuur_app/fonts are embedded as a subset.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVu"
NEXT_LINE: dict[str, Any] = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}


class FooterPDF(FPDF):
    """An A4 document with the bundled font and `footer_text` (plus page numbers when a
    `page_word` is given) at the bottom of every page."""

    def __init__(self, footer_text: str, page_word: str | None = None, *,
                 margin: float = 18, footer_height: float = 14, footer_style: str = "",
                 footer_size: float = 8, break_margin: float | None = None) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.footer_text, self.page_word = footer_text, page_word
        self.footer_height, self.footer_style = footer_height, footer_style
        self.footer_size = footer_size
        self.add_font(FAMILY, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(margin, margin, margin)
        margin_below = footer_height + 6 if break_margin is None else break_margin
        self.set_auto_page_break(auto=True, margin=margin_below)

    def footer(self) -> None:
        self.set_y(-self.footer_height)
        self.set_font(FAMILY, self.footer_style, self.footer_size)
        text = self.footer_text
        if self.page_word:
            text += f"   ({self.page_word} {self.page_no()}/{{nb}})"
        self.cell(0, 4, text, align="C")
