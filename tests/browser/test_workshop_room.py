"""The workshop as it is used in a room (issue 13): one facilitator, six phones, a beamer.

Why a server of its own: it runs with VBESTUUR_PUBLIC_URL, as a facilitator would when the
app is reached through a proxy, so the QR code carries a join link the phones can open.
Phones are phone-sized contexts, each with its own cookies (its own device).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

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
    subprocess.run([sys.executable, "-m", "vbestuur_store", "add-user", STAFF, "--role",
                    "facilitator"], input=STAFF_PASS + "\n", text=True, env=env, cwd=ROOT,
                   check=True, capture_output=True)
    with (server_dir / "streamlit.log").open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
             "--server.address", "127.0.0.1", "--server.port", str(port),
             "--server.headless", "true", "--global.developmentMode", "false",
             "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_healthy(url, proc)
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def settle(page: Page) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']",
                           state="attached", timeout=20_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                           state="attached", timeout=20_000)


def open_screen(page: Page, url: str) -> str:
    """Create a workshop (k = 5) as facilitator, open the presenter view; return the QR link."""
    page.goto(f"{url}/workshop")
    settle(page)
    page.get_by_label("Gebruikersnaam").fill(STAFF)
    page.get_by_label("Wachtwoord").fill(STAFF_PASS)
    page.get_by_role("button", name="Aanmelden").click()
    settle(page)
    page.locator(".st-key-ws-new-pin input").fill(PIN)
    page.locator(".st-key-ws-new-pin2 input").fill(PIN)
    page.locator(".st-key-ws-create button").click()
    page.get_by_text("Open het scherm voor de beamer").click()
    qr = page.locator(".st-key-ws-qr img")
    expect(qr).to_be_visible(timeout=20_000)
    alt = qr.get_attribute("alt") or ""
    link = re.search(r"http\S+/meedoen\?code=[A-Z0-9]{6}", alt)
    assert link is not None, alt
    return link.group(0)


def vote(phone: Page, answer: str) -> None:
    phone.locator(".st-key-ws-vote-1-geregeld label").filter(has_text=answer).first.click()
    expect(phone.get_by_text(f"Uw antwoord nu: {answer}")).to_be_visible(timeout=20_000)


def join(phone: Page, link: str) -> None:
    phone.goto(link)
    settle(phone)
    expect(phone.locator(".st-key-ws-join-code input")).to_have_value(link[-6:])
    phone.locator(".st-key-ws-join button").click()
    expect(phone.locator(".st-key-ws-vote-1-geregeld")).to_be_visible(timeout=20_000)


def test_six_phones_are_six_participants_whatever_they_reload(browser: Browser,
                                                              room_url: str) -> None:
    screen = browser.new_page(viewport={"width": 1920, "height": 1080})
    link = open_screen(screen, room_url)
    answers = ["Ja", "Ja", "Ja", "Deels", "Deels", "Nee"]
    phones = [browser.new_context(**PHONE).new_page() for _ in range(PHONES)]  # type: ignore[arg-type]
    for phone, answer in zip(phones, answers, strict=True):
        join(phone, link)
        vote(phone, "Weet ik niet")
        phone.reload()
        join(phone, link)  # the same device: its vote is still there
        expect(phone.get_by_text("Uw antwoord nu: Weet ik niet")).to_be_visible()
        vote(phone, answer)
    extra = phones[0].context.new_page()  # a second tab on the first phone
    join(extra, link)
    expect(screen.get_by_text("6 deelnemers")).to_be_visible(timeout=20_000)
    expect(screen.get_by_text("6 antwoorden. De begeleider toont")).to_be_visible()
    assert "Ja 3" not in screen.inner_text("body")  # no figures before the reveal
    screen.locator(".st-key-ws-reveal button").click()
    expect(screen.get_by_text("Oordeel van de zaal: deels geregeld")).to_be_visible(
        timeout=20_000)
    expect(screen.get_by_text("Ja 3 · Deels 2 · Nee 1 · Weet ik niet 0 (van 6)")).to_be_visible()
    expect(phones[5].get_by_text("De uitslag van deze stap staat op het scherm")).to_be_visible(
        timeout=20_000)
    screen.locator(".st-key-ws-next button").click()
    for phone in phones:
        expect(phone.get_by_text("Stap 2:", exact=False)).to_be_visible(timeout=20_000)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_presenter_fits_a_beamer(browser: Browser, room_url: str,
                                     size: tuple[int, int]) -> None:
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    open_screen(page, room_url)
    expect(page.locator("[data-testid='stSidebar']")).to_be_hidden()
    tall = page.evaluate("""() => Math.max(document.documentElement.scrollHeight,
        ...[...document.querySelectorAll('[data-testid="stMain"], section')]
            .map(e => e.scrollHeight))""")
    assert tall <= size[1], f"{tall}px of content in a {size[1]}px high window"
    for key in ("ws-prev", "ws-reveal", "ws-next"):
        box = page.locator(f".st-key-{key} button").bounding_box()
        assert box is not None and box["y"] + box["height"] <= size[1], key
    qr = page.locator(".st-key-ws-qr img").bounding_box()
    assert qr is not None and qr["width"] >= 0.2 * size[1]
    violations = Axe().run(page).response["violations"]
    assert [f"{v['id']} ({v['impact']}) {[n['target'] for n in v['nodes']]}" for v in violations] == []  # noqa: E501
