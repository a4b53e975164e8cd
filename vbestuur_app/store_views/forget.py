"""Vergeet mij: delete everything stored for this person at once, after a clear confirmation.

Why a tick box before the button: deleting cannot be undone, and a person in a hurry must not
lose their answers by one mis-tap. Why no second screen: the confirmation and the button sit
together, so it is one deliberate act, and the result is said plainly afterwards.
"""

from __future__ import annotations

import streamlit as st

from .. import persistence, session
from ..i18n import _
from ..widgets import heading

CONFIRM_KEY = "forget:confirm"
BUTTON_KEY = "forget:go"


def render() -> None:
    """The "Vergeet mij" section (on the Bewaren page)."""
    heading(_("Vergeet mij"), 2)
    if session.current().forgotten:
        st.success(_(
            "Alles is verwijderd. Wat u in dit venster nog invult, wordt niet meer bewaard. "
            "Opent u de hulp opnieuw, dan begint u met een lege lijst."))
        return
    st.markdown(_(
        "Hiermee verwijdert u in één keer alles wat over u is bewaard: uw antwoorden, uw "
        "lijsten, uw eerdere checks, uw bewaarcode en de incidenten die u heeft "
        "geregistreerd. Dit kan niet ongedaan worden gemaakt. Wat u heeft gedownload, blijft "
        "op uw eigen apparaat."))
    confirmed = st.checkbox(_("Ja, verwijder alles wat over mij is bewaard"), key=CONFIRM_KEY)
    st.button(_("Vergeet mij"), key=BUTTON_KEY, type="primary", disabled=not confirmed,
              on_click=_forget)


def _forget() -> None:
    """on_click: delete in the store and empty the session (persistence says if it worked)."""
    if session.widget(CONFIRM_KEY):
        persistence.forget_me()
