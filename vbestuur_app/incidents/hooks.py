"""What the result view asks of the register: "Registreer dit incident" at the end of the
`incident` and `melden` results, pre-filled from the answers.

Why a button and not a link: the click seeds the form (the forms of behaviour from `wat`, the
role, now as the time) in this session before the page opens, so nothing travels in the URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import streamlit as st

from .. import links
from ..i18n import _
from . import draft, submit

LINK_FLOWS: Final = ("incident", "melden")


def result_link(flow_id: str, answers: Mapping[str, Any]) -> None:
    """The box with "Registreer dit incident" on the results it belongs to."""
    if flow_id not in LINK_FLOWS:
        return
    with st.container(border=True, key="inc-link"):
        st.markdown(_(
            "Leg het incident vast voor de coördinator van uw gemeente. Dat kost een minuut, en "
            "kan anoniem (stap 14)."))
        if st.button(_("Registreer dit incident"), key="inc-link-open", width="stretch"):
            submit.forget_receipt()
            draft.prefill(answers)
            st.switch_page(links.target(links.REGISTREREN))
