"""Mijn netwerklijst: the person's own list of contacts (for you)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _


def render() -> None:
    """The page; its view module loads when the page is first opened, not at start-up."""
    from ..netwerk import page as netwerk_page

    netwerk_page.render()


def page() -> StreamlitPage:
    return st.Page(render, title=_("Mijn netwerklijst"), icon="📇",
                   url_path=links.NETWERKLIJST)
