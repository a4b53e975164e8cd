"""Griffie: the municipality profile and the register of organisation steps, behind the PIN."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _
from ..store_views import griffie


def page() -> StreamlitPage:
    return st.Page(griffie.render, title=_("Griffie"), icon="🏛️", url_path=links.GRIFFIE)
