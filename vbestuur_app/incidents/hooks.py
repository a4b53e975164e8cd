"""What the result view asks of the register: "Registreer dit incident" at the end of the
`incident` and `melden` results, pre-filled from the answers.

Why only when the register is switched on: a door to a register the municipality has not
switched on would lead a frightened person to a dead end; the result's own advice on reporting
is right there. (With the register on, the incident result on a phone is one button longer.)

Why a button and not a link: the click seeds the form (the forms of behaviour from `wat`, the
role, now as the time) in this session before the page opens, so nothing travels in the URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import streamlit as st

from .. import links
from ..i18n import _
from . import backend

LINK_FLOWS: Final = ("incident", "melden")


def result_link(flow_id: str, answers: Mapping[str, Any]) -> None:
    """One full-width button "Registreer dit incident" on the results it belongs to (no box
    of its own: the incident result must stay within three phone screens)."""
    if flow_id not in LINK_FLOWS or not backend.switched_on():
        return
    with st.container(key="inc-link"):  # one line: the phone result stays within 3 screens
        if st.button(_("Registreer dit incident"),
                     key="inc-link-open", width="stretch"):
            from . import draft, submit  # deferred: the register's modules load on a click

            submit.forget_receipt()
            draft.prefill(answers)
            st.switch_page(links.target(links.REGISTREREN))
