"""The only page when the content is invalid: every problem with file, line and column."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _


def render() -> None:
    """The page; its view module loads when the page is first opened, not at start-up."""
    from ..views import invalid

    invalid.render()


def page() -> StreamlitPage:
    return st.Page(render, title=_("Inhoud klopt niet"), icon="⚠️", url_path=links.INHOUD,
                   default=True)
