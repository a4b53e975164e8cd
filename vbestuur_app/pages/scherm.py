"""The workshop's screen on the wall: opened from the facilitator's console (not in the menu;
it needs the facilitator's session)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _
from ..loading import load


def render() -> None:
    """The page; its view module loads when the page is first opened, not at start-up."""
    from ..workshop import presenter

    engine = load().engine
    if engine is not None:
        presenter.render(engine)


def page() -> StreamlitPage:
    return st.Page(render, title=_("Workshopscherm"), icon="📽️", url_path=links.SCHERM,
                   visibility="hidden")
