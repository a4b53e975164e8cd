"""Griffie: the municipality profile and the register of organisation steps, behind the PIN."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _


def render() -> None:
    """The page; its view module loads when the page is first opened, not at start-up."""
    from ..store_views import griffie

    griffie.render()


def page() -> StreamlitPage:
    return st.Page(render, title=_("Griffie"), icon="🏛️", url_path=links.GRIFFIE)
