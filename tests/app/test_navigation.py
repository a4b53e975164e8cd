"""The menu by audience: sections, "Gesprek" only while a conversation is open, maps under Over.

Why through `sections()` in AppTest: the page list is what `st.navigation` gets; AppTest has
no menu to look at, so the test reads the sections the frame registers.
"""

from __future__ import annotations

from app_helpers import TIMEOUT, seed
from streamlit.testing.v1 import AppTest


def _menu_script() -> None:
    import streamlit as st

    from vbestuur_app import state
    from vbestuur_app.pages import sections

    state.ensure_defaults(None)
    for closed_or_open in (False, True):
        for label, pages in sections(True, closed_or_open).items():
            # the default page (start) is served at the root address: its url_path is ""
            shown = [p.url_path or "start" for p in pages if p.visibility == "visible"]
            st.text(f"{closed_or_open}|{label}|{' '.join(shown)}")
    st.text("invalid|" + " ".join(p.title for p in sections(False, False)[""]))


def menu(lang: str) -> list[str]:
    at = AppTest.from_function(_menu_script, default_timeout=TIMEOUT)
    seed(at, lang=lang)
    at.run()
    assert not at.exception
    return [e.value for e in at.text]


def test_pages_are_grouped_by_audience_in_dutch() -> None:
    assert menu("nl") == [
        "False||start", "False|Voor u|netwerklijst registreren bewaren",
        "False|Griffie|griffie incidentenregister",
        "False|Workshop|workshop", "False|Over|over kaart toegankelijkheid",
        "True||start gesprek", "True|Voor u|netwerklijst registreren bewaren",
        "True|Griffie|griffie incidentenregister",
        "True|Workshop|workshop", "True|Over|over kaart toegankelijkheid",
        "invalid|Inhoud klopt niet"]


def test_the_section_labels_follow_the_language() -> None:
    labels = {line.split("|")[1] for line in menu("en")}
    assert labels == {"", "For you", "Clerk's office", "Workshop", "About", "Content error"}
