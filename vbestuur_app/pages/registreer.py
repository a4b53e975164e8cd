"""Incident registreren: the office holder registers an incident and sees their own (for you)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _


def render() -> None:
    """The page; the register's modules load when it is first opened, not at start-up."""
    from ..incidents import office

    office.render()


def page() -> StreamlitPage:
    return st.Page(render, title=_("Incident registreren"), icon="📝",
                   url_path=links.REGISTREREN)
