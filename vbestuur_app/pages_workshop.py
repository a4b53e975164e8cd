"""The pages for workshop mode (issue 6).

`vbestuur_app.navigation.pages` adds these to the app's navigation. Why only one of the three
in the menu: the menu is shared by every feature and must stay short on a phone. The
facilitator finds "Workshop" there; the presenter view is opened from that console (it needs
the facilitator's session); participants reach `/meedoen` through the QR code or the address
on the wall, so it needs no menu entry.
"""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from .i18n import t
from .loading import load


def _facilitator() -> None:
    from .workshop import facilitator

    engine = load().engine
    if engine is not None:
        facilitator.render(engine, screen_page())


def _screen() -> None:
    from .workshop import presenter

    engine = load().engine
    if engine is not None:
        presenter.render(engine)


def _participant() -> None:
    from .workshop import participant

    engine = load().engine
    if engine is not None:
        participant.render(engine)


def facilitator_page() -> StreamlitPage:
    """The console; no icon, so the shared top menu still fits on a 1280-pixel screen."""
    return st.Page(_facilitator, title=t("ws.nav.facilitator"),
                   url_path="workshop")


def screen_page() -> StreamlitPage:
    return st.Page(_screen, title=t("ws.nav.screen"), icon="📽️", url_path="workshop-scherm",
                   visibility="hidden")


def join_page() -> StreamlitPage:
    return st.Page(_participant, title=t("ws.nav.join"), icon="🙋", url_path="meedoen",
                   visibility="hidden")


def pages() -> list[StreamlitPage]:
    """This feature's pages."""
    return [facilitator_page(), join_page(), screen_page()]
