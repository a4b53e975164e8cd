"""The incident register in a real browser (issue 16): an office holder registers from a
390x844 phone in a few taps; two office holders name the same account; the coordinator signs
in and confirms "mogelijk dezelfde persoon"; axe finds nothing on these pages in nl and en.

Why a server of its own: the register needs a key in the app's environment (the municipality
switches it on), and the coordinator needs an account; the shared server of conftest.py has
neither. Every wait is on the app's state (the script finished, the receipt is there).
"""

from __future__ import annotations

import importlib.util
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, Locator, Page, expect

from vbestuur_app.i18n import _
from vbestuur_engine import Engine
from vbestuur_engine.report import option_label
from vbestuur_engine.schema import QuestionNode
from vbestuur_service.incidents.crypto import new_key

_SPEC = importlib.util.spec_from_file_location("browser_conftest",
                                               Path(__file__).with_name("conftest.py"))
assert _SPEC is not None and _SPEC.loader is not None
_BROWSER = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_BROWSER)
ROOT, SERVER_ENV_DROP = _BROWSER.ROOT, _BROWSER.SERVER_ENV_DROP
free_port, require_chromium, wait_healthy = (_BROWSER.free_port, _BROWSER.require_chromium,
                                             _BROWSER.wait_healthy)

_RESULT_SPEC = importlib.util.spec_from_file_location(
    "result_phone", Path(__file__).with_name("test_result_phone.py"))
assert _RESULT_SPEC is not None and _RESULT_SPEC.loader is not None
_RESULT = importlib.util.module_from_spec(_RESULT_SPEC)
_RESULT_SPEC.loader.exec_module(_RESULT)

def form_label(engine: Engine, value: str) -> str:
    node = engine.flow("incident").node("wat")
    assert isinstance(node, QuestionNode)
    return option_label(node, value, "nl")


STAFF, STAFF_PASS = "coordinator", "een lang wachtwoord voor het register"
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True,
                         "has_touch": True, "device_scale_factor": 2, "locale": "nl-NL"}
MAX_TAPS = 5
INSULT = {"nl": "Uitschelden of beledigen", "en": "Verbal abuse or insults"}


@pytest.fixture(scope="module")
def register_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with a register key and one coordinator account, on a free port."""
    require_chromium()
    port = free_port()
    server_dir = tmp_path_factory.mktemp("register")
    env = {k: v for k, v in os.environ.items()
           if k not in SERVER_ENV_DROP and not k.startswith("VBESTUUR_REGISTER")}
    env.update(VBESTUUR_DATA_DIR=str(server_dir / "data"), VBESTUUR_REGISTER_KEY=new_key())
    _BROWSER.add_staff(env, STAFF, STAFF_PASS, ("coordinator",))
    with _BROWSER.serve_app(port, env, server_dir) as url:
        yield url


def settle(page: Page) -> None:
    """Connected, the script finished, nothing still loading or left over from the last run
    (a stale element is drawn faded, which axe would rightly call low contrast)."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']"
                           "[data-test-script-state='notRunning']", state="attached",
                           timeout=30_000)
    expect(page.locator("[data-testid='stSkeleton']")).to_have_count(0, timeout=30_000)
    expect(page.locator("[data-stale='true']")).to_have_count(0, timeout=30_000)


class Taps:
    """Counts the person's taps; each waits for the app to finish its rerun."""

    def __init__(self, page: Page) -> None:
        self.page, self.count = page, 0

    def tap(self, target: Locator) -> None:
        target.tap()
        self.count += 1
        settle(self.page)


def open_form(page: Page, url: str, lang: str = "nl") -> None:
    page.goto(f"{url}/registreren?lang={lang}")
    expect(page.locator(".st-key-inc-submit button")).to_be_visible(timeout=30_000)
    settle(page)


def pill(page: Page, key: str, text: str) -> Locator:
    return page.locator(f".st-key-{key} button").filter(has_text=text).first


def register_with_handle(page: Page, url: str, handle: str) -> None:
    """An office holder names the perpetrator's account (typing is not counted as taps)."""
    open_form(page, url)
    taps = Taps(page)
    taps.tap(pill(page, "inc-channel", "Online"))
    taps.tap(pill(page, "inc-forms", "Iemand bedreigt mij"))
    taps.tap(page.locator(".st-key-inc-who summary"))
    field = page.locator(".st-key-inc-p-handles input")
    field.fill(handle)
    field.press("Enter")
    settle(page)
    taps.tap(page.locator(".st-key-inc-submit button"))
    expect(page.locator(".st-key-inc-receipt")).to_be_visible()


def axe_problems(page: Page, where: str) -> list[str]:
    """Every axe violation, whatever its impact, on the whole page (the phone menu included:
    the app's page script repairs its list roles, tests/browser/test_accessibility.py)."""
    found = Axe().run(page).response["violations"]
    return [f"{where}: {v['id']} ({v['impact']}) {[n['target'] for n in v['nodes']][:3]}"
            for v in found]


def test_a_phone_registers_an_incident_in_a_few_taps(browser: Browser,
                                                      register_url: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    started = time.monotonic()
    open_form(page, register_url)
    taps = Taps(page)
    taps.tap(pill(page, "inc-channel", "Persoonlijk"))
    taps.tap(pill(page, "inc-forms", "Uitschelden of beledigen"))
    taps.tap(page.locator(".st-key-inc-submit button"))
    receipt = page.locator(".st-key-inc-receipt")
    expect(receipt).to_be_visible()
    seconds = time.monotonic() - started
    print(f"\nregistered from a 390x844 phone in {taps.count} taps, {seconds:.1f} s")
    assert taps.count <= MAX_TAPS
    expect(receipt).to_contain_text("Wat is vastgelegd")
    expect(receipt).to_contain_text("Wie dit ziet")
    expect(receipt).to_contain_text("Hoe lang het bewaard blijft")
    expect(page.locator("[class*='st-key-inc-own-']")).to_have_count(1)
    page.reload()  # the same phone, a new session: the cookie finds its registration again
    settle(page)
    expect(page.locator("[class*='st-key-inc-own-']")).to_have_count(1)
    context.close()


def test_from_the_incident_result_in_three_taps_with_the_forms_filled_in(
        browser: Browser, register_url: str) -> None:
    """The incident flow's result (its own taps are the conversation's), then the register."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    engine = Engine.load()
    progress = _RESULT.incident_result(page, register_url, engine, "nl")
    settle(page)
    started = time.monotonic()
    taps = Taps(page)
    taps.tap(page.locator(".st-key-inc-link-open button"))
    expect(page.locator(".st-key-inc-submit button")).to_be_visible()
    taps.tap(pill(page, "inc-channel", "Online"))
    taps.tap(page.locator(".st-key-inc-submit button"))
    receipt = page.locator(".st-key-inc-receipt")
    expect(receipt).to_be_visible()
    chosen = progress.answers["wat"]  # the forms of behaviour arrived chosen, none tapped
    labels = ", ".join(form_label(engine, v) for v in chosen)
    expect(receipt).to_contain_text(f"Wat: {labels}")
    print(f"\nfrom the incident result: {taps.count} taps, "
          f"{time.monotonic() - started:.1f} s")
    assert taps.count <= 3
    context.close()


def test_the_coordinator_confirms_a_repeat_perpetrator_across_two_office_holders(
        browser: Browser, register_url: str) -> None:
    phones = [browser.new_context(**PHONE) for _ in range(2)]
    for context, handle in zip(phones, ["@dader_zwolle", "@Dader_Zwolle "], strict=True):
        register_with_handle(context.new_page(), register_url, handle)
    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    page.goto(f"{register_url}/incidentenregister")
    settle(page)
    expect(page.get_by_text("Mogelijk dezelfde persoon")).to_have_count(0)
    page.get_by_label("Gebruikersnaam").fill(STAFF)
    page.get_by_label("Wachtwoord").fill(STAFF_PASS)
    page.get_by_role("button", name="Aanmelden").click()
    settle(page)
    page.get_by_role("tab", name="Mogelijk dezelfde persoon").click()
    signal = page.locator("[class*='st-key-inc-signal-']").filter(
        has_text="2 ambtsdragers").first
    expect(signal).to_be_visible()
    signal.get_by_role("button", name="Bevestigen: dezelfde persoon").click()
    settle(page)
    expect(signal).to_contain_text("bevestigd: dezelfde persoon")
    for context in [*phones, desk]:
        context.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_finds_nothing_on_the_register_pages(browser: Browser, register_url: str,
                                                 lang: str) -> None:
    problems: list[str] = []
    wide = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    open_form(wide.new_page(), register_url, lang)
    problems += axe_problems(wide.pages[0], f"form desktop {lang}")
    wide.close()
    phone = browser.new_context(**PHONE)
    page = phone.new_page()
    open_form(page, register_url, lang)
    problems += axe_problems(page, f"form {lang}")
    pill(page, "inc-channel", "Online").tap()
    settle(page)
    pill(page, "inc-forms", INSULT[lang]).tap()
    settle(page)
    page.locator(".st-key-inc-submit button").tap()
    expect(page.locator(".st-key-inc-receipt")).to_be_visible()
    problems += axe_problems(page, f"receipt {lang}")
    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    staff = desk.new_page()
    staff.goto(f"{register_url}/incidentenregister?lang={lang}")
    settle(staff)
    problems += axe_problems(staff, f"sign-in {lang}")
    staff.get_by_label(_("Gebruikersnaam", lang)).fill(STAFF)
    staff.get_by_label(_("Wachtwoord", lang)).fill(STAFF_PASS)
    staff.get_by_role("button", name=_("Aanmelden", lang)).click()
    settle(staff)
    expect(staff.get_by_role("tab")).to_have_count(3)
    settle(staff)
    problems += axe_problems(staff, f"register {lang}")
    for tab in range(1, 3):
        staff.get_by_role("tab").nth(tab).click()
        settle(staff)
        problems += axe_problems(staff, f"tab {tab} {lang}")
    assert problems == []
    phone.close()
    desk.close()
