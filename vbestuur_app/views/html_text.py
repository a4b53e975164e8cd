"""Content and UI text as HTML for the result page's `st.html` blocks: escaped, never markup.

Why HTML at all: a rerun of the result page cost one Streamlit element per card, paragraph,
expander and call button (59 elements, ~35 ms of server CPU against 3.8 ms for hello-world);
the same page as a few `st.html` blocks costs a few elements. Why this is safe: every text
(content, gettext, answers, step titles) goes through `html.escape` here, and only the fixed
markup of views/advice_html.py and views/result_html.py surrounds it; the only attribute
values built from data are `tel:` URIs from `phone_uri` (digits, `+`, `;`, `=`) and https
addresses that match `widgets.SAFE_URL`, both escaped too. `st.html` sanitises once more
(DOMPurify).
This is the HTML twin of widgets.content_text/phone_links: render -> escape -> `tel:` links,
a new paragraph on every blank line (Markdown's rule; a single newline is a space in both).
"""

from __future__ import annotations

import html
import re

from vbestuur_engine import Engine, render
from vbestuur_engine.schema import LocalValues, Text

from ..widgets import SAFE_URL, with_phone_links

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def esc(text: str) -> str:
    """Any text (gettext, an answer label, a step title) as HTML text, quotes included."""
    return html.escape(text, quote=True)


def phone_html(raw: str) -> str:
    """Escape `raw` and make every dialable number in it a `tel:` link (E.164 href, the
    number kept on one line by the CSS of class `vb-tel`)."""
    return with_phone_links(
        raw, esc, lambda written, uri: f'<a class="vb-tel" href="{esc(uri)}">{esc(written)}</a>')


def paragraphs(raw: str) -> list[str]:
    """The paragraphs of a rendered text (split on blank lines), each escaped with links."""
    return [phone_html(part) for part in _BLANK_LINE.split(raw.strip()) if part]


def text_blocks(raw: str, lead: str = "") -> str:
    """A rendered text as `<p>` elements; `lead` (fixed markup around escaped text, such as
    a bold title) opens the first paragraph on a line of its own."""
    found = paragraphs(raw)
    if lead:
        found = [lead + ("<br>" + found[0] if found else "")] + found[1:]
    return "".join(f"<p>{part}</p>" for part in found)


def text_inline(raw: str) -> str:
    """A rendered text inside a line (a list item): paragraphs kept apart by a line break."""
    return "<br>".join(paragraphs(raw))


def content(engine: Engine, text: Text | None, lang: str, local: LocalValues | None) -> str:
    """A content text in `lang` with its terms filled in, still raw (not yet escaped)."""
    return render(text, lang, engine.content.terms, local)


def link_html(title: str, url: str | None) -> str:
    """A link to a plain https address (a new tab, as the Markdown links were; DOMPurify
    keeps `target="_blank"` and sets `rel="noopener noreferrer"`); anything else as text."""
    if url and SAFE_URL.match(url):
        return f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(title)}</a>'
    return esc(title) if not url else f"{esc(title)} ({esc(url)})"
