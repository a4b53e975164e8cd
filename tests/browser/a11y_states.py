"""The screens the accessibility sweep visits, driven the way a person reaches them.

Why generators: each yields the name of a screen once it is fully drawn, so the sweep runs axe
and the heading check on exactly what a person sees there (a conversation from the first
question to the result; what a griffier and a facilitator see once signed in; the states a
button opens). Every wait is on the app's state, never a fixed pause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from playwright.sync_api import Page, expect

from vbestuur_app.i18n import _

ANSWER = "div[class*='st-key-ans-']"
STAFF, STAFF_PASS = "toegankelijk", "een lang wachtwoord voor de sweep"
STAFF_ROLES = ("griffie", "facilitator")
WORKSHOP_PIN = "sweep-2026"


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


def conversation_states(page: Page, url: str, lang: str) -> Iterator[str]:
    """One conversation, from the home page's door to the result."""
    open_page(page, url, "", lang)
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


def visitor_states(page: Page, url: str, lang: str) -> Iterator[str]:
    """What a button opens on the visitor's own pages: a bewaarcode, the contact form with
    its errors (the form is sent empty)."""
    open_page(page, url, "bewaren", lang)
    page.locator(".st-key-store-make_code button").click()
    expect(page.locator("[data-testid='stCode']").first).to_be_visible(timeout=30_000)
    settled(page)
    yield "bewaren: a new bewaarcode"
    open_page(page, url, "netwerklijst", lang)
    page.locator(".st-key-nw-add button").click()
    form = page.locator("[data-testid='stMain'] [data-testid='stForm']")
    expect(form).to_be_visible(timeout=30_000)
    settled(page)
    yield "netwerklijst: the contact form"
    form.get_by_role("button", name=_("Opslaan", lang), exact=True).click()
    expect(page.locator("[data-testid='stMain'] [data-testid='stAlert']").first).to_be_visible(
        timeout=30_000)
    settled(page)
    yield "netwerklijst: the form's errors"


def sign_in(page: Page, lang: str) -> None:
    page.get_by_label(_("Gebruikersnaam", lang)).fill(STAFF)
    page.get_by_label(_("Wachtwoord", lang)).fill(STAFF_PASS)
    page.get_by_role("button", name=_("Aanmelden", lang), exact=True).click()
    expect(page.get_by_label(_("Gebruikersnaam", lang))).to_have_count(0, timeout=30_000)
    settled(page)


def staff_states(page: Page, url: str, lang: str) -> Iterator[str]:
    """Signed in as a griffier and facilitator: both griffie tabs, a step's form, the
    workshop's creation form, its console and the presenter (beamer) screen."""
    open_page(page, url, "griffie", lang)
    sign_in(page, lang)
    yield "griffie: signed in (profile)"
    page.get_by_role("tab", name=_("Organisatie", lang)).click()
    step = page.locator("[data-testid='stExpander']:visible").filter(
        has_text=re.compile(r"(Stap|Step) 1: ")).first
    expect(step).to_be_visible(timeout=30_000)
    settled(page)
    yield "griffie: organisation"
    step.locator("summary").click()
    expect(step.locator("[data-testid='stForm']")).to_be_visible(timeout=30_000)
    settled(page)
    yield "griffie: a step opened"
    open_page(page, url, "workshop", lang)  # a new page load: signed in again, if asked
    create = page.locator(".st-key-ws-create")
    expect(create.or_(page.get_by_label(_("Gebruikersnaam", lang)))).to_be_visible(
        timeout=30_000)
    if not create.is_visible():
        sign_in(page, lang)
    expect(create).to_be_visible(timeout=30_000)
    yield "workshop: signed in (new workshop)"
    page.locator(".st-key-ws-new-pin input").fill(WORKSHOP_PIN)
    page.locator(".st-key-ws-new-pin2 input").fill(WORKSHOP_PIN)
    page.locator(".st-key-ws-create button").click()
    screen_link = page.get_by_text(_("Open het scherm voor de beamer", lang))
    expect(screen_link).to_be_visible(timeout=30_000)
    settled(page)
    yield "workshop: console"
    screen_link.click()
    expect(page.locator(".st-key-ws-next button")).to_be_visible(timeout=30_000)
    settled(page)
    yield "workshop: presenter"
