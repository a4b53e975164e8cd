"""What the result view of other flows asks of the netwerklijst: a link, and step 6's status.

Why here: the result view belongs to the frame; it calls these two functions and knows nothing
else about the list. `wie-bellen` and `incident` are where a person needs the numbers; in
`gereedheid` step 6 counts as done only when the list itself is complete.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Progress
from vbestuur_engine.netwerklijst import adjust_progress

from ..i18n import t
from ..views import Ctx
from . import store

LINK_FLOWS = ("wie-bellen", "incident", "gereedheid")
READINESS_FLOW = "gereedheid"


def result_link(ctx: Ctx) -> None:
    """A short box with a link to "Mijn netwerklijst" on the results that need it."""
    if ctx.flow_id not in LINK_FLOWS:
        return
    from ..pages_netwerk import netwerk_page

    with st.container(border=True, key="nw-link"):
        st.markdown(t("nw.link"))
        if ctx.flow_id == READINESS_FLOW:
            st.caption(t("nw.link_step6"))
        st.page_link(netwerk_page(), label=t("nav.netwerk"), icon="📇")


def adjusted(ctx: Ctx, progress: Progress) -> Progress:
    """The progress with step 6 judged by the person's list (only in `gereedheid`)."""
    if ctx.flow_id != READINESS_FLOW:
        return progress
    return adjust_progress(progress, store.stored(), ctx.engine.content)
