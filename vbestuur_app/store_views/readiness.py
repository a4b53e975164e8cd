"""Readiness over time: the progress since the previous check, on this person's token only.

Why only reading here: a completed check is kept by the callback that completed it
(`state._record_check`, through `vbestuur_service.conversation.record_check`), with the same
judgement the result page uses, so "since your previous check" compares two real moments and
the numbers the person saw. A reload or a new tab shows the result again without keeping it
again; drawing a page never writes to the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from vbestuur_engine import PhaseReadiness
from vbestuur_service import conversation as uc
from vbestuur_service.i18n.words import PHASE_NAMES
from vbestuur_service.localtime import format_day, local

from .. import persistence
from ..i18n import _, current_lang

if TYPE_CHECKING:  # types only: the store's modules import SQLAlchemy (issue 15)
    from vbestuur_store import ReadinessEntry


def render_progress(flow_id: str, readiness: list[PhaseReadiness]) -> None:
    """Show the progress since the previous kept check (nothing when nothing is kept: no
    token, or a token whose first save did not happen, F6)."""
    if persistence.session_token() is None or not persistence.is_stored():
        return
    nothing: list[ReadinessEntry] = []
    history = persistence.attempt(lambda v: uc.history(v, flow_id), nothing)
    if len(history) < 2:
        st.caption(_(
            "Deze check is bewaard. Doet u hem later opnieuw, dan ziet u hier wat er is "
            "veranderd."))
        return
    previous = history[-2]
    st.markdown(_(
        "Sinds uw vorige check op {date}:",
        date=format_day(local(previous.when).date(), current_lang())))
    lines = [_(
        "{phase}: {then}% → {now}% ({diff})", phase=_(PHASE_NAMES[phase]), then=then, now=now,
        diff=f"{now - then:+d}") for phase, then, now in uc.changes(previous, readiness)]
    st.markdown("\n".join(f"- {line}" for line in lines))
