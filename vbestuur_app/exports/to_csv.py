"""The CSV export: one row per advice and per checklist step, safe to open in a spreadsheet.

Why the neutralising: a spreadsheet treats a cell that starts with `=`, `+`, `-` or `@` (and,
in some programs, a tab or carriage return) as a formula. Content and municipality values are
text we do not fully control, so every such cell gets a leading single quote (the OWASP advice
for CSV injection); the value stays readable and is never executed.

Why two dialects: "CSV (standaard)" is RFC 4180 (comma, UTF-8) for other programs; "CSV voor
Excel (Nederlands)" uses `;`, the list separator of Dutch Excel, and starts with a UTF-8 BOM so
a double-click opens it in columns with ë, ’ and € intact.

Why inside the cell too (F11): the file is comma separated, but Excel with Dutch settings
splits on `;`, and other programs on tabs or `|`; a cell `x;=1+1` then becomes two cells, the
second a live formula. So a formula start right after any separator a spreadsheet may use (or
after a line break, or a quote that ends a field) gets the same single quote.
"""

from __future__ import annotations

import re
from typing import Final, Literal

import pandas as pd

from vbestuur_engine import Engine, Progress
from vbestuur_engine.schema import LocalValues

from .document import ResultDocument, build_document
from .labels import phase_label, urgency_label

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# a separator some spreadsheet may split on (or a line break, or a quote), optional blanks,
# then a character that starts a formula
_INNER_FORMULA = re.compile(r"([,;\t|\r\n\"])([ \t]*)([=+\-@])")
COLUMNS = ("kind", "id", "title", "text", "steps", "status", "phase", "urgency", "actions",
           "facts")


Dialect = Literal["standard", "excel-nl"]
SEPARATORS: Final[dict[str, str]] = {"standard": ",", "excel-nl": ";"}
BOM: Final = "\ufeff"


def separator(dialect: Dialect) -> str:
    """The field separator of a dialect."""
    return SEPARATORS[dialect]


def with_bom(text: str, dialect: Dialect) -> str:
    """The text as the dialect's file starts: Dutch Excel needs the BOM to read UTF-8."""
    return BOM + text if dialect == "excel-nl" else text


def neutralise(value: str) -> str:
    """A single quote before every formula start: at the start of the cell and after any
    separator inside it; other text is unchanged."""
    value = _INNER_FORMULA.sub(r"\1\2'\3", value)
    return "'" + value if value.startswith(FORMULA_START) else value


def build_csv(engine: Engine, progress: Progress, lang: str,
              local: LocalValues | None = None, dialect: Dialect = "standard") -> str:
    """CSV text in the chosen dialect (encode as UTF-8; the Excel-NL text carries its BOM)."""
    return document_csv(build_document(engine, progress, lang, local), dialect)


def build_csv_excel_nl(engine: Engine, progress: Progress, lang: str,
                       local: LocalValues | None = None) -> str:
    """`build_csv` for Dutch Excel: `;` separated, with a BOM."""
    return build_csv(engine, progress, lang, local, "excel-nl")


def document_csv(doc: ResultDocument, dialect: Dialect = "standard") -> str:
    """Lay out a `ResultDocument` as CSV with localised headers and neutralised cells."""
    frame = pd.DataFrame(_rows(doc), columns=list(COLUMNS), dtype="string").fillna("")
    frame = frame.rename(columns={c: doc.labels[f"col_{c}"] for c in COLUMNS})
    frame = frame.map(neutralise)
    frame.columns = [neutralise(str(c)) for c in frame.columns]
    text = frame.to_csv(index=False, lineterminator="\r\n", sep=separator(dialect))
    return with_bom(text, dialect)


def _rows(doc: ResultDocument) -> list[dict[str, str]]:
    lab = doc.labels
    rows = []
    for item in doc.advice:
        facts = " | ".join(f"{f.statement} ({lab['source']}: {f.source}; {lab['checked']} "
                           f"{f.checked})" for f in item.facts)
        rows.append({"kind": lab["kind_advice"], "id": item.id, "title": item.title or "",
                     "text": item.text, "steps": "; ".join(str(s) for s in item.steps),
                     "status": "", "phase": "", "urgency": urgency_label(item.urgency, doc.lang),
                     "actions": "", "facts": facts})
    for step in doc.checklist:
        rows.append({"kind": lab["kind_step"], "id": str(step.id), "title": step.title,
                     "text": "", "steps": str(step.id), "status": step.status_label,
                     "phase": phase_label(step.phase, doc.lang), "urgency": "",
                     "actions": " | ".join(step.actions), "facts": ""})
    return rows
