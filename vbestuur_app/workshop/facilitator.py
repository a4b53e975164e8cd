"""The facilitator's page: create or open a workshop, end it, export, hand over, delete.

Why the PIN is asked once and then kept in this session's state: every action (next step, end,
export, hand over, delete) is checked again by the store against the hashed PIN, so a stolen
room code is worth nothing without it, while the facilitator does not have to type it again in
front of the room. Closing the tab forgets it.

Why a staff sign-in first: only an account with the role facilitator (or coordinator) may create
or open a workshop, and opening one goes through the store's per-client throttle, never the
workshop's own counter, so a participant who reads the room code from the wall cannot lock the
facilitator out (F2) nor learn whether a code exists (F15).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from urllib.parse import urlencode

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from vbestuur_engine import Engine
from vbestuur_service import register, staff
from vbestuur_service import workshop as ws
from vbestuur_service.i18n.words import PHASE_NAMES
from vbestuur_service.localtime import format_moment
from vbestuur_store import StoreError, Workshop

from .. import clients, links, persistence
from ..i18n import _, current_lang, pgettext
from ..messages import proposal_note
from ..store_views import signin
from ..widgets import heading, plain
from . import backend, beamer, handover
from .export import build_summary, to_markdown
from .export_pdf import to_pdf
from .prompts import poll_vocabulary

PHASES = ("vooraf", "tijdens", "erna")


def render(engine: Engine, screen_page: StreamlitPage | None = None) -> None:
    """The page: the console of the open workshop, or the forms to create or open one."""
    heading(_("Workshop begeleiden"), 1)
    backend.show_notice()
    current = backend.facilitator()
    if not _signed_in_facilitator():
        return
    if current is None:
        st.markdown(plain(_(
            "In een workshop bespreekt u met college en raad de stappen van de leidraad. De "
            "deelnemers doen mee op hun eigen telefoon, zonder naam en zonder account. Zij zien "
            "nooit wat een ander antwoordt. Een uitslag verschijnt pas als genoeg mensen hebben "
            "geantwoord.")))
        _create_form(engine)
        _login_form()
    else:
        _console(engine, *current, screen_page)


def _signed_in_facilitator() -> bool:
    """Only staff with the facilitator role run workshops (F2): else the sign-in box."""
    who = signin.signed_in()
    if who is not None and who.may(staff.FACILITATOR_ROLES):
        return True
    st.info(_("Workshops begeleiden kan na aanmelden met een account met de rol facilitator."))
    signin.render()
    return False


def chosen_steps(engine: Engine, phases: list[str], steps: list[int]) -> list[int]:
    """The single steps if any were picked, else every step of the chosen phases."""
    if steps:
        return sorted(steps)
    return sorted(s.id for s in engine.content.steps.values() if s.phase in phases)


def _step_label(engine: Engine) -> Callable[[int], str]:
    lang = current_lang()
    return lambda sid: _(
        "Stap {number}: {title}", lang, number=sid,
        title=engine.content.steps[sid].title.get(lang))


def _create_form(engine: Engine) -> None:
    heading(_("Nieuwe workshop"), 2)
    lang = current_lang()
    phases = st.multiselect(_("Welke fasen bespreekt u?"), PHASES, default=list(PHASES),
                            format_func=lambda p: _(PHASE_NAMES[p], lang), key="ws-new-phases",
                            placeholder=_("Kies een of meer"))
    steps = st.multiselect(_(
        "Of kies losse stappen (leeg: alle stappen van de gekozen fasen)"
    ), sorted(engine.content.steps),
                           format_func=_step_label(engine), key="ws-new-steps",
                           placeholder=_("Kies een of meer"))
    k = st.number_input(_(
        "Minimaal aantal antwoorden voor een uitslag"), min_value=3, max_value=100, value=5, step=1,
                        key="ws-new-k", help=_(
                            "Zo is niemand te herkennen aan zijn antwoord. Het minimum is 3."))
    most = st.number_input(_(
        "Hoogstens zoveel deelnemers (0 = geen grens)"
    ), min_value=0, max_value=1000, value=0, step=1,
                           key="ws-new-max", help=_(
                               "Eén apparaat is één deelnemer. Met een grens kan niemand de "
                               "zaal ‘vullen’ met extra browsers."))
    pin = st.text_input(_(
        "Kies een pincode voor uzelf (minstens 6 tekens)"), type="password", key="ws-new-pin")
    again = st.text_input(_("Herhaal de pincode"), type="password", key="ws-new-pin2")
    st.caption(_(
        "De workshop en alle antwoorden worden na {days} dagen vanzelf verwijderd.",
        days=backend.rt().settings.workshop_days))
    if st.button(_("Workshop maken"), key="ws-create", type="primary"):
        _create(chosen_steps(engine, phases, steps), int(k), pin, again, int(most) or None)


def _create(steps: list[int], k: int, pin: str, again: str, most: int | None) -> None:
    if not steps:
        st.error(_("Kies ten minste één fase of stap."))
        return
    if pin != again:
        st.error(_("De twee pincodes zijn niet gelijk."))
        return
    try:
        made = ws.create(backend.rt(), pin, steps, k, most)
    except StoreError as err:
        backend.show_error(err)
        return
    backend.set_facilitator(made.code, pin)
    _trust(made.code, pin)
    st.rerun()


def _trust(code: str, pin: str) -> None:
    """Trust this session for the new workshop, so a stranger's guesses never slow it."""
    with suppress(StoreError):  # the workshop exists; only the trust could not be recorded
        staff.trust_new_workshop(backend.rt(), code, pin, client=clients.address(),
                                 session_token=persistence.read_cookie())


def _login_form() -> None:
    heading(_("Verder met een workshop"), 2)
    code = st.text_input(_("Workshopcode"), key="ws-login-code", max_chars=12)
    pin = st.text_input(_("Uw pincode"), type="password", key="ws-login-pin")
    if st.button(pgettext("button: open the console", "Openen"), key="ws-login"):
        _open(code, pin)


def _open(code: str, pin: str) -> None:
    """Sign in to a running workshop; throttled per client, an unknown code reads like a
    wrong PIN (F2, F15: vbestuur_service.staff.open_workshop)."""
    try:
        opened = staff.open_workshop(backend.rt(), code, pin, client=clients.address(),
                                     session_token=persistence.read_cookie())
    except StoreError as err:
        backend.show_error(err)
        return
    if isinstance(opened, staff.Refused):
        st.error(_(
            "Te veel pogingen vanaf deze plek. Probeer het over {seconds} seconden opnieuw.",
            seconds=opened.wait) if opened.wait
                 else _("Deze combinatie van workshopcode en pincode klopt niet."), icon="⚠️")
        return
    backend.set_facilitator(opened[0], pin)
    st.rerun()


def _console(engine: Engine, code: str, pin: str,
             screen_page: StreamlitPage | None) -> None:
    try:
        workshop = ws.get(backend.rt(), code)
    except StoreError as err:
        backend.show_error(err)
        st.button(_("Sluiten op dit apparaat"), key="ws-logout", on_click=backend.set_facilitator,
                  args=(None,))
        return
    heading(_("Workshopcode: {code}", code=code), 2)
    base, page = beamer.join_base()
    if base is None:  # served on loopback: say so before the room opens (issue 13)
        beamer.loopback_notice(page)
    st.markdown(plain(_(
        "{participants} deelnemers · stap {step} staat op het scherm · verloopt op {date}",
        participants=workshop.participants, step=workshop.current_step,
        date=format_moment(workshop.expires_at, current_lang()))))
    if screen_page is not None:
        st.page_link(screen_page, label=_("Open het scherm voor de beamer"), icon="📽️")
        _screen_window(code, pin)
    if workshop.ended:
        st.info(_("Deze workshop is afgelopen."))
    else:
        st.button(_("Workshop beëindigen"), key="ws-end", on_click=_act, args=("end", code, pin))
    _export(engine, workshop, pin)
    _hand_over(engine, code, pin)
    _delete(code, pin)
    st.button(_("Sluiten op dit apparaat"), key="ws-logout", on_click=backend.set_facilitator,
              args=(None,))


def _screen_window(code: str, pin: str) -> None:
    """A second window for the projector without signing in again: a one-time, two-minute
    link for this browser only (handover.py), made when asked, never kept in the page."""
    if not st.button(_("Scherm in een nieuw venster"), key="ws-window"):
        return
    token = handover.BOOK.issue(code, pin, persistence.read_cookie())
    st.link_button(_("Open het scherm in een nieuw venster"),
                   f"{links.SCHERM}?{urlencode({handover.PARAM: token})}", icon="📽️")
    st.caption(_(
        "Deze knop werkt één keer, binnen twee minuten, en alleen in deze browser. Sleep het "
        "nieuwe venster naar de beamer."))


def _act(action: str, code: str, pin: str) -> None:
    """Callback for end/delete: the store checks the PIN again."""
    try:
        if action == "end":
            ws.end(backend.rt(), code, pin)
        else:
            ws.delete(backend.rt(), code, pin)
            backend.set_facilitator(None)
            backend.set_notice("success", _("De workshop en alle antwoorden zijn verwijderd."))
    except StoreError as err:
        backend.keep_error(err)


def _export(engine: Engine, workshop: Workshop, pin: str) -> None:
    heading(_("Samenvatting"), 3)
    st.caption(_(
        "Per stap: hoe de zaal erover dacht, en welke stappen open of onbekend zijn. Een stap "
        "krijgt cijfers als de uitslag is getoond, of als de workshop is beëindigd; stappen met "
        "te weinig antwoorden staan erin zonder cijfers."))
    lang = current_lang()
    try:
        summary = ws.summary(backend.rt(), workshop.code, pin, poll_vocabulary(engine))
    except StoreError as err:
        backend.show_error(err)
        return
    doc = build_summary(engine, summary, lang)
    name = f"workshop-{workshop.code}"
    st.download_button(_(
        "Download samenvatting (Markdown)"), data=to_markdown(doc), file_name=f"{name}.md",
                       mime="text/markdown", key="ws-dl-md", on_click="ignore")
    st.download_button(_("Download samenvatting (PDF)"), data=lambda: to_pdf(doc),
                       file_name=f"{name}.pdf", mime="application/pdf", key="ws-dl-pdf",
                       on_click="ignore")


def _hand_over(engine: Engine, code: str, pin: str) -> None:
    st.caption(_(
        "Stappen van de organisatie die de zaal open of onbekend vond, komen als voorstel in "
        "het overzicht van de griffie. De griffie beslist over de status."))
    if not st.button(_("Open stappen doorgeven aan de griffie"), key="ws-propose"):
        return
    org_steps = [s.id for s in register.org_steps(engine)]
    try:
        handed = ws.hand_over(backend.rt(), code, pin, org_steps,
                              proposal_note(current_lang()), poll_vocabulary(engine))
    except StoreError as err:
        backend.show_error(err)
        return
    if handed:
        st.success(_(
            "Doorgegeven aan de griffie: stap {steps}.", steps=", ".join(str(s) for s in handed)))
    else:
        st.info(_("Er zijn geen stappen om door te geven."))


def _delete(code: str, pin: str) -> None:
    sure = st.checkbox(_(
        "Ja, verwijder deze workshop met alle antwoorden"), key="ws-delete-confirm")
    st.button(_("Workshop verwijderen"), key="ws-delete", disabled=not sure, on_click=_act,
              args=("delete", code, pin))
