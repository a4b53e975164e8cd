"""The pages for the netwerklijst (issue 7).

`vbestuur_app.navigation.pages` adds these to the app's navigation; the result view links to
the same page definition (Streamlit matches pages by their `url_path`).
"""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .i18n import t


def netwerk_page() -> StreamlitPage:
    """The page "Mijn netwerklijst"."""
    from .netwerk import page

    return st.Page(page.render, title=t("nav.netwerk"), icon="📇", url_path="netwerklijst")


def pages() -> list[StreamlitPage]:
    """This feature's pages."""
    return [netwerk_page()]
