"""What the result view of other flows asks of the netwerklijst: a link to the list.

Why here: the result view belongs to the frame; it calls this function and knows nothing else
about the list. `wie-bellen` and `incident` are where a person needs the numbers. (How the list
judges step 6 in `gereedheid` is a rule of the result: `vbestuur_service.conversation.result`.)
"""

from __future__ import annotations

import streamlit as st

from vbestuur_service.conversation import NETWERK_FLOW

from .. import links
from ..i18n import _

LINK_FLOWS = ("wie-bellen", "incident", NETWERK_FLOW)


def result_link(flow_id: str) -> None:
    """A short box with a link to "Mijn netwerklijst" on the results that need it."""
    if flow_id not in LINK_FLOWS:
        return
    with st.container(border=True, key="nw-link"):
        st.markdown(_(
            "Zet de nummers die u nodig heeft op één lijst: op uw telefoon en op papier."))
        if flow_id == NETWERK_FLOW:
            st.caption(_("Stap 6 telt pas als klaar als uw netwerklijst compleet is."))
        st.page_link(links.target(links.NETWERKLIJST), label=_("Mijn netwerklijst"), icon="📇")
