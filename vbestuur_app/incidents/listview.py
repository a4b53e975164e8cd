"""The register's list: filters (status, form, period), the table, the export of a selection.

Why the table holds no typed text: a summary has only dates, codes and counts, so the list can
be shown as a table without any risk of markup. What a person typed appears only in the detail
(detailview.py), read through the audited `detail` call, and in an export the coordinator asks
for. The export is built only when its button is clicked (`data` is a callable).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_service.incidents import (
    FORMS,
    STATUSES,
    IncidentRegister,
    IncidentSummary,
    RegisterUnavailable,
)
from vbestuur_service.localtime import format_moment
from vbestuur_service.localtime import today as local_today
from vbestuur_service.staff import StaffIdentity
from vbestuur_store import StoreError

from ..i18n import _, current_lang, ngettext
from . import detailview
from . import words as w
from .form import content_labels

PICK_KEY = "inc-reg-pick"
EXPORT_PICK_KEY = "inc-reg-export"


def summary_label(engine: Engine, item: IncidentSummary) -> str:
    """'2 december 2026 10:30 · Online · Iemand bedreigt mij' (no typed text)."""
    forms = content_labels(engine, "wat")
    return " · ".join([format_moment(item.occurred_at, current_lang()),
                       _(w.CHANNELS.get(item.channel, item.channel)),
                       ", ".join(forms(f) for f in item.forms)])


def render(engine: Engine, register: IncidentRegister, who: StaffIdentity) -> None:
    status, form, since = _filters(engine)
    try:
        rows = register.list(who, status=status, form=form, since=since)
    except (StoreError, RegisterUnavailable):
        st.error(_("Het register kan nu niet worden gelezen. Probeer het later opnieuw."))
        return
    st.markdown(ngettext("{count} incident met deze keuze.", "{count} incidenten met deze "
                         "keuze.", len(rows), count=len(rows)))
    if not rows:
        return
    _table(engine, rows)
    labels = {r.incident_id: summary_label(engine, r) for r in rows}
    picked = st.selectbox(_("Incident bekijken"), list(labels), index=None, key=PICK_KEY,
                          format_func=labels.__getitem__, placeholder=_("Kies een incident"))
    if picked is not None:
        detailview.render(engine, register, who, picked)
    _export(engine, register, who, rows, labels)


def _filters(engine: Engine) -> tuple[str | None, str | None, dt.date | None]:
    forms = content_labels(engine, "wat")
    with st.container(horizontal=True, key="inc-filters"):
        status = st.selectbox(_("Status"), [None, *STATUSES], key="inc-f-status",
                              format_func=lambda s: _("alle") if s is None
                              else _(w.STATUSES[s]))
        form = st.selectbox(_("Vorm"), [None, *FORMS], key="inc-f-form",
                            format_func=lambda f: _("alle") if f is None else forms(f))
        since = st.date_input(_("Vanaf"), value=None, key="inc-f-since", format="DD-MM-YYYY")
    return status, form, since if isinstance(since, dt.date) else None


def _table(engine: Engine, rows: Sequence[IncidentSummary]) -> None:
    forms, roles = content_labels(engine, "wat"), content_labels(engine, "rol")
    lang = current_lang()
    st.dataframe([{
        _("Moment"): format_moment(r.occurred_at, lang),
        _("Waar"): _(w.CHANNELS.get(r.channel, r.channel)),
        _("Wat"): ", ".join(forms(f) for f in r.forms),
        _("Rol"): roles(r.role) if r.role else "",
        _("Status"): _(w.STATUSES.get(r.status, r.status)),
        _("Met naam"): _("ja") if r.named else _("nee")} for r in rows],
        hide_index=True, key="inc-table")


def _export(engine: Engine, register: IncidentRegister, who: StaffIdentity,
            rows: Sequence[IncidentSummary], labels: dict[str, str]) -> None:
    """Export for police and driehoek: the chosen incidents, or all of the list."""
    with st.expander(_("Exporteren voor politie en driehoek"), key="inc-export"):
        chosen = st.multiselect(_("Welke incidenten? (leeg: alle {count} in de lijst)",
                                  count=len(rows)), list(labels), key=EXPORT_PICK_KEY,
                                format_func=labels.__getitem__, placeholder=_("Kies"))
        ids = list(chosen) or [r.incident_id for r in rows]
        st.caption(_("Namen van melders staan er alleen in als zij ‘met mijn naam’ kozen. Het "
                     "bestand wordt op deze computer gemaakt. Deel het alleen met wie het nodig "
                     "heeft."))
        lang = current_lang()
        with st.container(horizontal=True, key="inc-downloads"):
            for kind, label, name, mime in detailview.EXPORTS:
                st.download_button(_(label), data=_maker(engine, register, who, ids, kind, lang),
                                   file_name=f"incidenten-{local_today().isoformat()}.{name}",
                                   mime=mime, key=f"inc-dl-{kind}", on_click="ignore")


def _maker(engine: Engine, register: IncidentRegister, who: StaffIdentity, ids: list[str],
           kind: str, lang: str) -> Callable[[], str | bytes]:
    def make() -> str | bytes:
        return detailview.export(engine, register, who, ids, kind, lang)

    return make
