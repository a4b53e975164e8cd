"""The griffie's organisation view: per organisation step its status, owner, date and note.

Why the steps come from the content: which steps belong to the organisation is the guideline's
business (role "organisatie" in rules/steps.yaml); the store only keeps what the griffie
entered. Why the version is in the widget keys: after anyone saves, the form is rebuilt from
the stored state, and a save based on an older state is refused (StaleItem), never lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_engine.readiness import PHASES
from vbestuur_engine.schema import Step
from vbestuur_service import register, runtime
from vbestuur_service.i18n.words import ORG_FIELDS, ORG_STATUS, PHASE_NAMES
from vbestuur_service.localtime import format_day, format_moment
from vbestuur_store import STATUSES, Change, OrgItem, StoreError

from .. import persistence, session
from ..i18n import _, current_lang
from ..widgets import heading, plain
from . import local, org_overview

PLACE = "organisation"  # the notice place of the organisation view
FIELDS = ("status", "owner", "due", "note")


def org_steps(engine: Engine) -> list[Step]:
    """The guideline steps the organisation acts on, in step order."""
    return register.org_steps(engine)


def field_key(step_id: int, version: int, field: str) -> str:
    """The key of one field of a step's form (tests fill them in by these keys)."""
    return f"org:{step_id}:{version}:{field}"


def render(engine: Engine, actor: str | None) -> None:
    """Overview, overdue, downloads, then every step with its form and history."""
    heading(_("Organisatie"), 2)
    if actor is None:
        st.info(_(
            "Dit overzicht kan interne afspraken bevatten. Het opent pas als u bent aangemeld "
            "met een account van de griffie."))
        return
    lang = current_lang()
    steps = org_steps(engine)
    stored = persistence.safely(lambda s: s.org_items([x.id for x in steps]), None)
    if stored is None:
        return
    items = {item.step_id: item for item in stored}
    saved = next((n.params["step"] for n in session.take(PLACE)), None)
    if saved:
        st.success(_("Stap {step} is opgeslagen.", step=saved))
    org_overview.render(steps, items, lang)
    org_overview.downloads(engine.content.steps, steps, items, lang, local.profile_name())
    nothing: list[Change] = []
    history = persistence.safely(lambda s: s.org_history(), nothing)
    _steps(steps, items, history, actor, lang)


def _steps(steps: Sequence[Step], items: Mapping[int, OrgItem], history: list[Change],
           actor: str, lang: str) -> None:
    heading(_("Alle stappen voor de organisatie"), 3)
    for phase in PHASES:
        in_phase = [s for s in steps if s.phase == phase]
        if in_phase:
            st.markdown(f"**{_(PHASE_NAMES[phase])}**")
        for step in in_phase:
            item = items[step.id]
            title = _("Stap {number}: {title}", number=step.id, title=step.title.get(lang))
            with st.expander(f"{plain(title)} · {_(ORG_STATUS[item.status])}"):
                _summary(item)
                _form(step, item, actor)
                _history([c for c in history if c.item == str(step.id)])


def _summary(item: OrgItem) -> None:
    due = format_day(item.due, current_lang()) if item.due else "—"
    st.markdown(_(
        "Status: **{status}** · eigenaar: {owner} · klaar op: {due}",
        status=_(ORG_STATUS[item.status]), owner=plain(item.owner or _("nog niemand")), due=due))
    if item.note:
        st.text(item.note)


def _form(step: Step, item: OrgItem, actor: str) -> None:
    version = item.version
    with st.form(f"org-form-{step.id}"):
        st.selectbox(_("Status"), STATUSES, index=STATUSES.index(item.status),
                     format_func=lambda s: _(ORG_STATUS[s]),
                     key=field_key(step.id, version, "status"))
        st.text_input(_("Eigenaar"), value=item.owner or "", max_chars=200,
                      key=field_key(step.id, version, "owner"))
        st.date_input(_("Klaar op"), value=item.due, format="DD-MM-YYYY",
                      key=field_key(step.id, version, "due"))
        st.text_area(_("Notitie"), value=item.note, max_chars=4000,
                     key=field_key(step.id, version, "note"))
        st.form_submit_button(_("Opslaan"), on_click=_save, args=(step.id, version, actor))


def _save(step_id: int, version: int, actor: str) -> None:
    """on_click: save the four fields; the store audits each field that really changed."""
    due = session.widget(field_key(step_id, version, "due"))
    owner = str(session.widget(field_key(step_id, version, "owner")) or "").strip() or None
    note = str(session.widget(field_key(step_id, version, "note")) or "")
    status = str(session.widget(field_key(step_id, version, "status")) or "open")

    try:
        register.update(runtime.current(), step_id, actor, status=status, owner=owner,
                        due=due if isinstance(due, dt.date) else None, note=note,
                        version=version)
    except StoreError as err:
        persistence.report(err)
        return
    session.notify(PLACE, "saved", step=step_id)


def _history(changes: list[Change]) -> None:
    """Who changed what when for this step, newest first."""
    history_text = _("Wie wijzigde wat")
    st.markdown(f"**{history_text}**")
    if not changes:
        st.caption(_("Nog geen wijzigingen."))
        return
    lines = [_(
        "{when} · {who} · {field}: {old} → {new}", when=format_moment(c.at, current_lang()),
        who=plain(c.actor), field=_(ORG_FIELDS[c.field]), old=_shown(c.field, c.old),
        new=_shown(c.field, c.new)) for c in reversed(changes)]
    st.markdown("\n".join(f"- {line}" for line in lines))


def _shown(field: str, value: str | None) -> str:
    """An audited value as the griffie entered it (status as its word, dates as d-m-Y)."""
    if value is None or value == "":
        return "—"
    if field == "status" and value in STATUSES:
        return _(ORG_STATUS[value])
    if field == "due":
        return format_day(dt.date.fromisoformat(value), current_lang())
    return plain(value.replace("\n", " "))
