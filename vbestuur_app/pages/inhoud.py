"""The only page when the content is invalid: every problem with file, line and column."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _
from ..views import invalid


def page() -> StreamlitPage:
    return st.Page(invalid.render, title=_("Inhoud klopt niet"), icon="⚠️", url_path=links.INHOUD,
                   default=True)
