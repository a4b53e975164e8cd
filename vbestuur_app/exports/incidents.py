"""Exports of the incident register for the police and the driehoek: CSV and PDF/UA.

Why the layout only (and the heavy imports deferred: the pages import this module for
`Section`): the rows and sections arrive already worded in the reader's language
(vbestuur_app/incidents/export_rows.py decides what goes in, identities only where the person
chose "met mijn naam"); here they are laid out the same way as every other export. The CSV
comes in the project's two dialects with every formula start neutralised (a description or a
handle is text nobody here controls); the PDF is the one Typst template, every text as data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Dialect = Literal["standard", "excel-nl"]


@dataclass(frozen=True)
class Section:
    """One part of the PDF: a heading and its lines in reading order."""

    heading: str
    lines: tuple[str, ...]


def table_csv(header: Sequence[str], rows: Sequence[Sequence[str]],
              dialect: Dialect = "standard") -> str:
    """CSV text in the chosen dialect; every cell and header neutralised."""
    import pandas as pd  # deferred: the register's pages must not pay for pandas at start

    from .to_csv import neutralise, separator, with_bom

    frame = pd.DataFrame([list(r) for r in rows], columns=list(header), dtype="string")
    frame = frame.fillna("").map(neutralise)
    frame.columns = [neutralise(str(c)) for c in header]
    text = frame.to_csv(index=False, lineterminator="\r\n", sep=separator(dialect))
    return with_bom(text, dialect)


def sections_pdf(title: str, lang: str, intro: Sequence[str],
                 sections: Sequence[Section]) -> bytes:
    """A tagged PDF/UA-1: the title (H1), the intro lines, then each section (H2 + lines)."""
    from .labels import labels
    from .pdfbase import PdfDocument  # deferred: typst loads on a click

    lab = labels(lang)
    pdf = PdfDocument(title, lang, lab["disclaimer"], lab["page"])
    pdf.heading(title, 1)
    for line in intro:
        pdf.para(line)
    for section in sections:
        pdf.heading(section.heading, 2)
        for line in section.lines:
            pdf.para(line, 10, indent=4)
    return pdf.pdf()
