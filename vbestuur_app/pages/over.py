"""Over en privacy: what is kept and why, the guideline, the content version."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _


def render() -> None:
    """The page; its view module loads when the page is first opened, not at start-up."""
    from ..views import about

    about.render()


def page() -> StreamlitPage:
    return st.Page(render, title=_("Over en privacy"), icon="🔒", url_path=links.OVER)
