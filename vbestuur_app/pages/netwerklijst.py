"""Mijn netwerklijst: the person's own list of contacts (for you)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _
from ..netwerk import page as netwerk_page


def page() -> StreamlitPage:
    return st.Page(netwerk_page.render, title=_("Mijn netwerklijst"), icon="📇",
                   url_path=links.NETWERKLIJST)
