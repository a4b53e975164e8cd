"""What the result view of other flows asks of the netwerklijst: a link to the list.

Why here: the result view belongs to the frame; it calls this function and knows nothing else
about the list. `wie-bellen` and `incident` are where a person needs the numbers. (How the list
judges step 6 in `gereedheid` is a rule of the result: `vbestuur_service.conversation.result`.)
"""

from __future__ import annotations

import html

import streamlit as st

from vbestuur_service.conversation import NETWERK_FLOW

from .. import links
from ..i18n import _

LINK_FLOWS = ("wie-bellen", "incident", NETWERK_FLOW)


def box_html(flow_id: str) -> str:
    """The box's words as fixed markup around escaped text, for the end of the result's HTML
    block ("" on the results without the box); its link follows it (`result_link`).

    Why not a bordered container with a Markdown line: those were two elements more on every
    rerun of the result page (issue 15); the words are UI text, escaped all the same."""
    if flow_id not in LINK_FLOWS:
        return ""
    words = [("", _(
        "Zet de nummers die u nodig heeft op één lijst: op uw telefoon en op papier."))]
    if flow_id == NETWERK_FLOW:
        words.append((' class="vb-small"', _(
            "Stap 6 telt pas als klaar als uw netwerklijst compleet is.")))
    body = "".join(f"<p{attrs}>{html.escape(text)}</p>" for attrs, text in words)
    return f'<div class="vb-card vb-nw" data-key="nw-link">{body}</div>'


def result_link(flow_id: str) -> None:
    """The link to "Mijn netwerklijst", right under the box of `box_html`."""
    if flow_id in LINK_FLOWS:
        st.page_link(links.target(links.NETWERKLIJST), label=_("Mijn netwerklijst"), icon="📇")
