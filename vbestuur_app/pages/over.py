"""Over en privacy: what is kept and why, the guideline, the content version."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _
from ..views import about


def page() -> StreamlitPage:
    return st.Page(about.render, title=_("Over en privacy"), icon="🔒", url_path=links.OVER)
