"""Stroomkaarten: every flow as a map, for reviewers (under "Over")."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _
from ..views import flowmap


def page() -> StreamlitPage:
    return st.Page(flowmap.render, title=_("Stroomkaarten"), icon="🗺️", url_path=links.KAART)
