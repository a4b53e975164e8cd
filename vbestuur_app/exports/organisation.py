"""Exports of the griffie's organisation view: CSV, PDF and the two dated reminders (ICS).

Why beside the result exports: the same rules hold — plain functions without Streamlit, the
bundled font for the PDF, formula cells neutralised in the CSV (a note or an owner is text we do
not control), and the calendar built by `build_reminders`, so a reminder looks the same whether a
raadslid or the griffie downloads it; the register's state comes from the service's register
(`vbestuur_service.register`), the one model of "step arranged".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Final

import pandas as pd

from vbestuur_engine.readiness import PHASES
from vbestuur_engine.schema import Step
from vbestuur_service import register
from vbestuur_service.i18n import N_, _
from vbestuur_service.localtime import format_day, format_moment
from vbestuur_service.localtime import today as local_today
from vbestuur_store import OrgItem

from .labels import labels, phase_label
from .pdfbase import PdfDocument
from .to_csv import Dialect, neutralise, separator, with_bom
from .to_ics import EVALUATION_STEP, NEW_TERM_STEP, build_reminders

__all__ = ["EVALUATION_STEP", "NEW_TERM_STEP", "build_org_csv", "build_org_ics",
           "build_org_pdf", "org_rows"]

_WORDS: Final = {
    "title": N_("Organisatie: stand van zaken"), "step": N_("stap"), "phase": N_("fase"),
    "status": N_("status"), "owner": N_("eigenaar"), "due": N_("datum klaar"),
    "note": N_("notitie"), "changed_by": N_("gewijzigd door"), "changed_at": N_("gewijzigd op"),
    "open": N_("open"), "deels": N_("deels geregeld"), "geregeld": N_("geregeld"),
    "nvt": N_("niet van toepassing"), "titlecol": N_("titel"),
}
COLUMNS: Final = ("step", "titlecol", "phase", "status", "owner", "due", "note", "changed_by",
                  "changed_at")


@cache
def _words(lang: str) -> Mapping[str, str]:
    """The column and status words in `lang`, from the one catalogue; "—" marks an empty cell."""
    return {"none": "—", **{key: _(msgid, lang) for key, msgid in _WORDS.items()}}


def _by_step(items: Sequence[OrgItem]) -> dict[int, OrgItem]:
    return {item.step_id: item for item in items}


def org_rows(steps: Sequence[Step], items: Sequence[OrgItem], lang: str) -> list[dict[str, str]]:
    """One row per organisation step, in step order; unedited steps count as open."""
    words, found = _words(lang), _by_step(items)
    rows = []
    for step in sorted(steps, key=lambda s: s.id):
        item = found.get(step.id, OrgItem(step_id=step.id))
        rows.append({
            "step": str(step.id), "titlecol": step.title.get(lang),
            "phase": phase_label(step.phase, lang), "status": words[item.status],
            "owner": item.owner or "", "due": item.due.isoformat() if item.due else "",
            "note": item.note, "changed_by": item.updated_by or "",
            "changed_at": format_moment(item.updated_at, lang) if item.updated_at else ""})
    return rows


def build_org_csv(steps: Sequence[Step], items: Sequence[OrgItem], lang: str,
                  dialect: Dialect = "standard") -> str:
    """CSV text with localised headers; every cell that could start a formula is neutralised."""
    words = _words(lang)
    frame = pd.DataFrame(org_rows(steps, items, lang), columns=list(COLUMNS), dtype="string")
    frame = frame.fillna("").map(neutralise)
    frame.columns = [neutralise(words[c]) for c in COLUMNS]
    text = frame.to_csv(index=False, lineterminator="\r\n", sep=separator(dialect))
    return with_bom(text, dialect)


def build_org_pdf(steps: Sequence[Step], items: Sequence[OrgItem], lang: str,
                  municipality: str | None = None, today: dt.date | None = None) -> bytes:
    """A printable overview per phase: status, owner, date and note of every step."""
    words, lab = _words(lang), labels(lang)
    title = f"{lab['app']}: {words['title']}"
    pdf = PdfDocument(title, lang, lab["disclaimer"], lab["page"])
    pdf.heading(title, 1)
    pdf.para(f"{lab['date']}: {format_day(today or local_today(), lang)}")
    if municipality:
        pdf.para(f"{lab['municipality']}: {municipality}")
    rows = org_rows(steps, items, lang)
    for phase in PHASES:
        label = phase_label(phase, lang)
        in_phase = [r for r in rows if r["phase"] == label]
        if in_phase:
            pdf.heading(label)
        for row in in_phase:
            _pdf_row(pdf, row, words)
    return pdf.pdf()


def _pdf_row(pdf: PdfDocument, row: Mapping[str, str], words: Mapping[str, str]) -> None:
    none = words["none"]
    pdf.heading(f"{words['step'].capitalize()} {row['step']}. {row['titlecol']} "
                f"({row['status']})", 3)
    pdf.para(f"{words['owner']}: {row['owner'] or none} · {words['due']}: "
             f"{row['due'] or none}", 10, indent=4)
    if row["note"]:
        pdf.para(f"{words['note']}: {row['note']}", 10, indent=4)
    if row["changed_by"]:
        pdf.para(f"{words['changed_by']} {row['changed_by']}, {row['changed_at']}", 8.5,
                 indent=4)


def build_org_ics(steps: Mapping[int, Step], items: Sequence[OrgItem], lang: str,
                  evaluation: dt.date, new_term: dt.date | None = None, *,
                  stamp: dt.datetime | None = None) -> bytes:
    """The yearly evaluation (step 20) from `evaluation`, and the new-term package (step 21)
    on `new_term`, each event noting the organisation's status of that step."""
    checklist = register.checklist(steps, items, (EVALUATION_STEP, NEW_TERM_STEP))
    return build_reminders(checklist, lang, evaluation, new_term, steps=steps, stamp=stamp)
