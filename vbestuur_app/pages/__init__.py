"""The app's pages, one module each, grouped by who uses them.

How to add a page: write `pages/<name>.py` with a `page()` that returns its `st.Page` (title
from the catalogue, address in `links.py`), and add it to its audience in `sections` below.

Why sections: `st.navigation` shows a dict of sections as menus in the top bar (and, on a
phone, as the side menu behind the "Expand sidebar" button, which closes after a choice). The
pages sit with their audience: everyone (start, the open conversation), "for you" (the
netwerklijst, bewaren), the griffie, the workshop, and "about" (with the flow maps reviewers
use).
"""

from __future__ import annotations

from streamlit.navigation.page import StreamlitPage

from ..i18n import _
from . import (
    bewaren,
    gesprek,
    griffie,
    inhoud,
    kaart,
    meedoen,
    netwerklijst,
    over,
    register,
    registreer,
    scherm,
    start,
    toegankelijkheid,
    workshop,
)


def sections(content_ok: bool, in_conversation: bool) -> dict[str, list[StreamlitPage]]:
    """The pages this session may open; only the problem page when the content is invalid."""
    if not content_ok:
        return {"": [inhoud.page()]}
    return {
        "": [start.page(), gesprek.page(in_conversation)],
        _("Voor u"): [netwerklijst.page(), registreer.page(), bewaren.page()],
        _("Griffie"): [griffie.page(), register.page()],
        _("Workshop"): [workshop.page(), meedoen.page(), scherm.page()],
        _("Over"): [over.page(), kaart.page(), toegankelijkheid.page()],
    }


def browser_title(page: StreamlitPage) -> str:
    """The browser tab's title: the page, then the app (WCAG 2.4.2: each page its own)."""
    return _("{page} · Veilig Bestuur", page=page.title)
