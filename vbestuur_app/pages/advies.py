"""Bewaar of print uw advies: the exports of the open conversation's result. Not in the menu:
the result page links here, and the address keeps working (a refresh comes back here)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _


def render() -> None:
    """The page; its view module loads when the page is first opened, not at start-up."""
    from ..views import keep_advice

    keep_advice.render()


def page() -> StreamlitPage:
    return st.Page(render, title=_("Bewaar of print uw advies"), url_path=links.ADVIES,
                   visibility="hidden")
