"""The coordinator's page: the register, the pattern signal and the figures, behind sign-in.

Why only the coordinator role: the register holds what office holders told in confidence and
what is known of perpetrators. Anyone else (not signed in, or signed in with another role)
sees the sign-in box and nothing of the register or the signal; the service checks the role
again on every call (PermissionError), so the page is not the only guard.
"""

from __future__ import annotations

from typing import Final

import streamlit as st

from vbestuur_service.incidents import RegisterUnavailable
from vbestuur_service.staff import StaffIdentity

from .. import session
from ..i18n import _
from ..loading import load
from ..store_views import signin
from ..widgets import heading, plain
from . import backend, detailview, figview, listview, signalview

COORDINATOR_ROLES: Final = frozenset({"coordinator"})


def render() -> None:
    """Draw the page."""
    engine = load().engine
    assert engine is not None
    heading(_("Incidentenregister"), 1)
    who = _coordinator()
    if who is None:
        return
    register = backend.open_register()
    if isinstance(register, RegisterUnavailable):
        _unavailable(register.code)
        return
    tabs = st.tabs([_("Register"), _("Mogelijk dezelfde persoon"), _("Cijfers (stap 20)")])
    with tabs[0]:
        listview.render(engine, register, who)
    with tabs[1]:
        signalview.render(register, who)
    with tabs[2]:
        figview.render(engine, register, who)


def _coordinator() -> StaffIdentity | None:
    """The signed-in coordinator; anyone else gets the sign-in box and nothing more."""
    who = signin.signed_in()
    if who is not None and who.may(COORDINATOR_ROLES):
        with st.container(horizontal=True, key="inc-staff"):
            st.caption(_("Aangemeld als {name}. Elke keer dat u een incident bekijkt, wordt "
                         "vastgelegd.", name=plain(who.name)))
            st.button(_("Afmelden"), key="inc-sign-out", on_click=signin.sign_out)
        return who
    session.drop_widget(detailview.DETAIL_KEY)  # a read detail never outlives the sign-in
    st.info(_("Het incidentenregister is alleen voor de coördinator van de gemeente. Meld u "
              "aan met een account met de rol coordinator."))
    if who is not None:
        st.warning(_("U bent aangemeld als {name}, maar uw account heeft niet de rol "
                     "coordinator.", name=plain(who.name)))
    signin.render()
    return None


def _unavailable(code: str) -> None:
    """For the coordinator: what is missing, so the operator can switch it on."""
    if code == "database":
        st.error(_("De database van het register is nu niet bereikbaar. Probeer het later "
                   "opnieuw."))
        return
    st.error(_("Het register staat niet aan: de sleutel ontbreekt of klopt niet. De beheerder "
               "zet hem in VBESTUUR_REGISTER_KEY of VBESTUUR_REGISTER_KEY_FILE (zie "
               "docs/privacy.md)."))


