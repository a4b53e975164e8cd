"""WCAG 2.1 AA in Chromium: axe on every page and state (nl, en; desktop, phone), the page
language, one h1 and a title per page, and the keyboard path through a flow.

Why in a real browser: axe, `<html lang>`, the tab title and where the focus lands exist only
in a rendered page. Every wait is on the app's state (the script has finished, an element
is there, the focus has moved), never a fixed pause. With VBESTUUR_A11Y_RECORD=1 the sweep
writes what it measured to vbestuur_app/accessibility-results.json, which the
toegankelijkheidsverklaring shows.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from a11y_states import (
    ANSWER,
    STAFF,
    STAFF_PASS,
    STAFF_ROLES,
    conversation_states,
    open_page,
    settled,
    staff_states,
    visitor_states,
)
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from vbestuur_app.i18n import _

# The browser folder's conftest by its path (the module name `conftest` may be another
# folder's under the whole suite), for its server helpers.
_SPEC = importlib.util.spec_from_file_location("browser_conftest_a11y",
                                               Path(__file__).with_name("conftest.py"))
assert _SPEC is not None and _SPEC.loader is not None
_BROWSER = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_BROWSER)
TOOL = "axe-core (axe-playwright-python)"
ROOT = Path(__file__).resolve().parents[2]
RECORD = ROOT / "vbestuur_app" / "accessibility-results.json"
DEVICES: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
              "device_scale_factor": 2},
}
PAGES = {"home": "", "netwerklijst": "netwerklijst", "bewaren": "bewaren",
         "griffie": "griffie", "workshop": "workshop", "meedoen": "meedoen", "over": "over",
         "kaart": "kaart", "toegankelijkheid": "toegankelijkheid",
         "gesprek (none open)": "gesprek"}
FOCUS_IN = "sel => !!document.activeElement && !!document.activeElement.closest(sel)"


@pytest.fixture(scope="module")
def sweep_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An app of its own with a staff account (griffie and facilitator), so the sweep also
    sees what a griffier and a facilitator see once signed in."""
    _BROWSER.require_chromium()
    server_dir = tmp_path_factory.mktemp("sweep")
    env = {k: v for k, v in os.environ.items() if k not in _BROWSER.SERVER_ENV_DROP}
    env["VBESTUUR_DATA_DIR"] = str(server_dir / "data")
    _BROWSER.add_staff(env, STAFF, STAFF_PASS, tuple(STAFF_ROLES))
    port = _BROWSER.free_port()
    with _BROWSER.serve_app(port, env, server_dir) as url:
        yield url


@pytest.fixture
def make_page(browser: Browser) -> Iterator[Callable[[str], Page]]:
    """A fresh context per device (its own cookie, so its own session)."""
    contexts: list[BrowserContext] = []

    def make(device: str) -> Page:
        context = browser.new_context(locale="nl-NL", **DEVICES[device])
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def violations(page: Page) -> list[dict[str, Any]]:
    """Every axe-core violation, whatever its impact."""
    return list(Axe().run(page).response["violations"])


def describe(where: str, found: list[dict[str, Any]]) -> list[str]:
    return [f"{where}: {v['id']} ({v['impact']}) x{len(v['nodes'])}: "
            f"{[n['target'] for n in v['nodes']][:3]}" for v in found]


def heading_problems(page: Page, where: str) -> list[str]:
    """One h1 in the page's main part, and no level skipped going down (h1 -> h3)."""
    levels = page.locator("[data-testid='stMain'] :is(h1,h2,h3,h4,h5,h6)").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null).map(e => +e.tagName[1])")
    problems = [] if levels.count(1) == 1 else [f"{where}: {levels.count(1)} h1 ({levels})"]
    for before, after in zip(levels, levels[1:], strict=False):
        if after > before + 1:
            problems.append(f"{where}: heading h{before} -> h{after} ({levels})")
    return problems


def record_or_compare(key: str, runs: int, screens: list[str], found: list[str]) -> None:
    """With VBESTUUR_A11Y_RECORD=1: write this configuration's measurement to the results
    file the toegankelijkheidsverklaring shows. Without: the file must say what this run
    measured (the same screens, the same count), so the statement can never go stale."""
    data = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    sweep = data.setdefault("axe", {})
    entry = {"runs": runs, "states": len(screens), "violations": len(found),
             "screens": screens, "found": found}
    if os.environ.get("VBESTUUR_A11Y_RECORD") != "1":
        stored = {k: sweep.get(key, {}).get(k) for k in ("states", "violations", "screens")}
        assert stored == {k: entry[k] for k in stored}, (
            f"{RECORD.name} is stale for {key}: run the sweep with VBESTUUR_A11Y_RECORD=1")
        return
    sweep[key] = entry
    total = {"date": dt.date.today().isoformat(), "tool": TOOL,
             "runs": sum(v["runs"] for v in sweep.values()),
             "states": max(v["states"] for v in sweep.values()),
             "violations": sum(v["violations"] for v in sweep.values())}
    data["runs"] = [r for r in data.get("runs", []) if r["tool"] != TOOL] + [total]
    RECORD.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_every_page_and_state(make_page: Callable[[str], Page], sweep_url: str, lang: str,
                                  device: str) -> None:
    """Zero axe violations of any impact, one h1 and no skipped heading level, on every page
    and every state a person reaches (signed-in staff included)."""
    page = make_page(device)
    problems: list[str] = []
    titles: dict[str, str] = {}
    screens: list[str] = []

    def check(where: str) -> None:
        screens.append(where)
        problems.extend(describe(where, violations(page)) + heading_problems(page, where))

    for name, path in PAGES.items():
        open_page(page, sweep_url, path, lang)
        titles[name] = page.title()
        check(name)
    for states in (conversation_states, visitor_states, staff_states):
        for state in states(page, sweep_url, lang):
            check(state)
    assert len(set(titles.values())) == len(titles), f"page titles repeat: {titles}"
    assert not problems, "\n".join(problems)
    record_or_compare(f"{lang}-{device}", len(screens), screens, problems)


def html_lang(page: Page) -> str:
    return str(page.evaluate("document.documentElement.lang"))


def test_page_language_follows_the_session(page: Page, app_url: str) -> None:
    """The first paint has the right `<html lang>`, and a switch in the page updates it."""
    response = page.goto(f"{app_url}/over?lang=en")
    assert response is not None and '<html lang="en">' in response.text()
    settled(page)
    assert html_lang(page) == "en"
    page.get_by_test_id("stRadio").filter(has_text="Nederlands").get_by_text(
        "Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl", timeout=30_000)
    expect(page.get_by_role("heading", level=1)).to_have_text(_(
        "Over deze hulp en uw privacy", "nl"))
    page.reload()
    settled(page)
    assert html_lang(page) == "nl"
    response = page.goto(f"{app_url}/")
    assert response is not None and '<html lang="nl">' in response.text()
    response = page.goto(f"{app_url}/over")  # a page Streamlit itself would gzip
    assert response is not None and '<html lang="nl">' in response.text()
    response = page.goto(f"{app_url}/?lang=%3Cscript%3E")
    assert response is not None and '<html lang="nl">' in response.text()


def press(page: Page, key: str, counter: list[str]) -> None:
    counter.append(key)
    page.keyboard.press(key)


def test_keyboard_only_through_a_flow(page: Page, app_url: str) -> None:
    """After each answer the focus is on the next question: choosing (Space) plus at most
    three key presses answers it and reaches the next one (for multiple choice: plus one Tab
    past each further option, which is how a checkbox list is read). Keyboard only."""
    csp: list[str] = []
    page.on("console", lambda m: csp.append(m.text) if "Content Security" in m.text
            and "inline script" in m.text else None)
    open_page(page, app_url, "", "nl")
    keys: list[str] = []
    for _skip in range(60):
        if page.evaluate("document.activeElement.closest('.st-key-door-incident') !== null"):
            break
        press(page, "Tab", keys)
    press(page, "Enter", keys)
    per_question: list[int] = []
    raw: list[int] = []
    while True:
        page.wait_for_function(FOCUS_IN, arg=ANSWER, timeout=30_000)
        settled(page)
        question = page.evaluate(f"document.activeElement.closest(\"{ANSWER}\").className")
        more = page.locator(f"{ANSWER} input[type='checkbox']").count() - 1
        page.keyboard.press("Space")  # the choice itself
        settled(page)
        extra: list[str] = []
        for _skip in range(20):
            if page.evaluate("document.activeElement.closest('.st-key-ask-next') !== null"):
                break
            press(page, "Tab", extra)
        press(page, "Enter", extra)
        raw.append(len(extra))
        per_question.append(len(extra) - max(more, 0))
        page.wait_for_function(
            "q => { const a = document.querySelector(\"div[class*='st-key-ans-']\");"
            " return !a || a.className !== q; }", arg=question, timeout=30_000)
        settled(page)
        if page.locator(".st-key-ask-next").count() == 0:
            break
    print(f"keyboard: {len(keys)} keys to the first question, per question {per_question} "
          f"(raw, with the Tabs past further checkboxes: {raw})")
    assert per_question and max(per_question) <= 3, per_question
    assert not csp, csp


MENU_CHILDREN = """() => [...document.querySelectorAll('ul[data-testid="stSidebarNavItems"] > *')]
    .map(e => e.tagName === 'LI' ? 'li' : `${e.tagName.toLowerCase()}:${e.getAttribute('role')}`)"""


def test_the_phone_menu_is_a_valid_list(make_page: Callable[[str], Page], app_url: str) -> None:
    """Streamlit draws the phone menu's sections as <div>s inside its <ul>; the page script
    (assets/vbestuur.js, repairNav) gives them the list item role, also in a menu drawn anew
    after the drawer opens and after a page is chosen in it."""
    page = make_page("phone")
    open_page(page, app_url, "", "nl")
    page.get_by_test_id("stExpandSidebarButton").click()
    menu = page.get_by_test_id("stSidebarNavItems")
    expect(menu).to_be_visible()
    for where in ("drawer open", "after choosing a page"):
        children = page.evaluate(MENU_CHILDREN)
        assert "div:listitem" in children and set(children) <= {"li", "div:listitem"}, children
        assert describe(where, violations(page)) == []
        if where == "drawer open":
            menu.get_by_role("link", name=_("Over en privacy", "nl")).click()
            expect(page.locator("[data-testid='stMain'] h1")).to_have_text(
                _("Over deze hulp en uw privacy", "nl"))
            settled(page)
            if not menu.is_visible():
                page.get_by_test_id("stExpandSidebarButton").click()
            expect(menu).to_be_visible()
