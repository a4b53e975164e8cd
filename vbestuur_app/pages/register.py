"""Incidentenregister: the coordinator's register, pattern signal and figures (griffie)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _
from ..incidents import coordinator


def page() -> StreamlitPage:
    return st.Page(coordinator.render, title=_("Incidentenregister"), icon="🗂️",
                   url_path=links.REGISTER)
