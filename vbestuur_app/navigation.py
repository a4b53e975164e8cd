"""The pages of the app, defined in one place.

Why functions and not constants: page titles depend on the session's language, and a view
that sends the person to another page (a door on the start page) needs the same page
definition that `st.navigation` registered (Streamlit matches pages by their `url_path`).
"""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .i18n import t


def home_page() -> StreamlitPage:
    from .views import home

    return st.Page(home.render, title=t("nav.home"), icon="🏠", url_path="start",
                   default=True)


def conversation_page() -> StreamlitPage:
    from .views import conversation

    return st.Page(conversation.render, title=t("nav.conversation"), icon="💬",
                   url_path="gesprek")


def map_page() -> StreamlitPage:
    from .views import flowmap

    return st.Page(flowmap.render, title=t("nav.map"), icon="🗺️", url_path="kaart")


def about_page() -> StreamlitPage:
    from .views import about

    return st.Page(about.render, title=t("nav.about"), icon="🔒", url_path="over")


def invalid_page() -> StreamlitPage:
    from .views import invalid

    return st.Page(invalid.render, title=t("nav.invalid"), icon="⚠️", url_path="inhoud",
                   default=True)


def pages(content_ok: bool) -> list[StreamlitPage]:
    """The pages this session may open; only the problem page when the content is invalid."""
    if not content_ok:
        return [invalid_page()]
    from . import pages_netwerk, pages_store, pages_workshop

    extra = pages_store.pages() + pages_netwerk.pages() + pages_workshop.pages()
    return [home_page(), conversation_page(), *extra, about_page(), map_page()]
