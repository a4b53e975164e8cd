"""Stroomkaarten: every flow as a map, for reviewers (under "Over")."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .. import links
from ..i18n import _


def render() -> None:
    """The page; its view module loads when the page is first opened, not at start-up."""
    from ..views import flowmap

    flowmap.render()


def page() -> StreamlitPage:
    return st.Page(render, title=_("Stroomkaarten"), icon="🗺️", url_path=links.KAART)
