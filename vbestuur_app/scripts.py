"""The app's only inline script, as a constant shared by the page and the ASGI layer.

Why its own module: the page (`widgets.scroll_to_top`) sends it, and the ASGI layer
(`asgi.py`) allows exactly this text by its hash in the Content-Security-Policy. The ASGI
layer must not import the UI, so the constant sits here, importing nothing.

Streamlit keeps the scroll position between runs, so a new screen (next question, result)
would open half-way down on a phone; this brings the 112 notice and the most urgent advice
back into view. The text never changes and never contains content text.
"""

from __future__ import annotations

SCROLL_SCRIPT = """
for (const s of ['[data-testid="stMain"]', '[data-testid="stAppViewContainer"]']) {
  const el = document.querySelector(s); if (el) el.scrollTo({top: 0});
}
window.scrollTo(0, 0);
"""
