"""Meedoen: a participant joins a workshop (reached by the QR code, not from the menu)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _
from ..loading import load


def render() -> None:
    """The page; its view module loads when the page is first opened, not at start-up."""
    from ..workshop import participant

    engine = load().engine
    if engine is not None:
        participant.render(engine)


def page() -> StreamlitPage:
    return st.Page(render, title=_("Meedoen"), icon="🙋", url_path=links.MEEDOEN,
                   visibility="hidden")
