"""Incident registreren: the office holder registers an incident and sees their own (for you)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _
from ..incidents import office


def page() -> StreamlitPage:
    return st.Page(office.render, title=_("Incident registreren"), icon="📝",
                   url_path=links.REGISTREREN)
