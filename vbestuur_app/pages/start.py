"""Start: the doors into the conversations, for everyone."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _
from ..views import home


def page() -> StreamlitPage:
    return st.Page(home.render, title=_("Start"), icon="🏠", url_path=links.START,
                   default=True)
