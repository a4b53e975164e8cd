"""Bewaren en verdergaan: the bewaarcode (shown once) and continuing on another device.

Why a form field and never a link: a code in a URL would end up in the browser history, in
server logs and in Referer headers. The code is typed (or pasted) into a form, checked, and
cleared from the field straight away; an error message never repeats what was typed.

Why "shown once": the store keeps only a hash of the code. The code stays on screen until the
person says it is saved, and a new code replaces the old one.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_service import runtime
from vbestuur_service.errors import StorageUnavailable
from vbestuur_store import StoreError
from vbestuur_store.config import DEFAULT_RETENTION_DAYS

from .. import persistence, session, state
from ..i18n import _
from ..messages import error_text
from ..widgets import heading
from . import forget

PLACE = "resume"  # the notice place of the resume form
INPUT_KEY = "resume:code"
FORM_KEY = "resume-form"
MAKE_KEY = "store:make_code"
HIDE_KEY = "store:hide_code"
RELINK_URL = "./start"


def render() -> None:
    """Draw the page: what is kept, the bewaarcode, continuing with a code, vergeet mij."""
    heading(_("Bewaren en verdergaan"), 1)
    token = persistence.session_token()
    _status(token)
    heading(_("Verder op een ander apparaat"), 2)
    _make_code(token)
    heading(_("Verdergaan met een bewaarcode"), 2)
    _resume()
    forget.render()


def retention_days() -> int:
    """The configured retention period (the default when the setting cannot be read)."""
    try:
        return runtime.current().settings.retention_days
    except StoreError:
        return DEFAULT_RETENTION_DAYS


def store_ready() -> bool:
    """True when the database answers (within a few seconds), so that "not saved" is blamed
    on the right cause: a database that is down, not the cookie (F10)."""
    try:
        return runtime.current().use(lambda store: store.ping(timeout=2.0)).ready
    except StoreError:
        return False


def _status(token: str | None) -> None:
    if token is None and not store_ready():
        st.info(error_text(StorageUnavailable()))
    elif token is None:
        st.info(_(
            "In deze browser worden uw antwoorden niet bewaard, omdat er geen cookie kan worden "
            "gebruikt. Uw antwoorden staan alleen in dit venster."))
    else:
        st.markdown(_(
            "Uw antwoorden worden bewaard. Ververst u de pagina of komt u later terug in deze "
            "browser, dan staan ze er nog. Ze worden verwijderd als u ze {days} dagen niet "
            "gebruikt.", days=retention_days()))


def _make_code(token: str | None) -> None:
    st.markdown(_(
        "Met een bewaarcode gaat u verder op een andere computer of telefoon. Wie de code "
        "heeft, kan uw antwoorden zien. Bewaar de code dus goed."))
    code = session.current().bewaarcode
    if code:
        st.success(_("Dit is uw bewaarcode:"))
        st.code(code, language=None)
        st.caption(_(
            "Schrijf de code op of kopieer hem met het knopje rechts in het vak. U ziet de code "
            "maar één keer: wij bewaren hem niet leesbaar."))
        st.button(_("Ik heb de code bewaard"), key=HIDE_KEY, on_click=_hide_code)
        return
    if token is None:
        st.caption(_("Een bewaarcode kan alleen als uw antwoorden worden bewaard (zie hierboven)."))
        return
    st.button(_("Maak een bewaarcode"), key=MAKE_KEY, type="primary", on_click=_create_code)
    st.caption(_("Een nieuwe code maakt uw vorige code ongeldig."))


def _create_code() -> None:
    """on_click: make a new code (the store replaces any earlier one) and show it."""
    code = persistence.make_bewaarcode()
    if code:
        session.current().bewaarcode = code


def _hide_code() -> None:
    session.current().bewaarcode = None


def _resume() -> None:
    st.markdown(_(
        "Heeft u een bewaarcode? Vul hem hier in. De antwoorden die u op dit apparaat al gaf, "
        "worden dan vervangen door de bewaarde antwoorden."))
    for notice in session.take(PLACE):
        if notice.code == "error":
            st.error(notice.params["text"])
        else:
            _resumed()
    with st.form(FORM_KEY, clear_on_submit=False, enter_to_submit=True):
        st.text_input(_("Bewaarcode"), key=INPUT_KEY, max_chars=200,
                      autocomplete="off", placeholder="ABCD-EFGH-…")
        st.form_submit_button(_("Verdergaan"), on_click=_resume_code)


def _resume_code() -> None:
    """on_click of the form: check the code; only a right code changes this session."""
    typed = str(session.widget(INPUT_KEY) or "")
    session.set_widget(INPUT_KEY, "")
    try:
        saved = persistence.resume(typed)
    except StoreError as err:
        session.notify(PLACE, "error", text=error_text(err))
        return
    session.current().bewaarcode = None
    state.replace_answers(saved)
    session.notify(PLACE, "resumed")


def _resumed() -> None:
    """Say what happened, and how this browser keeps the answers after a reload."""
    st.success(_("Gelukt. Uw bewaarde antwoorden staan nu in dit venster."))
    if session.current().link_from:
        st.info(_(
            "Wilt u dat deze browser de antwoorden ook na het verversen onthoudt? Klik dan "
            "binnen een minuut op de knop hieronder, of ververs deze pagina."))
        st.link_button(_("Deze browser laten onthouden"), RELINK_URL)
    elif persistence.read_cookie() is None:
        st.warning(_(
            "Deze browser bewaart geen cookie. Na het verversen zijn de antwoorden hier weer "
            "weg; gebruik dan de bewaarcode opnieuw."))
