"""The workshop as it is used in a room (issue 13): one facilitator, six phones, a beamer.

Why a server of its own: it runs with VBESTUUR_PUBLIC_URL, as a facilitator would when the
app is reached through a proxy, so the QR code carries a join link the phones can open.
Phones are phone-sized contexts, each with its own cookies (its own device). The projector is
a second window of the facilitator's browser, opened from the console by the one-time hand-over.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

# The browser folder's conftest by its path: under the whole suite the module name `conftest`
# may already be another folder's (tests/store has one too).
_SPEC = importlib.util.spec_from_file_location("browser_conftest",
                                               Path(__file__).with_name("conftest.py"))
assert _SPEC is not None and _SPEC.loader is not None
_BROWSER = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_BROWSER)
ROOT, SERVER_ENV_DROP = _BROWSER.ROOT, _BROWSER.SERVER_ENV_DROP
free_port, require_chromium, wait_healthy = (_BROWSER.free_port, _BROWSER.require_chromium,
                                             _BROWSER.wait_healthy)

PIN = "zaal-2026"
STAFF, STAFF_PASS = "begeleider", "een lang wachtwoord voor de zaal"
PHONES = 6
WAIT = 60_000  # ms: an upper bound on waiting for the app's state (8 helpers share 2 cores)
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def room_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    port = free_port()
    server_dir = tmp_path_factory.mktemp("room")
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k not in SERVER_ENV_DROP}
    env.update(VBESTUUR_DATA_DIR=str(server_dir / "data"), VBESTUUR_PUBLIC_URL=url)
    # the facilitator's staff account (the console is for signed-in facilitators only)
    _BROWSER.add_staff(env, STAFF, STAFF_PASS, ("facilitator",))
    with _BROWSER.serve_app(port, env, server_dir) as url:
        yield url


Contexts = Callable[..., BrowserContext]


@pytest.fixture
def contexts(browser: Browser) -> Iterator[Contexts]:
    """New browser contexts (devices), closed after the test: an open phone or screen keeps
    refreshing every few seconds and would load the shared server for the next test."""
    made: list[BrowserContext] = []

    def make(**options: object) -> BrowserContext:
        context = browser.new_context(**options)  # type: ignore[arg-type]
        context.set_default_navigation_timeout(WAIT)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


def settle(page: Page) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']",
                           state="attached", timeout=WAIT)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                           state="attached", timeout=WAIT)


def sign_in_and_create(page: Page, url: str, lang: str = "nl") -> None:
    """Sign in as the facilitator and create a workshop (k = 5, every step)."""
    page.goto(f"{url}/workshop?lang={lang}")
    settle(page)
    page.locator(".st-key-staff-name input, input[autocomplete='username']").first.fill(STAFF)
    page.locator("input[autocomplete='current-password']").fill(STAFF_PASS)
    page.locator("[data-testid='stFormSubmitButton'] button").click()
    settle(page)
    page.locator(".st-key-ws-new-pin input").fill(PIN)
    page.locator(".st-key-ws-new-pin2 input").fill(PIN)
    page.locator(".st-key-ws-create button").click()
    expect(page.locator(".st-key-ws-window button")).to_be_visible(timeout=WAIT)


def join_link(screen: Page) -> str:
    """The join address the QR code carries (read from its alt text)."""
    qr = screen.locator(".st-key-ws-qr img")
    expect(qr).to_be_visible(timeout=WAIT)
    alt = qr.get_attribute("alt") or ""
    link = re.search(r"http\S+/meedoen\?code=[A-Z0-9]{6}", alt)
    assert link is not None, alt
    return link.group(0)


def open_projector(console: Page, size: tuple[int, int] = (1920, 1080)) -> Page:
    """The screen in a second window of the same browser, without signing in again."""
    console.locator(".st-key-ws-window button").click()
    handover = console.locator("a[href*='overdracht=']")
    expect(handover).to_be_visible(timeout=WAIT)
    with console.context.expect_page() as popup:
        handover.click()
    screen = popup.value
    screen.set_viewport_size({"width": size[0], "height": size[1]})
    expect(screen.locator(".st-key-ws-qr img")).to_be_visible(timeout=WAIT)
    screen.wait_for_url(lambda address: "overdracht" not in address, timeout=WAIT)
    return screen


def open_screen(page: Page, url: str, size: tuple[int, int] = (1920, 1080)) -> Page:
    sign_in_and_create(page, url)
    return open_projector(page, size)


def vote(phone: Page, answer: str, step: int = 1) -> None:
    phone.locator(f".st-key-ws-vote-{step}-geregeld label").filter(has_text=answer).first.click()
    expect(phone.get_by_text(f"Uw antwoord nu: {answer}")).to_be_visible(timeout=WAIT)


def join(phone: Page, link: str) -> None:
    phone.goto(link)
    settle(phone)
    expect(phone.locator(".st-key-ws-join-code input")).to_have_value(link[-6:])
    phone.locator(".st-key-ws-join button").click()
    expect(phone.locator(".st-key-ws-vote-1-geregeld")).to_be_visible(timeout=WAIT)


def violations(page: Page, exclude: str | None = None) -> list[str]:
    """axe, every impact level, once the page's script has finished (a running script fades
    stale elements, which axe would report as low contrast)."""
    settle(page)
    context = None if exclude is None else {"exclude": [[exclude]]}
    found = Axe().run(page, context=context).response["violations"]
    return [f"{v['id']} ({v['impact']}) {[n['target'] for n in v['nodes']]}" for v in found]


def on_screen(screen: Page, text: str) -> None:
    expect(screen.locator(".st-key-ws-text").get_by_text(text, exact=False)).to_be_visible(
        timeout=WAIT)


def test_six_phones_are_six_participants_whatever_they_reload(contexts: Contexts,
                                                              room_url: str) -> None:
    console = contexts().new_page()
    screen = open_screen(console, room_url)
    link = join_link(screen)
    answers = ["Ja", "Ja", "Ja", "Deels", "Deels", "Nee"]
    phones = [contexts(**PHONE).new_page() for _ in range(PHONES)]
    for phone, answer in zip(phones, answers, strict=True):
        join(phone, link)
        vote(phone, "Weet ik niet")
        phone.reload()
        join(phone, link)  # the same device: its vote is still there
        expect(phone.get_by_text("Uw antwoord nu: Weet ik niet")).to_be_visible()
        vote(phone, answer)
    extra = phones[0].context.new_page()  # a second tab on the first phone
    join(extra, link)
    expect(screen.get_by_text("6 deelnemers")).to_be_visible(timeout=WAIT)
    expect(screen.get_by_text("6 antwoorden. De begeleider toont")).to_be_visible()
    assert "Ja 3" not in screen.inner_text("body")  # no figures before the reveal
    screen.keyboard.press("Space")  # the space bar shows the result, like a slide
    expect(screen.get_by_text("Oordeel van de zaal: deels geregeld")).to_be_visible(
        timeout=WAIT)
    expect(screen.get_by_text("Ja 3 · Deels 2 · Nee 1 · Weet ik niet 0 (van 6)")).to_be_visible()
    fits(screen, (1920, 1080))  # the revealed results fit too
    screen.set_viewport_size({"width": 1280, "height": 720})
    fits(screen, (1280, 720))
    screen.set_viewport_size({"width": 1920, "height": 1080})
    expect(phones[5].get_by_text("De uitslag van deze stap staat op het scherm")).to_be_visible(
        timeout=WAIT)
    screen.keyboard.press("ArrowRight")
    for phone in phones:
        expect(phone.get_by_text("Stap 2:", exact=False)).to_be_visible(timeout=WAIT)
    vote(phones[0], "Nee", step=2)  # one answer on step 2: below k, never a figure
    screen.keyboard.press("ArrowLeft")
    on_screen(screen, "Stap 1:")
    expect(screen.get_by_text("Oordeel van de zaal: deels geregeld")).to_be_visible()
    screen.locator(".st-key-ws-next button").click()  # the mouse leaves the focus on "next"
    on_screen(screen, "Stap 2:")
    screen.keyboard.press("Space")  # only the reveal, not a second "next" from the button
    expect(screen.get_by_text("Nog te weinig antwoorden: 1 van minimaal 5")).to_be_visible(
        timeout=WAIT)
    on_screen(screen, "Stap 2:")
    end_and_export(console, phones)


def end_and_export(console: Page, phones: list[Page]) -> None:
    """End on the console; the phones say so; the summary has the revealed figures only."""
    console.bring_to_front()
    console.locator(".st-key-ws-end button").click()
    expect(console.get_by_text("Deze workshop is afgelopen.")).to_be_visible(timeout=WAIT)
    expect(phones[3].get_by_text("De workshop is afgelopen. Dank u wel!")).to_be_visible(
        timeout=WAIT)
    with console.expect_download() as got:
        console.locator(".st-key-ws-dl-md button").click()
    text = Path(got.value.path()).read_text(encoding="utf-8")
    assert "Ja 3 · Deels 2 · Nee 1 · Weet ik niet 0 (6 antwoorden)" in text
    assert "Te weinig antwoorden (1, minimaal 5): geen cijfers." in text
    with console.expect_download() as pdf:
        console.locator(".st-key-ws-dl-pdf button").click()
    assert Path(pdf.value.path()).read_bytes().startswith(b"%PDF")
    assert violations(console) == []


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_presenter_fits_a_beamer(contexts: Contexts, room_url: str,
                                     size: tuple[int, int]) -> None:
    """Every one of the 21 steps, moved to by the → key, fits without scrolling."""
    page = open_screen(contexts().new_page(), room_url, size)
    fits(page, size)
    qr = page.locator(".st-key-ws-qr img").bounding_box()
    assert qr is not None and qr["width"] >= 0.2 * size[1]
    assert violations(page) == []
    for step in range(2, 22):
        page.keyboard.press("ArrowRight")
        on_screen(page, f"Stap {step}:")
        fits(page, size)


def fits(page: Page, size: tuple[int, int]) -> None:
    """No app chrome, nothing to scroll, and the three buttons inside the window."""
    expect(page.locator("[data-testid='stSidebar']")).to_be_hidden()
    settle(page)
    tall = page.evaluate("""() => Math.max(document.documentElement.scrollHeight,
        ...[...document.querySelectorAll('[data-testid="stMain"], section')]
            .map(e => e.scrollHeight))""")
    assert tall <= size[1], f"{tall}px of content in a {size[1]}px high window"
    for key in ("ws-prev", "ws-reveal", "ws-next"):
        box = page.locator(f".st-key-{key} button").bounding_box()
        assert box is not None and box["y"] + box["height"] <= size[1], key


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_console_and_phone_pages_pass_axe(contexts: Contexts, room_url: str, lang: str) -> None:
    """axe, every impact level, on the console and on the phone before and after joining."""
    console = contexts().new_page()
    sign_in_and_create(console, room_url, lang)
    assert violations(console) == [], "console"
    link = join_link(open_projector(console))
    phone = contexts(**PHONE).new_page()
    phone.goto(f"{link}&lang={lang}")
    settle(phone)
    expect(phone.locator("html")).to_have_attribute("lang", lang)
    assert violations(phone) == [], "join page"
    phone.locator(".st-key-ws-join button").click()
    expect(phone.locator(".st-key-ws-vote-1-geregeld")).to_be_visible(timeout=WAIT)
    assert violations(phone) == [], "poll page"
    # the experience question: one tap on a pill, then send; the stored answer is shown
    phone.locator(".st-key-ws-vote-1-gedrag button").first.tap()
    settle(phone)
    phone.locator(".st-key-ws-vote-1-gedrag-send button").tap()
    expect(phone.locator("[data-testid='stAlertContentSuccess']")).to_have_count(1, timeout=WAIT)
    settle(phone)
    assert violations(phone) == [], "poll page, answered"
    laptop = contexts().new_page()  # a participant on a laptop: the whole page, nothing left out
    laptop.goto(f"{link}&lang={lang}")
    assert violations(laptop) == [], "join page on a laptop"
    laptop.locator(".st-key-ws-join button").click()
    expect(laptop.locator(".st-key-ws-vote-1-geregeld")).to_be_visible(timeout=WAIT)
    assert violations(laptop) == [], "poll page on a laptop"
