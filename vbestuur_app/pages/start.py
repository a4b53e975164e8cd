"""Start: the doors into the conversations, for everyone."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _


def render() -> None:
    """The page; its view module loads when the page is first opened, not at start-up."""
    from ..views import home

    home.render()


def page() -> StreamlitPage:
    return st.Page(render, title=_("Start"), icon="🏠", url_path=links.START,
                   default=True)
