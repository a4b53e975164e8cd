"""Workshop: the facilitator's console (no icon, so the top menu stays short)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _
from ..loading import load


def render() -> None:
    """The page; its view module loads when the page is first opened, not at start-up."""
    from ..workshop import facilitator

    engine = load().engine
    if engine is not None:
        facilitator.render(engine, links.target(links.SCHERM))


def page() -> StreamlitPage:
    return st.Page(render, title=_("Workshop"), url_path=links.WORKSHOP)
