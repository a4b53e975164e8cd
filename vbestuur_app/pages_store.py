"""The pages for keeping answers: resume, the municipality profile, the organisation view.

`vbestuur_app.navigation.pages` adds these to the app's navigation. Functions, not constants,
for the same reason as in navigation.py: titles follow the session's language, and a link to a
page needs the same definition that `st.navigation` registered.
"""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .i18n import t


def resume_page() -> StreamlitPage:
    """Bewaren en verdergaan: the bewaarcode, continuing elsewhere, and vergeet mij.

    Not in the top bar: Streamlit folds pages that do not fit into a "more" menu, and the bar
    is full. The sidebar (on every page), the start page and the about page link to it.
    """
    from .store_views import resume

    return st.Page(resume.render, title=t("nav.store"), icon="💾", url_path="bewaren",
                   visibility="hidden")


def griffie_page() -> StreamlitPage:
    """The griffie's page: municipality profile and organisation view, behind the PIN.

    Not in the top bar either (raadsleden never need it); the start page's organisation door
    and the about page link to it.
    """
    from .store_views import griffie

    return st.Page(griffie.render, title=t("nav.griffie"), icon="🏛️", url_path="griffie",
                   visibility="hidden")


def pages() -> list[StreamlitPage]:
    """This feature's pages."""
    return [resume_page(), griffie_page()]
