"""End to end in Chromium: answer real flows, download the PDF, stay on 127.0.0.1, pass axe.

Why a real browser as well as AppTest: only a browser shows that the page really renders,
that downloads really arrive, that no request leaves the machine (fonts, telemetry, icons),
and what a screen reader would meet (axe-core).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from streamlit.proto.BackMsg_pb2 import BackMsg

from vbestuur_app.i18n import _
from vbestuur_engine import Engine, Progress
from vbestuur_engine.schema import QuestionNode

LOCAL_HOSTS = {"127.0.0.1"}
IGNORED_SCHEMES = {"data", "blob", "about", "chrome-extension"}
BAD_IMPACTS = {"serious", "critical"}
MAX_STEPS = 200


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture
def requests(page: Page) -> list[str]:
    """Every URL the page asks for (HTTP and websockets), recorded from the first request."""
    seen: list[str] = []
    page.context.on("request", lambda request: seen.append(request.url))
    page.on("websocket", lambda socket: seen.append(socket.url))
    return seen


def settle(page: Page) -> None:
    """Wait until the script run triggered by the last action has finished and rendered."""
    page.wait_for_timeout(150)
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']",
                           state="attached", timeout=20_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                           state="attached", timeout=20_000)
    expect(page.locator("[data-testid='stSkeleton']")).to_have_count(0)


def open_home(page: Page, url: str, lang: str) -> None:
    page.goto(f"{url}/?lang={lang}")
    settle(page)
    expect(page.get_by_text(_("Er is iets gebeurd", lang), exact=True)).to_be_visible()


def click_key(page: Page, key: str) -> None:
    page.locator(f".st-key-{key} button").first.click()
    settle(page)


def answer_first(page: Page) -> None:
    """Choose the first option of the question on screen and press "Volgende"."""
    boxes = page.locator("div[class*='st-key-ans-'] [data-testid='stCheckbox'] label")
    if boxes.count():
        boxes.first.click()
    else:
        page.locator("div[class*='st-key-ans-'] [data-testid='stRadioOption']").first.click()
    settle(page)
    click_key(page, "ask-next")


def finish(page: Page) -> None:
    for _skip in range(MAX_STEPS):
        if page.locator(".st-key-ask-next").count() == 0:
            return
        answer_first(page)
    raise AssertionError("the flow did not finish")


def golden(engine: Engine, flow_id: str) -> Progress:
    """The engine's result when every question gets its first option (as `answer_first`)."""
    answers: dict[str, str | list[str]] = {}
    for _skip in range(MAX_STEPS):
        progress = engine.walk(flow_id, answers)
        if progress.complete:
            return progress
        question = progress.next_question
        assert question is not None
        node = engine.flow(flow_id).node(question)
        assert isinstance(node, QuestionNode)
        first = node.options[0].value
        answers[question] = [first] if node.kind == "multi" else first
    raise AssertionError(f"{flow_id} did not finish")


def assert_result(page: Page, expected: Progress) -> None:
    """Every advice (in engine order) and every open step is on the page."""
    cards = page.locator("[data-key^='advice-']")
    shown = list(cards.evaluate_all("els => els.map(e => e.dataset.key)"))
    assert sorted(shown) == sorted(f"advice-{hit.advice.id}" for hit in expected.advice)
    folded = page.locator("[data-key='checklist'] > summary")
    if folded.count():  # incident and question results fold the checklist
        folded.click()
    for item in expected.open_steps():
        expect(page.locator(f"[data-key='step-{item.step.id}']")).to_be_visible()


def assert_local_only(seen: list[str]) -> None:
    outside = [u for u in seen if urlparse(u).scheme not in IGNORED_SCHEMES
               and urlparse(u).hostname not in LOCAL_HOSTS]
    assert seen, "no requests were recorded"
    assert not outside, f"requests left 127.0.0.1: {outside}"


def open_keep_page(page: Page, lang: str) -> None:
    """The result's link "Bewaar of print uw advies": the page with its exports."""
    name = _("Bewaar of print uw advies", lang)
    page.locator("[data-testid='stMain']").get_by_role("link", name=name).click()
    expect(page.locator("[data-testid='stMain'] h1")).to_have_text(name)
    settle(page)


def download_pdf(page: Page, tmp_path: Path) -> bytes:
    """The PDF from the page the result links to (incident and question results)."""
    open_keep_page(page, "nl")
    with page.expect_download(timeout=30_000) as info:
        page.locator(".st-key-dl-pdf button").click()
    target = tmp_path / "advies.pdf"
    info.value.save_as(target)
    return target.read_bytes()


def test_incident_to_result_with_pdf(page: Page, app_url: str, engine: Engine,
                                     requests: list[str], tmp_path: Path) -> None:
    open_home(page, app_url, "nl")
    click_key(page, "door-incident")
    start = engine.flow("incident").flow.start
    expect(page.locator(f".st-key-ans-incident-{start}")).to_be_visible()
    finish(page)
    assert_result(page, golden(engine, "incident"))
    expect(page.locator("details[data-key='checklist']")).to_be_visible()  # folded here
    assert download_pdf(page, tmp_path).startswith(b"%PDF")
    assert_local_only(requests)


def test_gereedheid_to_result_with_chart(page: Page, app_url: str, engine: Engine,
                                         requests: list[str]) -> None:
    if "gereedheid" not in engine.compiled:
        pytest.skip("the gereedheid flow is not in flows/ yet")
    open_home(page, app_url, "en")
    click_key(page, "door-gereedheid")
    finish(page)
    assert_result(page, golden(engine, "gereedheid"))
    expect(page.locator("[data-testid='stPlotlyChart']").first).to_be_visible()
    assert_local_only(requests)


def axe_problems(page: Page, where: str) -> list[str]:
    """Serious and critical axe-core violations on the page as it is now."""
    results = Axe().run(page)
    return [f"{where}: {v['id']} ({v['impact']}): "
            f"{[(n['target'], n['html'][:120], n.get('failureSummary')) for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v.get("impact") in BAD_IMPACTS]


def nav_to(page: Page, key: str, lang: str, section: str | None = None) -> None:
    """Click a menu entry; an entry in a section first opens that section's menu (its entries
    are menu items there, not plain links)."""
    if section is None:
        page.get_by_role("link", name=_(key, lang)).first.click()
    else:
        page.get_by_test_id("stTopNavSection").filter(has_text=_(section, lang)).click()
        page.get_by_test_id("stTopNavDropdownLink").filter(has_text=_(key, lang)).first.click()
    settle(page)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_every_page(page: Page, app_url: str, lang: str, requests: list[str]) -> None:
    problems: list[str] = []
    open_home(page, app_url, lang)
    problems += axe_problems(page, "home")
    click_key(page, "door-incident")
    problems += axe_problems(page, "question")
    answer_first(page)
    click_key(page, "ask-review")
    problems += axe_problems(page, "review")
    click_key(page, "review-continue")
    finish(page)
    problems += axe_problems(page, "result")
    for key in ("Over en privacy", "Stroomkaarten"):
        nav_to(page, key, lang, section="Over")
        problems += axe_problems(page, key)
    nav_to(page, "Start", lang)
    expect(page.get_by_text(_("Er is iets gebeurd", lang), exact=True)).to_be_visible()
    assert not problems, "\n".join(problems)
    assert_local_only(requests)


def test_question_answerable_by_keyboard(page: Page, app_url: str, engine: Engine) -> None:
    """Space chooses the focused option; Tab goes on to "Volgende"; Enter moves on."""
    open_home(page, app_url, "nl")
    page.locator(".st-key-door-incident button").focus()
    page.keyboard.press("Enter")
    settle(page)
    start = engine.flow("incident").flow.start
    page.locator(f".st-key-ans-incident-{start} input").first.focus()
    page.keyboard.press("Space")
    settle(page)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('[class*=st-key-]').className")
    assert "st-key-ask-next" in focused
    page.keyboard.press("Enter")
    settle(page)
    expect(page.locator(f".st-key-ans-incident-{start}")).to_have_count(0)


def test_app_stylesheet_makes_touch_targets(page: Page, app_url: str, engine: Engine) -> None:
    """The app's stylesheet (a file linked in <head>, before Streamlit's own run-time styles)
    still wins over Streamlit's: doors, answer options and "Volgende" are at least 48 px high,
    and the page keeps its short bottom padding (the phone result's three-screen budget)."""
    open_home(page, app_url, "nl")
    door = page.locator(".st-key-door-incident button").bounding_box()
    assert door is not None and door["height"] >= 48, door
    padding = page.evaluate("getComputedStyle(document.querySelector("
                            "'[data-testid=stMainBlockContainer]')).paddingBottom")
    assert padding == "48px", padding
    click_key(page, "door-incident")
    start = engine.flow("incident").flow.start
    option = page.locator(f".st-key-ans-incident-{start} [data-testid=stRadioOption]").first
    expect(option).to_be_visible()
    for box in (option.bounding_box(), page.locator(".st-key-ask-next button").bounding_box()):
        assert box is not None and box["height"] >= 48, box


def test_the_exports_page_and_back_and_a_date_reruns_only_its_fragment(
        page: Page, app_url: str, engine: Engine) -> None:
    """The result links to "Bewaar of print uw advies" (issue 15: the exports left the
    result page); there the calendar fold draws the dates, and a new date asks the server
    for a rerun of its fragment only (the frame is not drawn again); "Terug naar uw advies"
    leads back to the result, its h1 the flow's title again."""
    sent: list[bytes] = []
    page.on("websocket", lambda socket: socket.on(
        "framesent", lambda frame: sent.append(frame) if isinstance(frame, bytes) else None))
    open_home(page, app_url, "nl")
    click_key(page, "door-incident")
    finish(page)
    title = engine.flow("incident").flow.title.get("nl")
    expect(page.locator("[data-testid='stMain'] h1")).to_have_text(title)
    open_keep_page(page, "nl")
    expect(page.locator(".st-key-dl-pdf button")).to_be_visible()
    page.locator(".st-key-ics-folded summary").click()
    year = page.locator(".st-key-ics-eval [role='spinbutton'][data-type='year']")
    expect(year).to_be_visible()
    settle(page)
    before = len(sent)
    shown = int(year.inner_text())
    year.click()
    year.press("ArrowUp")  # one year later, as a keyboard user changes it
    expect(year).to_have_text(str(shown + 1))
    page.locator("[data-testid='stMain'] h1").click()  # leaving the field commits the date
    settle(page)
    reruns = [back.rerun_script for back in map(BackMsg.FromString, sent[before:])
              if back.WhichOneof("type") == "rerun_script"]
    assert reruns and all(run.fragment_id for run in reruns), reruns
    page.locator("[data-testid='stMain']").get_by_role(
        "link", name=_("Terug naar uw advies", "nl")).click()
    expect(page.locator("[data-testid='stMain'] h1")).to_have_text(title)
