"""The one PDF page style every export uses: tagged PDF/UA-1 from a readable Typst template.

Why Typst (the `typst` wheel, no system libraries): fpdf2 could not tag text, so screen readers
got no structure. `templates/document.typ` lays out a list of plain blocks (heading, paragraph,
list item, a row with a number on the right); the builders only fill that list. Every text goes
in as JSON data (`sys.inputs`), never as markup, so user text cannot become Typst code. The
bundled DejaVu Sans (vbestuur_app/fonts) is the only font: system fonts are ignored and nothing
is fetched. Typst sets the document language and title, DisplayDocTitle and the XMP identifier.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

import typst

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
TEMPLATES = Path(__file__).resolve().parent / "templates"
STANDARD: Final[Literal["ua-1"]] = "ua-1"
MISSING_GLYPH = re.compile(r'the text `"(.*?)"` could not be displayed')
REPLACEMENT = "\ufffd"
MAX_RETRIES = 25
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


@dataclass
class PdfDocument:
    """A document in one language: title, footer, and the blocks in reading order."""

    title: str
    lang: str
    footer: str
    page_word: str | None = None
    size: float = 10.5
    margin: float = 18
    footer_bold: bool = False
    blocks: list[dict[str, Any]] = field(default_factory=list)

    def heading(self, text: str, level: int = 2) -> None:
        """A real heading (tagged H1…H4), so the outline and screen readers see it.

        PDF/UA-1 refuses an empty heading, a first heading below H1 and a skipped level, so
        the level is kept to at most one below the previous heading and empty text becomes a
        paragraph: a document is always made, whatever text it is given."""
        if not text.strip():
            self.para(text, bold=True)
            return
        last = next((b["level"] for b in reversed(self.blocks) if b["kind"] == "heading"), 0)
        level = max(1, min(level, last + 1, 4)) if last else 1
        self.blocks.append({"kind": "heading", "text": text, "level": level})

    def para(self, text: str, size: float | None = None, bold: bool = False,
             indent: float = 0) -> None:
        """A paragraph; `indent` in millimetres."""
        self.blocks.append({"kind": "para", "text": text, "size": size or self.size,
                            "bold": bold, "indent": indent})

    def item(self, text: str, size: float | None = None, indent: float = 0) -> None:
        """A list item (tagged L/LI, with the bullet as its label)."""
        self.blocks.append({"kind": "item", "text": text, "size": size or self.size,
                            "bold": False, "indent": indent})

    def row(self, text: str, right: str, size: float | None = None, bold: bool = False) -> None:
        """A line with a short value (a phone number) on the right."""
        self.blocks.append({"kind": "row", "text": text, "right": right,
                            "size": size or self.size, "bold": bold})

    def data(self) -> dict[str, Any]:
        """What the template reads from `sys.inputs.data`."""
        return {"title": self.title, "lang": "en" if self.lang == "en" else "nl",
                "footer": self.footer, "page_word": self.page_word, "size": self.size,
                "margin": self.margin, "blocks": self.blocks,
                "footer_weight": "bold" if self.footer_bold else "regular"}

    def pdf(self) -> bytes:
        """Compile the template with this document's data into PDF/UA-1 bytes."""
        return compile_pdf(self.data())


def compile_pdf(data: dict[str, Any], template: str = "document.typ") -> bytes:
    """Typst with only the bundled fonts, the templates folder as root, PDF/UA-1 on.

    PDF/UA-1 refuses a character the font cannot draw (a control character, a Chinese name in
    the netwerklijst), so such characters become U+FFFD and the document is made anyway."""
    text = json.dumps(_printable(data), ensure_ascii=False)
    for _ in range(MAX_RETRIES):
        try:
            result: bytes = typst.compile(
                TEMPLATES / template, root=TEMPLATES, font_paths=[FONT_DIR],
                ignore_system_fonts=True, format="pdf", pdf_standards=[STANDARD],
                sys_inputs={"data": text})
            return result
        except typst.TypstError as exc:
            before = text
            for char in MISSING_GLYPH.findall(str(exc.message)):
                text = text.replace(char, REPLACEMENT)
            if text == before:
                raise
    raise RuntimeError("the document has too many characters the bundled font lacks")


def _printable(value: Any) -> Any:
    """Control characters (other than a line break) dropped from every string in the data."""
    if isinstance(value, str):
        return "".join(c for c in value if c in "\n" or unicodedata.category(c) != "Cc")
    if isinstance(value, list):
        return [_printable(v) for v in value]
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    return value


def page_count(pdf: bytes) -> int:
    """Pages in a PDF made here (Typst writes each page dictionary uncompressed)."""
    return len(PAGE_OBJECT.findall(pdf))
