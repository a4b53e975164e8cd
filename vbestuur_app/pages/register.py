"""Incidentenregister: the coordinator's register, pattern signal and figures (griffie)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _


def render() -> None:
    """The page; the register's modules load when it is first opened, not at start-up."""
    from ..incidents import coordinator

    coordinator.render()


def page() -> StreamlitPage:
    return st.Page(render, title=_("Incidentenregister"), icon="🗂️",
                   url_path=links.REGISTER)
