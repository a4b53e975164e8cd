"""Exports of a walk's result: Markdown, CSV, PDF and ICS reminders.

Why plain functions: each builder takes the engine, a `Progress` and a language and returns text
or bytes, so it can be tested without Streamlit and wired to a download button in one line.
All formats render the same `ResultDocument` (see `document`), so they never disagree.

Why the lazy attributes: pandas, typst and icalendar together take time to import.
`exports.build_ics` loads only icalendar, and nothing is loaded until a builder is asked for,
so the app's start and its first question never pay for them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import ResultDocument, build_document
    from .incidents import sections_pdf, table_csv
    from .to_csv import build_csv, build_csv_excel_nl
    from .to_ics import build_ics
    from .to_markdown import build_markdown
    from .to_pdf import build_pdf

_HOMES = {"ResultDocument": "document", "build_document": "document", "build_csv": "to_csv",
          "build_csv_excel_nl": "to_csv",
          "build_ics": "to_ics", "build_markdown": "to_markdown", "build_pdf": "to_pdf",
          "sections_pdf": "incidents", "table_csv": "incidents"}

__all__ = ["ResultDocument", "build_csv", "build_csv_excel_nl", "build_document", "build_ics",
           "build_markdown", "build_pdf", "sections_pdf", "table_csv"]


def __getattr__(name: str) -> Any:
    """Import the module that defines `name` on first use (PEP 562)."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
    globals()[name] = value
    return value
