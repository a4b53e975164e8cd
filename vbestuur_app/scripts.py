"""The app's only inline scripts, as constants shared by the page and the ASGI layer.

Why their own module: the page (`widgets.scroll_to_top`, `widgets.page_language`) sends them,
and the ASGI layer (`asgi.py`) allows exactly these texts by their hashes in the
Content-Security-Policy. The ASGI layer must not import the UI, so the constants sit here,
importing nothing. The texts never change and never contain content text: what differs per
page (the language) is read from a data attribute next to the script.

SCROLL_SCRIPT: Streamlit keeps the scroll position between runs, so a new screen (next
question, result) would open half-way down on a phone; this brings the 112 notice and the most
urgent advice back into view. It then moves the keyboard focus to where the person is: the
first answer of the new question, or else the page's h1 (made focusable for that), once the
script run has finished drawing. Without it, focus stays on the re-drawn "Volgende" button at
the bottom and a keyboard user needs 18 Tabs to reach the next question.

LANG_SCRIPT: sets `<html lang>` to the session's language after a switch inside the running
page (the first paint already has it from the ASGI layer, `page_lang.py`).
"""

from __future__ import annotations

SCROLL_SCRIPT = """{
for (const s of ['[data-testid="stMain"]', '[data-testid="stAppViewContainer"]']) {
  const el = document.querySelector(s); if (el) el.scrollTo({top: 0});
}
window.scrollTo(0, 0);
let tries = 0;
const focusHere = () => {
  const app = document.querySelector('[data-testid="stApp"]');
  const main = document.querySelector('[data-testid="stMain"]');
  const done = !!app && app.dataset.testScriptState === 'notRunning';
  const fresh = (el) => !el.closest('[data-stale="true"]');
  const answer = main && [...main.querySelectorAll('div[class*="st-key-ans-"] input')]
    .find(fresh);
  const h1 = main && [...main.querySelectorAll('h1')].find(fresh);
  tries++;
  if (done && answer) { answer.focus({preventScroll: true}); return; }
  if (tries < 200 && !(done && tries > 40)) { setTimeout(focusHere, 50); return; }
  if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus({preventScroll: true}); }
};
setTimeout(focusHere, 50);
}"""

LANG_SCRIPT = """{
const marker = document.querySelector('[data-page-lang]');
if (marker) document.documentElement.lang = marker.dataset.pageLang;
}"""
