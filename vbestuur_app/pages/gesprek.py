"""Gesprek: the open conversation. In the menu only while a conversation is open; its address
keeps working (a door sends the person here, and a refresh comes back here)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _


def render() -> None:
    """The page; its view module loads when the page is first opened, not at start-up."""
    from ..views import conversation

    conversation.render()


def page(in_conversation: bool) -> StreamlitPage:
    return st.Page(render, title=_("Gesprek"), icon="💬",
                   url_path=links.GESPREK,
                   visibility="visible" if in_conversation else "hidden")
