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
page (the first paint already has it from the ASGI layer, `page_lang.py`). It also carries
NAV_REPAIR, because it is the one script that runs on every page.

NAV_REPAIR: on a narrow screen Streamlit moves the top navigation into its side menu and
draws each section as a `<div>` (a section header plus its `<li>` links) straight inside the
`<ul>`. That is invalid list markup (axe `list` and `listitem`, serious): a screen reader
cannot count or step through the menu. Streamlit 1.67 has no option for it, so the page
repairs the roles only (it never moves an element React owns): each section becomes a list
item of the menu, and its links are read as part of that item. Streamlit re-draws the menu
when the drawer opens or the page changes, so a MutationObserver (installed once per page)
repairs each new menu; the repair touches attributes only, so it never triggers itself.
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

NAV_REPAIR = """
if (!window.vbNavRepair) {
  window.vbNavRepair = () => {
    for (const list of document.querySelectorAll('ul[data-testid="stSidebarNavItems"]')) {
      for (const child of list.children) {
        if (child.tagName === 'LI' || child.getAttribute('role') === 'listitem') continue;
        child.setAttribute('role', 'listitem');
        for (const li of child.querySelectorAll(':scope > li')) li.setAttribute('role', 'none');
      }
    }
  };
  new MutationObserver(window.vbNavRepair).observe(document.body,
    {childList: true, subtree: true});
}
window.vbNavRepair();
"""

LANG_SCRIPT = """{
const marker = document.querySelector('[data-page-lang]');
if (marker) document.documentElement.lang = marker.dataset.pageLang;
""" + NAV_REPAIR + "}"
