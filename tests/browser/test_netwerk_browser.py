"""End to end in Chromium: open "Mijn netwerklijst", complete it, download vCard and PDF.

Why in a real browser too: the issue is done when a raadslid can open the page, complete the
list, put it on their phone and print it. Only a browser shows the form really works by mouse
and keyboard, the downloads really arrive, and what a screen reader meets (axe-core).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import vobject
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from vbestuur_engine import Engine
from vbestuur_engine import netwerklijst as nw

BAD_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


def settle(page: Page) -> None:
    """Wait until the script run triggered by the last action has finished and rendered."""
    page.wait_for_timeout(150)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                           state="attached", timeout=20_000)
    expect(page.locator("[data-testid='stSkeleton']")).to_have_count(0)


def axe_problems(page: Page, where: str) -> list[str]:
    violations = Axe().run(page).response["violations"]
    return [f"{where}: {v['id']} ({v['impact']})" for v in violations
            if v.get("impact") in BAD_IMPACTS]


def fill_row(page: Page, index: int, name: str, phone: str) -> None:
    page.locator(f".st-key-nw-edit-{index} button").click()
    settle(page)
    page.locator(".st-key-nw-f-name input").fill(name)
    page.locator(".st-key-nw-f-phone input").fill(phone)
    page.locator(".st-key-nw-save button").click()
    settle(page)


def download(page: Page, key: str, target: Path) -> bytes:
    with page.expect_download(timeout=30_000) as info:
        page.locator(f".st-key-nw-dl-{key} button").click()
    info.value.save_as(target)
    return target.read_bytes()


def test_complete_the_list_and_take_it_along(page: Page, app_url: str, engine: Engine,
                                             tmp_path: Path) -> None:
    page.goto(f"{app_url}/netwerklijst?lang=nl")
    settle(page)
    expect(page.get_by_role("heading", name="Mijn netwerklijst")).to_be_visible()
    problems = axe_problems(page, "netwerklijst")
    rows = nw.initial_list(engine.content, None, "nl").rows
    police = next(i for i, r in enumerate(rows) if r.ref == nw.POLICE_TERM)
    confidant = next(i for i, r in enumerate(rows) if r.kind == "vertrouwenspersoon")
    fill_row(page, police, "Agent Jansen", "12345")
    expect(page.get_by_text("Dit lijkt geen geldig telefoonnummer", exact=False)).to_be_visible()
    problems += axe_problems(page, "form with a message")
    expect(page.locator(".st-key-nw-f-name input")).to_have_value("Agent Jansen")
    page.locator(".st-key-nw-f-phone input").fill("06-11111111")
    page.locator(".st-key-nw-save button").click()
    settle(page)
    fill_row(page, confidant, "Zoë de Boer", "+31 6 22222222")
    expect(page.get_by_text("Stap 6 is klaar", exact=False)).to_be_visible()
    assert not problems, "\n".join(problems)
    cards = list(vobject.readComponents(download(page, "vcf", tmp_path / "l.vcf").decode()))
    assert "Zoë de Boer" in [c.fn.value for c in cards]
    pdf = PdfReader(io.BytesIO(download(page, "pdf", tmp_path / "l.pdf")))
    assert len(pdf.pages) == 1 and "Zoë de Boer" in pdf.pages[0].extract_text()
