"""Bewaren en verdergaan: the bewaarcode, continuing elsewhere, vergeet mij (for you)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _
from ..store_views import resume


def page() -> StreamlitPage:
    return st.Page(resume.render, title=_(
        "Bewaren en verdergaan"), icon="💾", url_path=links.BEWAREN)
