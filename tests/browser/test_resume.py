"""Keeping answers in a real Chromium: the cookie set by the st.App middleware, a reload that
keeps the answers, "vergeet mij", a tampered cookie, and continuing on a second device.

Why a browser: only a browser shows that the HttpOnly cookie really comes back on the
websocket after a reload, that the security headers do not break the page (CSP), and which
URLs are really requested — no answer and no bewaarcode may ever be in one.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Response, expect
from test_browser import (
    answer_first,
    assert_local_only,
    axe_problems,
    click_key,
    nav_to,
    open_home,
    settle,
)

from vbestuur_app.i18n import _
from vbestuur_engine import Engine
from vbestuur_store import COOKIE_NAME, is_token


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


class Watch:
    """Every URL a context requests, the document responses, and CSP complaints."""

    def __init__(self, context: BrowserContext) -> None:
        self.urls: list[str] = []
        self.documents: list[Response] = []
        self.console: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))
        context.on("response", self._response)
        context.on("page", self.page)
        for page in context.pages:
            self.page(page)

    def _response(self, response: Response) -> None:
        if response.request.resource_type == "document":
            self.documents.append(response)

    def page(self, page: Page) -> None:
        page.on("websocket", lambda socket: self.urls.append(socket.url))
        page.on("console", lambda message: self.console.append(message.text))

    def assert_clean(self, *secrets: str) -> None:
        """Only `?lang=` in any URL, no secret anywhere, no CSP violation, nothing external."""
        for url in self.urls:
            assert set(parse_qs(urlparse(url).query)) <= {"lang"}, url
            for secret in secrets:
                assert secret.lower() not in url.lower(), url
        assert not [m for m in self.console if "Content Security Policy" in m]
        assert_local_only(self.urls)


@pytest.fixture
def watch(page: Page) -> Watch:
    return Watch(page.context)


@pytest.fixture
def second_device(browser: Browser) -> Iterator[tuple[Page, Watch]]:
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    watch = Watch(context)
    yield context.new_page(), watch
    context.close()


def session_cookie(page: Page) -> str | None:
    found = [c["value"] for c in page.context.cookies() if c["name"] == COOKIE_NAME]
    return found[0] if found else None


def to_page(page: Page, key: str) -> None:
    """"Bewaren en verdergaan" through the menu ("Voor u"), as from any page (the start page
    also links to it)."""
    nav_to(page, key, "nl", "Voor u")


def reload(page: Page) -> None:
    page.reload()
    settle(page)


def first_question(engine: Engine) -> str:
    return engine.flow("incident").flow.start


def test_cookie_headers_and_a_reload_keeps_the_answers(page: Page, app_url: str,
                                                       engine: Engine, watch: Watch) -> None:
    open_home(page, app_url, "nl")
    first = watch.documents[0]
    cookie_header = first.header_value("set-cookie") or ""
    assert f"{COOKIE_NAME}=" in cookie_header
    assert "HttpOnly" in cookie_header and "SameSite=Strict" in cookie_header
    headers = first.all_headers()
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    [cookie] = [c for c in page.context.cookies() if c["name"] == COOKIE_NAME]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    click_key(page, "door-incident")
    start = first_question(engine)
    answer_first(page)
    expect(page.locator(f".st-key-ans-incident-{start}")).to_have_count(0)
    reload(page)  # a new Streamlit session: the conversation continues after question 1
    expect(page.locator(".st-key-ask-back")).to_be_visible()
    expect(page.locator(f".st-key-ans-incident-{start}")).to_have_count(0)
    assert "set-cookie" not in watch.documents[-1].all_headers()
    watch.assert_clean(start)


def test_vergeet_mij_then_reload_starts_empty(page: Page, app_url: str, engine: Engine,
                                              watch: Watch) -> None:
    open_home(page, app_url, "nl")
    click_key(page, "door-incident")
    answer_first(page)
    old = session_cookie(page)
    to_page(page, "Bewaren en verdergaan")
    page.get_by_text(_("Ja, verwijder alles wat over mij is bewaard", "nl")).click()
    settle(page)
    click_key(page, "forget-go")
    expect(page.get_by_text(_(
        "Alles is verwijderd. Wat u in dit venster nog invult, wordt niet meer bewaard. Opent u "
        "de hulp opnieuw, dan begint u met een lege lijst.", "nl"))).to_be_visible()
    open_home(page, app_url, "nl")
    expect(page.get_by_text(_(
        "U was hier al mee bezig. Uw antwoorden staan er nog.", "nl"))).to_have_count(0)
    new = session_cookie(page)
    assert new is not None and new != old
    # without an open conversation "Gesprek" is not in the menu; its address still answers
    expect(page.get_by_role("link", name=_("Gesprek", "nl"))).to_have_count(0)
    page.goto(f"{app_url}/gesprek")
    settle(page)
    expect(page.get_by_text(_(
        "Kies eerst op de startpagina waar u hulp bij wilt.", "nl"))).to_be_visible()
    watch.assert_clean(first_question(engine))


def test_a_tampered_cookie_gives_a_fresh_session_without_error(page: Page, app_url: str,
                                                               watch: Watch) -> None:
    page.context.add_cookies([{"name": COOKIE_NAME, "value": "tampered-value", "url": app_url}])
    open_home(page, app_url, "nl")
    assert is_token(session_cookie(page))
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)
    expect(page.get_by_text(_(
        "Uw bewaarde antwoorden zijn niet meer gevonden (verwijderd of verlopen). Wat u nu "
        "invult, staat alleen in dit venster.", "nl"))).to_have_count(0)
    watch.assert_clean()


def test_continue_on_a_second_device_with_the_bewaarcode(
        page: Page, app_url: str, engine: Engine, watch: Watch,
        second_device: tuple[Page, Watch]) -> None:
    open_home(page, app_url, "nl")
    click_key(page, "door-incident")
    answer_first(page)
    to_page(page, "Bewaren en verdergaan")
    click_key(page, "store-make_code")
    code = page.locator("[data-testid='stCode'] code").inner_text().strip()
    assert len(code) == 34
    other, other_watch = second_device
    open_home(other, app_url, "nl")
    to_page(other, "Bewaren en verdergaan")
    other.get_by_label(_("Bewaarcode", "nl")).fill(code)
    other.get_by_role("button", name=_("Verdergaan", "nl")).click()
    settle(other)
    expect(other.get_by_text(_(
        "Gelukt. Uw bewaarde antwoorden staan nu in dit venster.", "nl"))).to_be_visible()
    reload(other)  # within the minute: the middleware swaps this browser's cookie
    assert session_cookie(other) == session_cookie(page)
    open_home(other, app_url, "nl")
    expect(other.get_by_text(_(
        "U was hier al mee bezig. Uw antwoorden staan er nog.", "nl"))).to_be_visible()
    watch.assert_clean(code, code.replace("-", ""))
    other_watch.assert_clean(code, code.replace("-", ""))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_on_the_store_pages(page: Page, app_url: str, lang: str, watch: Watch) -> None:
    open_home(page, app_url, lang)
    problems: list[str] = []
    # the griffie's page is linked from the start page, "Bewaren en verdergaan" is in the menu
    page.get_by_role("link", name=_("Griffie: gemeenteprofiel en organisatie", lang)).first.click()
    settle(page)
    problems += axe_problems(page, "griffie")
    nav_to(page, "Bewaren en verdergaan", lang, "Voor u")
    problems += axe_problems(page, "bewaren")
    assert not problems, "\n".join(problems)
    watch.assert_clean()
