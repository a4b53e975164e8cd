"""The export buttons of the netwerklijst page: PDF, vCard, CSV and the calendar reminder.

Why deferred builders: typst, pandas and icalendar take time to import, and most visits only
edit the list. Each file is made on this machine when its button is clicked, from the list as
it is shown; nothing is sent anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import streamlit as st

from vbestuur_engine.netwerklijst import NetworkList

from ..i18n import _
from ..widgets import heading, reminder_dates
from .to_vcard import build_vcard

if TYPE_CHECKING:
    from ..exports.to_csv import Dialect

BASE = "netwerklijst"


def render(network: NetworkList, lang: str) -> None:
    """Three download buttons and, folded away, the calendar reminder."""
    heading(_("Op uw telefoon en op papier"), 2)
    st.caption(_("De bestanden worden op deze computer gemaakt. Er gaat niets naar buiten."))
    pdf, vcard, csv, excel = st.columns(4)
    with pdf:
        _download(_("PDF (één pagina)"), lambda: _pdf(network, lang), "pdf", "application/pdf")
    with vcard:
        _download(_("Telefoon (vCard)"), lambda: _vcard(network, lang), "vcf", "text/vcard")
    with csv:
        _download(_("CSV (standaard)"), lambda: _csv(network, lang), "csv", "text/csv")
    with excel:
        _download(_(
            "CSV voor Excel (Nederlands)"), lambda: _csv(network, lang, "excel-nl"), "excel-nl.csv",
                  "text/csv")
    st.caption(_("In het vCard-bestand staan alle regels met een telefoonnummer."))
    with st.expander(_("Herinnering in uw agenda")):
        _ics(lang)


def _download(label: str, data: Callable[[], bytes], ext: str, mime: str) -> None:
    st.download_button(label, data=data, file_name=f"{BASE}.{ext}", mime=mime,
                       key=f"nw:dl:{ext}", width="stretch", on_click="ignore")


def _pdf(network: NetworkList, lang: str) -> bytes:
    # deferred: the builder loads only when a download is asked for (typst ~20 ms to import)
    from .to_pdf import build_pdf

    return build_pdf(network, lang)


def _vcard(network: NetworkList, lang: str) -> bytes:
    return build_vcard(network, lang).encode("utf-8")


def _csv(network: NetworkList, lang: str, dialect: Dialect = "standard") -> bytes:
    # deferred: a measured start-up cost (pandas ~2.9 s to import on this box);
    # only a download pays for it, never the first question
    from .to_csv import build_csv

    return build_csv(network, lang, dialect).encode("utf-8")


def _ics(lang: str) -> None:
    """Pick the first yearly review (default: a year from now) and, if known, a new term."""
    evaluation, new_term = reminder_dates("nw:ics", _(
        "Elk jaar de lijst controleren (stap 20), voor het eerst op"), _(
        "Begin van een nieuwe termijn (stap 21), als u die datum weet"))

    def make() -> bytes:
        # deferred: a measured start-up cost (icalendar ~0.7 s to import on this box);
        # only a download pays for it, never the first question
        from .to_ics import build_ics

        return build_ics(lang, evaluation, new_term)

    _download(_("Herinnering in uw agenda"), make, "ics", "text/calendar")
