/* vbestuur: the app's one script, linked from the page (vbestuur_app/page_assets.py).
   Why one static file: inline scripts sent with every rerun cost the server two elements
   per run; this file is loaded once and follows the page through the marker the app draws
   each run (widgets.page_marker: <span data-vb-lang="nl" data-vb-screen="...">).
   - <html lang>: the first paint has it from the server (page_lang.py); after a switch in
     the running page it follows data-vb-lang.
   - A new screen of the conversation (data-vb-screen changed and not empty): Streamlit
     keeps the scroll position between runs, so a new question would open half-way down on
     a phone; scroll to the top, then move the keyboard focus to the first answer of the new
     question, or else the page's h1 (made focusable), once the run has finished drawing.
   - The phone menu: on a narrow screen Streamlit draws each navigation section as a <div>
     straight inside the menu's <ul> (axe list/listitem). The roles are repaired (attributes
     only, never an element React owns), so the observer never triggers itself. */
(() => {
  const repairNav = () => {
    for (const list of document.querySelectorAll('ul[data-testid="stSidebarNavItems"]')) {
      for (const child of list.children) {
        if (child.tagName === 'LI' || child.getAttribute('role') === 'listitem') continue;
        child.setAttribute('role', 'listitem');
        for (const li of child.querySelectorAll(':scope > li')) li.setAttribute('role', 'none');
      }
    }
  };
  const focusWhenDrawn = () => {
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
  };
  const toTop = () => {
    for (const s of ['[data-testid="stMain"]', '[data-testid="stAppViewContainer"]']) {
      const el = document.querySelector(s); if (el) el.scrollTo({top: 0});
    }
    window.scrollTo(0, 0);
    focusWhenDrawn();
  };
  let screen = '';
  const follow = () => {
    const marker = document.querySelector('[data-vb-lang]');
    if (!marker) return;
    const lang = marker.dataset.vbLang;
    if (lang && document.documentElement.lang !== lang) document.documentElement.lang = lang;
    const now = marker.dataset.vbScreen || '';
    if (now === screen) return;
    screen = now;
    if (now) toTop();
  };
  const onChange = () => { repairNav(); follow(); };
  new MutationObserver(onChange).observe(document.body, {childList: true, subtree: true,
    attributes: true, attributeFilter: ['data-vb-lang', 'data-vb-screen']});
  onChange();
})();
