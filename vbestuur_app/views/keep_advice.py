"""The page "Bewaar of print uw advies": the open conversation's advice as files.

Why a page and not a fold on the result: see views/result.py. It shows the result the person
just read (the same answers, language and municipality), and leads back to it.
"""

from __future__ import annotations

import streamlit as st

from .. import links, state
from ..i18n import _, current_lang
from ..loading import load
from ..store_views.local import session_local
from ..widgets import heading
from . import Ctx, conversation, downloads, result


def render() -> None:
    """The exports of a finished conversation; otherwise the way to one."""
    heading(_("Bewaar of print uw advies"), 1)
    engine = load().engine
    assert engine is not None
    flow_id = state.active_flow()
    progress = None
    if flow_id is not None and flow_id in engine.compiled:
        progress = conversation.walk_quietly(engine, flow_id)
    if flow_id is None or progress is None or not progress.complete:
        st.info(_("Er is nog geen advies om te bewaren. Maak eerst een gesprek af."))
        st.page_link(links.target(links.START), label=_("Naar de startpagina"))
        return
    ctx = Ctx(engine, engine.flow(flow_id), current_lang(), session_local(engine))
    downloads.render(ctx, result.shown(engine, progress))
    st.page_link(links.target(links.GESPREK), label=_("Terug naar uw advies"))
