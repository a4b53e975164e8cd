"""The pages for the netwerklijst (issue 7).

`vbestuur_app.navigation.pages` adds these to the app's navigation.
"""

from __future__ import annotations

from streamlit.navigation.page import StreamlitPage


def pages() -> list[StreamlitPage]:
    """This feature's pages (none yet)."""
    return []
