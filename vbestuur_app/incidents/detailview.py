"""One incident for the coordinator: what was told, the notes, the status, who did what when.

Why the detail is kept in the session until something changes: every `detail` read is audited
by the service; reading it again on every rerun (each keystroke in a note) would fill the audit
with reads nobody made. It is read once when opened, and again after a change. Every typed text
is shown literally (`plain`), never as a link.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_service.i18n import N_
from vbestuur_service.incidents import (
    STATUSES,
    IncidentDetail,
    IncidentRegister,
    RegisterUnavailable,
)
from vbestuur_service.localtime import format_moment
from vbestuur_service.localtime import today as local_today
from vbestuur_service.staff import StaffIdentity
from vbestuur_store import StoreError

from .. import session
from ..i18n import _, current_lang
from ..widgets import plain
from . import export_rows, receipt
from . import words as w

DETAIL_KEY = "inc:detail"
PLACE = "inc-detail"
EXPORTS = (("pdf", N_("PDF (om te printen)"), "pdf", "application/pdf"),
           ("csv", N_("CSV (standaard)"), "csv", "text/csv"),
           ("csv_nl", N_("CSV voor Excel (Nederlands)"), "excel-nl.csv", "text/csv"))


def opened(register: IncidentRegister, who: StaffIdentity, incident_id: str) -> IncidentDetail:
    """The detail, read (and audited) once per opening or change."""
    kept = session.widget(DETAIL_KEY)
    if isinstance(kept, IncidentDetail) and kept.summary.incident_id == incident_id:
        return kept
    found = register.detail(who, incident_id)
    session.set_widget(DETAIL_KEY, found)
    return found


def render(engine: Engine, register: IncidentRegister, who: StaffIdentity,
           incident_id: str) -> None:
    try:
        item = opened(register, who, incident_id)
    except KeyError:
        st.info(_("Dit incident bestaat niet meer. Misschien heeft de melder het ingetrokken."))
        return
    except (StoreError, RegisterUnavailable):
        st.error(_("Het incident kan nu niet worden gelezen. Probeer het later opnieuw."))
        return
    with st.container(border=True, key="inc-detail"):
        for notice in session.take(PLACE):
            st.info(_(NOTICES[notice.code]))
        lines = receipt.what_lines(engine, item.draft, own=False)
        st.markdown("\n".join(f"- {line}" for line in lines))
        st.markdown(_("Melder: {who}", who=plain(
            f"{item.draft.reporter_name} ({item.draft.reporter_contact})")) if item.summary.named
            else _("Melder: anoniem"))
        _texts(item)
        _change(register, who, item)
        _history(item)


def _texts(item: IncidentDetail) -> None:
    lang = current_lang()
    for added in item.additions:
        st.markdown(_("Aanvulling van de melder, {moment}: {text}",
                      moment=format_moment(added.at, lang), text=plain(added.text)))
    for note in item.notes:
        st.markdown(_("Notitie van {author}, {moment}: {text}", author=plain(note.author),
                      moment=format_moment(note.at, lang), text=plain(note.text)))


def _change(register: IncidentRegister, who: StaffIdentity, item: IncidentDetail) -> None:
    current, ident = item.summary.status, item.summary.incident_id
    st.selectbox(_("Status"), list(STATUSES), index=STATUSES.index(current)
                 if current in STATUSES else 0, key=f"inc-d-status-{ident}",
                 format_func=lambda s: _(w.STATUSES[s]))
    st.text_area(_("Notitie (alleen voor de coördinator)"), key=f"inc-d-note-{ident}",
                 max_chars=4000, height=80)
    st.button(_("Opslaan"), key="inc-d-save", type="primary", on_click=save,
              args=(register, who, item.summary.incident_id, current))


def _history(item: IncidentDetail) -> None:
    lang = current_lang()
    with st.expander(_("Wie deed wat, wanneer ({count})", count=len(item.history))):
        lines = [_("{moment} · {actor} · {action} {detail}",
                   moment=format_moment(c.at, lang), actor=plain(c.actor),
                   action=_(w.ACTIONS.get(c.action, c.action)),
                   detail=plain(_(w.STATUSES[c.detail]) if c.detail in w.STATUSES
                                else c.detail)) for c in item.history]
        st.markdown("\n".join(f"- {line}" for line in lines) or _("Nog niets."))


NOTICES = {"saved": N_("Opgeslagen."), "failed": N_("Dat is nu niet gelukt. Probeer het zo "
                                                    "opnieuw."),
           "nothing": N_("Er was niets veranderd.")}


def save(register: IncidentRegister, who: StaffIdentity, incident_id: str,
         current: str) -> None:
    """on_click of "Opslaan": a new status (with the note) or only a note."""
    status = str(session.widget(f"inc-d-status-{incident_id}") or current)
    note = str(session.widget(f"inc-d-note-{incident_id}") or "").strip()
    try:
        if status != current:
            register.set_status(who, incident_id, status, note)
        elif note:
            register.add_note(who, incident_id, note)
        else:
            session.notify(PLACE, "nothing")
            return
    except (StoreError, RegisterUnavailable, KeyError, ValueError):
        session.notify(PLACE, "failed")
        return
    session.drop_widget(f"inc-d-note-{incident_id}")
    session.drop_widget(DETAIL_KEY)
    session.notify(PLACE, "saved")


def export(engine: Engine, register: IncidentRegister, who: StaffIdentity, ids: list[str],
           kind: str, lang: str) -> str | bytes:
    """The chosen incidents as PDF or CSV (each read through the audited `detail`)."""
    from ..exports import incidents as layout  # deferred: pandas and typst load on a click

    items = [register.detail(who, i) for i in ids]
    register.record_export(who, ids)
    if kind == "pdf":
        return layout.sections_pdf(
            _("Incidentenregister: selectie", lang), lang,
            export_rows.export_intro(len(items), lang, local_today()),
            export_rows.detail_sections(engine, items, lang))
    header, rows = export_rows.detail_table(engine, items, lang)
    return layout.table_csv(header, rows, "excel-nl" if kind == "csv_nl" else "standard")
