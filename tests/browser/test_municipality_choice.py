"""In Chromium, on a phone: "Uw gemeente" is on the start page, not in a closed drawer.

Why: the browser review found the choice only in the phone's menu drawer and first in the
desktop keyboard order; it moved to the start page (vbestuur_app/views/municipality.py); on
a phone Streamlit's drawer now holds only the navigation. The marker the app's script reads
is drawn last and its container hidden, so it adds no gap below the footer.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, Page, expect

PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True,
                         "has_touch": True, "locale": "nl-NL"}


def settled(page: Page) -> None:
    """Connected, the script finished, nothing still loading or left faded from the last run."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']"
                           "[data-test-script-state='notRunning']", state="attached",
                           timeout=30_000)
    expect(page.locator("[data-testid='stSkeleton']")).to_have_count(0, timeout=30_000)
    expect(page.locator("[data-stale='true']")).to_have_count(0, timeout=30_000)


def test_a_phone_chooses_its_municipality_on_the_start_page(browser: Browser,
                                                            app_url: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{app_url}/?lang=nl")
    settled(page)
    main = page.locator("[data-testid='stMain']")
    group = main.get_by_role("radiogroup", name="Uw gemeente")
    expect(group).to_be_visible()
    expect(page.locator("[data-testid='stSidebar'] [role='radiogroup']")).to_have_count(0)
    marker = page.locator(".stElementContainer:has([data-vb-lang])")
    expect(marker).to_have_count(1)
    expect(marker).to_be_hidden()
    option = group.get_by_text("Voorbeeldgemeente", exact=True)
    option.tap()
    settled(page)
    expect(group.get_by_role("radio", name="Voorbeeldgemeente")).to_be_checked()
    context.close()
