"""The incident result on a 390x844 phone (issue 10 §3), in Dutch and English.

What a frightened person meets: the first action's call button is on the first screen without
scrolling, the page is at most three screens with the details folded, every number is a
`tel:` link in E.164 that stays on one line, "Doe nu" has at most three items, and axe-core
finds nothing. Every wait is on the app's state (the next question, the call button).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, Page, ViewportSize, expect

from vbestuur_app.i18n import _
from vbestuur_app.views.advice import call_key, card_key
from vbestuur_app.views.home import door_key
from vbestuur_engine import Engine, Progress
from vbestuur_engine.schema import QuestionNode

PHONE: ViewportSize = {"width": 390, "height": 844}
TEL = re.compile(r"^tel:(\+[1-9]\d{6,14}|112(;phone-context=\+31)?)$")
# the page's own scroll container (Streamlit scrolls a <section>, not the window)
PAGE_HEIGHT = """() => {
  const boxes = [...document.querySelectorAll('*')].filter(e =>
      e.scrollHeight > e.clientHeight + 5 && getComputedStyle(e).overflowY !== 'visible');
  const main = boxes.sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
  return main ? main.scrollHeight : document.documentElement.scrollHeight;
}"""


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture
def phone(browser: Browser, app_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                  device_scale_factor=2, locale="nl-NL")
    yield context.new_page()
    context.close()


def in_danger(engine: Engine) -> tuple[dict[str, str | list[str]], Progress]:
    """gevaar = ja, then the first option of every question (as the clicks below)."""
    answers: dict[str, str | list[str]] = {"gevaar": "ja"}
    for _step in range(50):
        progress = engine.walk("incident", answers)
        if progress.complete:
            return answers, progress
        question = progress.next_question
        assert question is not None
        node = engine.flow("incident").node(question)
        assert isinstance(node, QuestionNode)
        answers[question] = ([node.options[0].value] if node.kind == "multi"
                             else node.options[0].value)
    raise AssertionError("the incident flow did not finish")


def answer(page: Page, engine: Engine, question: str, value: str | list[str]) -> None:
    """Choose `value` in the question on screen and press "Volgende"."""
    node = engine.flow("incident").node(question)
    assert isinstance(node, QuestionNode)
    chosen = value[0] if isinstance(value, list) else value
    if node.kind == "multi":  # one checkbox widget per option, keyed by the option
        option = page.locator(f".st-key-ans-incident-{question}-{chosen}")
        option.locator("label").click()
        expect(option.locator("input")).to_be_checked()
    else:
        index = [o.value for o in node.options].index(chosen)
        box = page.locator(f".st-key-ans-incident-{question}")
        box.locator("[data-testid='stRadioOption']").nth(index).click()
        expect(box.locator("input").nth(index)).to_be_checked()
    page.locator(".st-key-ask-next button").click()


def incident_result(page: Page, url: str, engine: Engine, lang: str) -> Progress:
    answers, progress = in_danger(engine)
    page.goto(f"{url}/?lang={lang}")
    page.locator(f".st-key-{door_key('incident').replace(':', '-')} button").click()
    for question in [n for n in progress.path if n in answers]:
        answer(page, engine, question, answers[question])
    first = engine.layers(progress).now[0]
    expect(page.locator(f"a[data-key='{call_key(first.advice.id)}']")).to_be_visible()
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")
           ).to_have_count(1)
    return progress


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_first_call_button_on_the_first_screen(phone: Page, app_url: str, engine: Engine,
                                               lang: str) -> None:
    progress = incident_result(phone, app_url, engine, lang)
    first = engine.layers(progress).now[0]
    assert first.call is not None and first.call.dial == "112"
    button = phone.locator(f"a[data-key='{call_key(first.advice.id)}']")
    box = button.bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert box["width"] >= 0.8 * PHONE["width"], "the call button is full width"
    assert button.get_attribute("href") == first.call.uri
    assert button.get_attribute("target") is None, "a call opens no new tab"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_result_at_most_three_screens(phone: Page, app_url: str, engine: Engine,
                                      lang: str) -> None:
    incident_result(phone, app_url, engine, lang)
    expect(phone.locator(".st-key-inc-link-open button")).to_be_visible()  # counted too
    height = phone.evaluate(PAGE_HEIGHT)
    assert height <= 3 * PHONE["height"], f"{height} px is more than three screens"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_phone_numbers_are_e164_links_on_one_line(phone: Page, app_url: str, engine: Engine,
                                                  lang: str) -> None:
    incident_result(phone, app_url, engine, lang)
    links = phone.locator("a[href^='tel:']")
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert len(hrefs) >= 3, hrefs  # the 112 banner, "Bel 112" and the police 0900-8844
    assert [h for h in hrefs if not TEL.match(h)] == []
    assert "tel:+319008844" in hrefs
    lines = phone.locator("[data-testid='stMarkdownContainer'] a[href^='tel:']:visible, "
                          "[data-testid='stHtml'] a.vb-tel:visible")
    rects = lines.evaluate_all("els => els.map(e => e.getClientRects().length)")
    assert rects and set(rects) == {1}, "a number is split over two lines"
    assert phone.locator("[data-testid='stHtml'] a.vb-tel:visible").count(), "cards' numbers"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_at_most_three_doe_nu_items(phone: Page, app_url: str, engine: Engine,
                                    lang: str) -> None:
    progress = incident_result(phone, app_url, engine, lang)
    now = engine.layers(progress).now
    shown = phone.locator("[data-key='layer-now'] [data-key^='advice-']")
    expect(shown).to_have_count(len(now))
    assert 1 <= len(now) <= 3
    for item in now:
        expect(phone.locator(f"[data-key='{card_key(item.advice.id)}']")).to_be_visible()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_result_on_a_phone(phone: Page, app_url: str, engine: Engine, lang: str) -> None:
    """Zero violations of any impact on the whole result page, the phone menu included."""
    incident_result(phone, app_url, engine, lang)
    assert_no_violations(phone)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_result_with_every_fold_open(phone: Page, app_url: str, engine: Engine,
                                         lang: str) -> None:
    """The folded parts too (axe skips what a closed fold hides): every native fold opened
    by its summary as a person would; the summaries are 48 px touch targets. Then the page
    the result links to for its exports, its lazy calendar fold opened."""
    incident_result(phone, app_url, engine, lang)
    summaries = phone.locator("details.vb-fold > summary")
    assert summaries.count() >= 4, "the cards' folds, 'Goed om te weten' and the checklist"
    for index in range(summaries.count()):
        summary = summaries.nth(index)
        summary.click()
        expect(summary.locator("xpath=..")).to_have_attribute("open", "")
        box = summary.bounding_box()
        assert box is not None and box["height"] >= 48, box
    expect(phone.locator("details[data-key='checklist'][open]")).to_have_count(1)
    assert_no_violations(phone)
    name = _("Bewaar of print uw advies", lang)
    phone.locator("[data-testid='stMain']").get_by_role("link", name=name).click()
    expect(phone.locator("[data-testid='stMain'] h1")).to_have_text(name)
    phone.locator(".st-key-ics-folded summary").click()
    expect(phone.locator(".st-key-dl-ics button")).to_be_visible()
    expect(phone.locator(".st-key-dl-pdf button")).to_be_visible()
    expect(phone.locator("[data-testid='stApp'][data-test-script-state='notRunning']")
           ).to_have_count(1)
    assert_no_violations(phone)


def assert_no_violations(page: Page) -> None:
    violations = Axe().run(page).response["violations"]
    assert violations == [], [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                              for v in violations]
