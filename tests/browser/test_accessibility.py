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
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from vbestuur_app.i18n import _

ROOT = Path(__file__).resolve().parents[2]
RECORD = ROOT / "vbestuur_app" / "accessibility-results.json"
DEVICES: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
              "device_scale_factor": 2},
}
PAGES = {"home": "", "netwerklijst": "netwerklijst", "bewaren": "bewaren",
         "griffie": "griffie", "workshop": "workshop", "meedoen": "meedoen", "over": "over",
         "kaart": "kaart", "toegankelijkheid": "toegankelijkheid"}
ANSWER = "div[class*='st-key-ans-']"
FOCUS_IN = "sel => !!document.activeElement && !!document.activeElement.closest(sel)"


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


def settled(page: Page) -> None:
    """The app is connected and its script has finished, with nothing still loading."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']"
                           "[data-test-script-state='notRunning']", state="attached",
                           timeout=30_000)
    expect(page.locator("[data-testid='stSkeleton']")).to_have_count(0, timeout=30_000)


def open_page(page: Page, url: str, path: str, lang: str) -> None:
    page.goto(f"{url}/{path}?lang={lang}")
    expect(page.locator("[data-testid='stMain'] h1").first).to_be_visible(timeout=30_000)
    settled(page)


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


def start_incident(page: Page) -> None:
    page.locator(".st-key-door-incident button").click()
    expect(page.locator(".st-key-ans-incident-gevaar")).to_be_visible(timeout=30_000)
    settled(page)


def answer_yes(page: Page) -> None:
    """Answer the first question with its first option ("Ja") and go on."""
    page.locator(f"{ANSWER} [data-testid='stRadioOption']").first.click()
    settled(page)
    page.locator(".st-key-ask-next button").click()
    expect(page.locator(".st-key-ans-incident-gevaar")).to_have_count(0, timeout=30_000)
    settled(page)


def finish_flow(page: Page) -> None:
    for _skip in range(50):
        if page.locator(".st-key-ask-next").count() == 0:
            return
        boxes = page.locator(f"{ANSWER} [data-testid='stCheckbox'] label")
        target = boxes if boxes.count() else page.locator(f"{ANSWER} [data-testid='stRadioOption']")
        before = page.locator(ANSWER).first.get_attribute("class")
        target.first.click()
        settled(page)
        page.locator(".st-key-ask-next button").click()
        page.wait_for_function(
            "b => { const a = document.querySelector(\"div[class*='st-key-ans-']\");"
            " return !a || a.className !== b; }", arg=before, timeout=30_000)
        settled(page)
    raise AssertionError("the flow did not finish")


def conversation_states(page: Page) -> Iterator[str]:
    """Drive one conversation and yield the name of each screen as it is on the page."""
    start_incident(page)
    yield "question 1"
    answer_yes(page)
    yield "question 2 (with urgent advice)"
    page.locator(".st-key-ask-review button").click()
    expect(page.locator(".st-key-review-continue")).to_be_visible(timeout=30_000)
    settled(page)
    yield "review"
    page.locator(".st-key-review-continue button").click()
    expect(page.locator(".st-key-ask-next")).to_be_visible(timeout=30_000)
    settled(page)
    finish_flow(page)
    expect(page.locator("[data-testid='stMain'] h2").first).to_be_visible()
    yield "result"


def record(key: str, runs: int, states: int, found: list[str]) -> None:
    """Add this configuration's count to the results file (only when asked to)."""
    if os.environ.get("VBESTUUR_A11Y_RECORD") != "1":
        return
    data = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    sweep = data.setdefault("axe", {})
    sweep[key] = {"runs": runs, "states": states, "violations": len(found), "found": found}
    total = {"date": dt.date.today().isoformat(), "tool": "axe-core (axe-playwright-python)",
             "runs": sum(v["runs"] for v in sweep.values()),
             "states": max(v["states"] for v in sweep.values()),
             "violations": sum(v["violations"] for v in sweep.values())}
    data["runs"] = [r for r in data.get("runs", []) if r["tool"] != total["tool"]] + [total]
    RECORD.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


PHONE_OPEN = pytest.mark.xfail(strict=True, reason=(
    "open, not fixed: on a phone Streamlit's own side navigation is a <ul> holding non-<li> "
    "children (axe list/listitem, serious, every page), and the griffie sign-in's st.code "
    "<pre> scrolls without being focusable (scrollable-region-focusable)"))


@pytest.mark.parametrize("device", ["desktop", pytest.param("phone", marks=PHONE_OPEN)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_every_page_and_state(make_page: Callable[[str], Page], app_url: str, lang: str,
                                  device: str) -> None:
    """Zero axe violations of any impact, one h1 and no skipped heading level, everywhere."""
    page = make_page(device)
    problems: list[str] = []
    titles: dict[str, str] = {}
    runs = 0

    def check(where: str) -> None:
        nonlocal runs
        runs += 1
        problems.extend(describe(where, violations(page)) + heading_problems(page, where))

    for name, path in PAGES.items():
        open_page(page, app_url, path, lang)
        titles[name] = page.title()
        check(name)
    open_page(page, app_url, "", lang)
    for state in conversation_states(page):
        check(state)
    record(f"{lang}-{device}", runs, len(PAGES) + 4, problems)
    assert len(set(titles.values())) == len(titles), f"page titles repeat: {titles}"
    assert not problems, "\n".join(problems)


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
