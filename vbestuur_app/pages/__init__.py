"""The app's pages, one module each, grouped by who uses them.

How to add a page: write `pages/<name>.py` with a `page()` that returns its `st.Page` (title
from the catalogue, address in `links.py`), and add it to its audience in `sections` below.
Its `st.Page` callable is the module's own small `render()`, which imports the view module on
the first call: a process imports only the views of the pages people open (the first
question needs two of sixteen), not all of them before the first page (issue 15).

Why sections: `st.navigation` shows a dict of sections as menus in the top bar (and, on a
phone, as the side menu behind the "Expand sidebar" button, which closes after a choice). The
pages sit with their audience: everyone (start, the open conversation), "for you" (the
netwerklijst, bewaren), the griffie, the workshop, and "about" (with the flow maps reviewers
use).
"""

from __future__ import annotations

from streamlit.navigation.page import StreamlitPage

from .. import session
from ..i18n import _, current_lang
from . import (
    advies,
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

Sections = dict[str, list[StreamlitPage]]


def sections(content_ok: bool, in_conversation: bool) -> Sections:
    """The pages this session may open; only the problem page when the content is invalid.

    Why kept in the session: building ~16 `st.Page` objects (each validating its icon and
    address) was a tenth of a question's rerun. A page object holds no content, only its
    title (in the session's language), address and one flag `st.navigation` sets for the page
    it is about to run and `run()` clears; a session's runs follow one another, so the
    session may reuse its own objects. They are never shared between sessions, whose runs
    overlap on other threads."""
    key = ("sections", current_lang(), content_ok, in_conversation)
    kept = session.current().kept
    found: Sections | None = kept.get(key)
    if found is None:
        kept.clear()  # one set at a time: a switch of language or flow builds the new one
        found = kept[key] = _build(content_ok, in_conversation)
    return found


def _build(content_ok: bool, in_conversation: bool) -> Sections:
    if not content_ok:
        return {"": [inhoud.page()]}
    return {
        "": [start.page(), gesprek.page(in_conversation), advies.page()],
        _("Voor u"): [netwerklijst.page(), registreer.page(), bewaren.page()],
        _("Griffie"): [griffie.page(), register.page()],
        _("Workshop"): [workshop.page(), meedoen.page(), scherm.page()],
        _("Over"): [over.page(), kaart.page(), toegankelijkheid.page()],
    }


def browser_title(page: StreamlitPage) -> str:
    """The browser tab's title: the page, then the app (WCAG 2.4.2: each page its own)."""
    return _("{page} · Veilig Bestuur", page=page.title)
