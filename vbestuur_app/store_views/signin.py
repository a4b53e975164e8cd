"""Staff sign-in on a page: own name and passphrase (or the municipality's identity provider).

Why accounts: the shared griffie PIN had one global lock, so five wrong guesses from anyone
locked the real griffier out (F4). Now every member of staff has an account with roles
(`python -m vbestuur_store add-user`), the store throttles per client and per account, and who
signed in lives in this session's `Session.staff` (vbestuur_service.staff).

Why the client address (vbestuur_app/clients.py): a guesser slows down only their own attempts.

Why the passphrase field is emptied at once: it must not stay in the session.
"""

from __future__ import annotations

import time

import streamlit as st

from vbestuur_service import runtime, staff
from vbestuur_service.staff import Refused, StaffIdentity
from vbestuur_store import StoreError

from .. import clients, persistence, session
from ..i18n import _, pgettext
from ..messages import error_text
from ..widgets import heading, plain
from . import oidc

PLACE = "staff"  # the notice place of the sign-in box
NAME_KEY = "staff:name"
PASS_KEY = "staff:passphrase"
FORM_KEY = "staff-sign-in"
OUT_KEY = "staff:out"
OPERATOR_HELP = ("python -m vbestuur_store add-user NAAM --role griffie\n"
                 "python -m vbestuur_store list-users")


def signed_in() -> StaffIdentity | None:
    """The member of staff signed in on this session, refreshed from the identity provider."""
    oidc.adopt()
    return session.staff(time.time())


def render() -> StaffIdentity | None:
    """The sign-in box, or who is signed in; returns the identity while it lasts."""
    heading(pgettext("heading: who is editing", "Wijzigen"), 2)
    who = signed_in()
    if who is not None:
        st.success(_("U bent aangemeld als {name}, voor een half uur.", name=plain(who.name)))
        st.button(_("Afmelden"), key=OUT_KEY, on_click=sign_out)
        return who
    unknown = oidc.without_role()
    if unknown is not None:
        st.warning(_(
            "Bij de gemeente bent u aangemeld als {name}, maar uw account heeft daar geen rol "
            "voor deze hulp. Vraag de beheerder van de gemeente om de rol griffie, "
            "coordinator, facilitator of operator.", name=plain(unknown)))
        st.button(_("Afmelden"), key=OUT_KEY, on_click=sign_out)
        return None
    for notice in session.take(PLACE):
        st.error(notice.params["text"])
    st.markdown(_(
        "Om te wijzigen meldt u zich aan met uw eigen naam en wachtwoord. Uw naam komt bij elke "
        "wijziging te staan."))
    with st.form(FORM_KEY, enter_to_submit=True):
        st.text_input(_("Gebruikersnaam"), key=NAME_KEY, max_chars=100, autocomplete="username")
        st.text_input(_("Wachtwoord"), key=PASS_KEY, type="password", max_chars=256,
                      autocomplete="current-password")
        st.form_submit_button(_("Aanmelden"), on_click=_sign_in)
    oidc.button()
    st.caption(_(
        "Nog geen account? De beheerder van deze hulp maakt er een aan met de opdracht "
        "hieronder."))
    st.code(OPERATOR_HELP, language=None)
    return None


def _sign_in() -> None:
    """on_click: the store judges the passphrase; it never stays in the session."""
    name = str(session.widget(NAME_KEY) or "").strip()
    passphrase = str(session.widget(PASS_KEY) or "")
    session.set_widget(PASS_KEY, "")
    try:
        result = staff.sign_in(runtime.current(), name, passphrase, client=clients.address(),
                               session_token=persistence.read_cookie(), now=time.time())
    except StoreError as err:
        session.notify(PLACE, "error", text=error_text(err))
        return
    if isinstance(result, Refused):
        text = (_(
            "Te veel pogingen vanaf deze plek. Probeer het over {seconds} seconden opnieuw.",
            seconds=result.wait) if result.wait
                else _("De naam of het wachtwoord is onjuist."))
        session.notify(PLACE, "error", text=text)
        return
    session.current().staff = result


def sign_out() -> None:
    session.current().staff = None
    oidc.sign_out()
