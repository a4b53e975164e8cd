"""The exports of a result: four files and the calendar reminders, each made on demand.

Why its own module: the readiness results show them at the top of the result page, and the
other results on a page of their own ("Bewaar of print uw advies", views/keep_advice.py), so
that the result page a frightened person reads stays a few elements long (issue 15).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from vbestuur_engine import Progress
from vbestuur_service.i18n import N_

from ..i18n import _
from ..widgets import reminder_dates
from . import Ctx

EXPORTS = (("pdf", "pdf", "application/pdf"), ("md", "md", "text/markdown"),
           ("csv", "csv", "text/csv"), ("csv_nl", "excel-nl.csv", "text/csv"))
EXPORT_LABELS = {"pdf": N_("PDF (om te printen)"), "md": N_("Tekst (Markdown)"),
                 "csv": N_("CSV (standaard)"), "csv_nl": N_("CSV voor Excel (Nederlands)")}


def render(ctx: Ctx, progress: Progress) -> None:
    """Four exports, each made on this machine only when its button is clicked (`data` is a
    callable, so no rerun builds a file nobody asked for); then the calendar reminders in a
    lazy fold, drawn only when it is opened."""
    st.caption(_("Het bestand wordt op deze computer gemaakt."))
    base = f"veilig-bestuur-{ctx.flow_id}-{ctx.lang}"
    with st.container(horizontal=True, key="downloads"):
        for kind, ext, mime in EXPORTS:
            _download(_(EXPORT_LABELS[kind]), _maker(ctx, progress, kind), f"{base}.{ext}", mime,
                      f"dl:{kind}")
    box = st.expander(_("Herinneringen (agenda)"), key="ics-folded", on_change="rerun")
    if box.open:  # drawn only when open
        with box:
            _ics(ctx, progress, base)


def _download(label: str, data: Callable[[], str | bytes], name: str, mime: str,
              key: str) -> None:
    st.download_button(label, data=data, file_name=name, mime=mime, key=key, width="content",
                       on_click="ignore")


def _maker(ctx: Ctx, progress: Progress, kind: str) -> Callable[[], str | bytes]:
    """A deferred builder: the export modules (pandas, fpdf) load only when asked for."""

    def make() -> str | bytes:
        # deferred: a measured start-up cost (pandas ~2.9 s, fpdf2 ~2.1 s to import on this box);
        # only a download pays for it, never the first question
        from .. import exports

        builders: dict[str, Callable[..., str | bytes]] = {
            "pdf": exports.build_pdf, "md": exports.build_markdown, "csv": exports.build_csv,
            "csv_nl": exports.build_csv_excel_nl}
        return builders[kind](ctx.engine, progress, ctx.lang, ctx.local)

    return make


@st.fragment
def _ics(ctx: Ctx, progress: Progress, base: str) -> None:
    """Calendar reminders for the yearly evaluation (step 20) and a new term (step 21).

    A fragment: the two dates are the only widgets here that rerun the page, and a new date
    changes only this download; so a date reruns this part, not the whole page."""
    evaluation, new_term = reminder_dates("ics", _("Datum jaarlijkse evaluatie (stap 20)"), _(
        "Start nieuwe bestuursperiode (stap 21, mag leeg)"))

    def make() -> bytes:
        # deferred: a measured start-up cost (pandas ~2.9 s, fpdf2 ~2.1 s to import on this box);
        # only a download pays for it, never the first question
        from .. import exports

        return exports.build_ics(progress, ctx.lang, evaluation, new_term)

    _download(_("Herinneringen (agenda)"), make, f"{base}.ics", "text/calendar", "dl:ics")
