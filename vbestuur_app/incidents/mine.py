"""Mijn registraties: the office holder's own incidents, to add to later or to withdraw.

Why adding later: the guideline's step 18 says impact often shows later; an addition joins
the same incident instead of a second registration. Why a confirmation before withdrawing:
withdrawal deletes the incident for good (the coordinator no longer sees it either).
Only the owner's own registrations are listed: the service finds them by the owner string.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_service.i18n import N_
from vbestuur_service.incidents import (
    IncidentRegister,
    InvalidDraft,
    OwnIncident,
    RegisterUnavailable,
)
from vbestuur_service.localtime import format_moment
from vbestuur_store import StoreError

from .. import session
from ..i18n import _, current_lang
from ..widgets import heading, plain
from . import backend
from . import words as w
from .form import content_labels

PLACE = "inc-mine"
CONFIRM_KEY = "inc:confirm"  # the incident whose withdrawal waits for "Ja, intrekken"


def add_key(incident_id: str) -> str:
    return f"inc-add-{incident_id}"


def render(engine: Engine, register: IncidentRegister) -> None:
    """The list, newest first, each with "aanvullen" and "intrekken"."""
    heading(_("Mijn registraties"), 2)
    for notice in session.take(PLACE):
        st.info(_(NOTICES[notice.code]))
    owner, lasting = backend.owner()
    try:
        own = sorted(register.mine(owner), key=lambda i: i.occurred_at, reverse=True)
    except (StoreError, RegisterUnavailable):
        st.info(_("Uw registraties kunnen nu niet worden getoond. Probeer het later opnieuw."))
        return
    if not own:
        st.markdown(_("U heeft hier nog niets geregistreerd."))
        return
    if not lasting:
        st.caption(_("Zonder bewaarde gegevens in deze browser ziet u alleen wat u in dit "
                     "venster registreerde."))
    for item in own:
        _one(engine, register, item)


def _one(engine: Engine, register: IncidentRegister, item: OwnIncident) -> None:
    lang, forms = current_lang(), content_labels(engine, "wat")
    title = _("{moment} · {channel}", moment=format_moment(item.occurred_at, lang),
              channel=_(w.CHANNELS.get(item.channel, item.channel)))
    with st.container(border=True, key=f"inc-own-{item.incident_id}"):
        st.markdown(f"**{plain(title)}**")
        st.markdown(", ".join(forms(f) for f in item.forms) or _("niet ingevuld"))
        st.caption(_("Status: {status}", status=_(w.STATUSES.get(item.status, item.status))))
        for text in item.additions:
            st.markdown(_("Aanvulling: {text}", text=plain(text)))
        with st.expander(_("Aanvullen of intrekken")):
            _actions(register, item)


def _actions(register: IncidentRegister, item: OwnIncident) -> None:
    st.text_area(_("Wat wilt u toevoegen? Bijvoorbeeld wat het later met u deed (stap 18)."),
                 key=add_key(item.incident_id), max_chars=4000, height=80)
    st.button(_("Aanvulling bewaren"), key=f"inc-add-save-{item.incident_id}",
              on_click=add, args=(register, item.incident_id))
    if session.widget(CONFIRM_KEY) != item.incident_id:
        st.button(_("Intrekken"), key=f"inc-withdraw-{item.incident_id}",
                  on_click=session.set_widget, args=(CONFIRM_KEY, item.incident_id))
        return
    st.warning(_("Weet u het zeker? Het incident wordt dan helemaal verwijderd. Ook de "
                 "coördinator ziet het niet meer."))
    with st.container(horizontal=True):
        st.button(_("Ja, intrekken"), key=f"inc-withdraw-yes-{item.incident_id}",
                  type="primary", on_click=withdraw, args=(register, item.incident_id))
        st.button(_("Nee, bewaren"), key=f"inc-withdraw-no-{item.incident_id}",
                  on_click=session.drop_widget, args=(CONFIRM_KEY,))


NOTICES = {"added": N_("Uw aanvulling is bewaard."),
           "withdrawn": N_("Het incident is ingetrokken en verwijderd."),
           "empty": N_("Schrijf eerst wat u wilt toevoegen."),
           "failed": N_("Dat is nu niet gelukt. Probeer het zo opnieuw."),
           "too-long": N_("De aanvulling is te lang. Maak haar wat korter."),
           "control-chars": N_("In de aanvulling staan tekens die niet in een tekst horen."),
           "not-allowed": N_("Deze aanvulling kan niet worden bewaard.")}


def add(register: IncidentRegister, incident_id: str) -> None:
    """on_click of "Aanvulling bewaren"."""
    text = str(session.widget(add_key(incident_id)) or "").strip()
    if not text:
        session.notify(PLACE, "empty")
        return
    owner, _lasting = backend.owner()
    try:
        register.add_to(owner, incident_id, text)
    except InvalidDraft as err:
        code = err.problems[0].code if err.problems else "not-allowed"
        session.notify(PLACE, code if code in NOTICES else "not-allowed")
        return
    except (StoreError, RegisterUnavailable, KeyError):
        session.notify(PLACE, "failed")
        return
    session.drop_widget(add_key(incident_id))
    session.notify(PLACE, "added")


def withdraw(register: IncidentRegister, incident_id: str) -> None:
    """on_click of "Ja, intrekken": the service deletes it."""
    session.drop_widget(CONFIRM_KEY)
    owner, _lasting = backend.owner()
    try:
        register.withdraw(owner, incident_id)
    except (StoreError, RegisterUnavailable, KeyError):
        session.notify(PLACE, "failed")
        return
    session.notify(PLACE, "withdrawn")
