"""The office holder's page: register an incident, see the receipt, and "Mijn registraties".

Why a calm stop without the register: the municipality switches the register on by giving
the app its key (docs/privacy.md). Without it nothing can be stored safely, so the page says
so in one sentence, and offers what always works: the advice on reporting (`melden`).
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_service.incidents import RegisterUnavailable

from .. import links, state
from ..i18n import _
from ..loading import load
from ..widgets import heading
from . import backend, form, mine, receipt, submit

MELDEN_FLOW = "melden"


def render() -> None:
    """Draw the page."""
    engine = load().engine
    assert engine is not None
    heading(_("Incident registreren"), 1)
    st.markdown(_(
        "Registreer elk incident, ook als het klein lijkt (stap 14). Het kost ongeveer een "
        "minuut. Alleen de coördinator van uw gemeente ziet het."))
    register = backend.open_register()
    if isinstance(register, RegisterUnavailable):
        unavailable(engine, register.code)
        return
    done = submit.receipt()
    if done is not None:
        receipt.render(engine, done, backend.owner()[1])
        st.button(_("Nog een incident registreren"), key="inc-again",
                  on_click=submit.forget_receipt)
    else:
        form.render(engine, register)
    mine.render(engine, register)


def unavailable(engine: Engine, code: str) -> None:
    """One calm message, and the way to the advice on reporting."""
    if code == "database":
        st.info(_(
            "Het incidentenregister is nu niet bereikbaar. Probeer het later opnieuw. Meld het "
            "incident intussen wel, zoals hieronder staat."))
    else:
        st.info(_(
            "Uw gemeente heeft het incidentenregister nog niet aangezet. Meld het incident wel: "
            "bij de griffie of uw contactpersoon in de gemeente, en bij een strafbaar feit bij "
            "de politie. Lees hoe dat gaat."))
    if MELDEN_FLOW not in engine.compiled:
        return
    if st.button(_("Hoe meld ik een incident?"), key="inc-to-melden", type="primary",
                 on_click=state.start_flow, args=(engine, MELDEN_FLOW)):
        st.switch_page(links.target(links.GESPREK))
