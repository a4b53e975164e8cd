"""The pattern signal: "mogelijk dezelfde persoon", which the coordinator confirms or rejects.

Why only a signal: the service matches what office holders wrote about perpetrators (the same
handle, phone number or e-mail address; a name that is nearly the same), so it can be wrong.
The coordinator decides; the decision is remembered and audited by the service. Nobody else
ever sees a signal: this view is drawn only for the coordinator (coordinator.py).
"""

from __future__ import annotations

import streamlit as st

from vbestuur_service.i18n import N_
from vbestuur_service.incidents import IncidentRegister, PatternSignal, RegisterUnavailable
from vbestuur_service.localtime import format_day
from vbestuur_service.staff import StaffIdentity
from vbestuur_store import StoreError

from .. import session
from ..i18n import _, current_lang
from ..widgets import plain
from . import words as w

PLACE = "inc-signal"
NOTICES = {"failed": N_("Dat is nu niet gelukt. Probeer het zo opnieuw.")}


def signal_line(signal: PatternSignal, lang: str) -> str:
    """'Mogelijk dezelfde persoon (3 incidenten, 2 ambtsdragers, 1 mei 2026 – 2 juni 2026)'."""
    return _("Mogelijk dezelfde persoon ({n} incidenten, {m} ambtsdragers, {first} tot en met "
             "{last})", lang, n=signal.incidents, m=signal.office_holders,
             first=format_day(signal.first, lang), last=format_day(signal.last, lang))


def render(register: IncidentRegister, who: StaffIdentity) -> None:
    st.caption(_("Incidenten die dezelfde dader lijken te noemen. Alleen u ziet dit. Kijk in "
                 "het register naar de incidenten en beslis of het dezelfde persoon is."))
    for _notice in session.take(PLACE):
        st.error(_(NOTICES["failed"]))
    try:
        found = register.signals(who)
    except (StoreError, RegisterUnavailable):
        st.error(_("De patronen kunnen nu niet worden gelezen. Probeer het later opnieuw."))
        return
    if not found:
        st.markdown(_("Er zijn nu geen incidenten die dezelfde dader lijken te noemen."))
    for signal in found:
        _one(register, who, signal)


def _one(register: IncidentRegister, who: StaffIdentity, signal: PatternSignal) -> None:
    lang = current_lang()
    with st.container(border=True, key=f"inc-signal-{signal.signal_id}"):
        st.markdown(f"**{plain(signal_line(signal, lang))}**")
        st.markdown(_("Zelfde {what}.", what=", ".join(
            _(w.MATCHED_ON.get(m, m)) for m in signal.matched_on)))
        st.caption(_("Beoordeling: {decision}", decision=_(w.DECISIONS[signal.decision])))
        with st.container(horizontal=True):
            st.button(_("Bevestigen: dezelfde persoon"), key=f"inc-confirm-{signal.signal_id}",
                      type="primary" if signal.decision == "open" else "secondary",
                      on_click=decide, args=(register, who, signal.signal_id, True))
            st.button(_("Afwijzen"), key=f"inc-reject-{signal.signal_id}",
                      on_click=decide, args=(register, who, signal.signal_id, False))


def decide(register: IncidentRegister, who: StaffIdentity, signal_id: str,
           confirmed: bool) -> None:
    """on_click of "Bevestigen" or "Afwijzen"."""
    try:
        register.decide(who, signal_id, confirmed)
    except (StoreError, RegisterUnavailable, KeyError):
        session.notify(PLACE, "failed")
