"""Staff sign-in through the municipality's identity provider, end to end, in Chromium.

A real OpenID Connect provider (oidc-provider from npm, .ci/oidc) runs on 127.0.0.1, named
`localhost` so that it is another site than the app (like a municipality's provider); the app
runs with an `[auth]` section pointing at it and `VBESTUUR_OIDC_ROLE_CLAIM` naming the claim
that carries the roles. The browser clicks "Aanmelden via de gemeente", signs in on the
provider's own page, and comes back signed in with the role the claim gives; a person without
a role of this app gets no staff access; signing out ends the sign-in at the app and at the
provider. Every wait is on the page's state. Nothing leaves the machine: the browser resolves
no host name but localhost (the provider's stock pages import a web font).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import oidc_provider
import pytest
from playwright.sync_api import Browser, BrowserContext, BrowserType, Page, expect

from vbestuur_store import COOKIE_NAME

_SPEC = importlib.util.spec_from_file_location("browser_conftest",
                                               Path(__file__).with_name("conftest.py"))
assert _SPEC is not None and _SPEC.loader is not None
_BROWSER = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_BROWSER)

NO_OTHER_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"
WAIT_MS = 60_000  # an upper bound: each wait ends when the page reaches the state
SIGN_IN = "Aanmelden via de gemeente"


def signed_in_as(login: str) -> re.Pattern[str]:
    """The app's "signed in as" line for `login`'s e-mail address (the page puts a word
    joiner before the @ so the address never becomes a link)."""
    return re.compile(rf"U bent aangemeld als {login}\u2060?@gemeente\.test, voor een")


@pytest.fixture(scope="module")
def oidc_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The provider, then the app with an `[auth]` section (in a temporary secrets file)."""
    _BROWSER.require_chromium()
    port = _BROWSER.free_port()
    url = f"http://127.0.0.1:{port}"
    redirect_uri = f"{url}/oauth2callback"
    server_dir = tmp_path_factory.mktemp("oidc")
    # The provider on another site than the app (localhost vs 127.0.0.1), like a
    # municipality's identity provider: the browser then withholds SameSite=Strict cookies.
    with oidc_provider.provider(redirect_uri, server_dir / "provider.log",
                                host="localhost") as idp:
        secrets_file = server_dir / "secrets.toml"
        secrets_file.write_text(oidc_provider.secrets_toml(idp, redirect_uri), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k not in _BROWSER.SERVER_ENV_DROP}
        env.update(VBESTUUR_DATA_DIR=str(server_dir / "data"),
                   VBESTUUR_OIDC_ROLE_CLAIM=oidc_provider.ROLE_CLAIM)
        with (server_dir / "streamlit.log").open("wb") as log:
            proc = subprocess.Popen(
                oidc_provider.app_command(port, secrets_file), cwd=oidc_provider.ROOT, env=env,
                stdout=log, stderr=subprocess.STDOUT)
            try:
                _BROWSER.wait_healthy(url, proc)
                yield url
            finally:
                proc.terminate()
                proc.wait(timeout=10)


@pytest.fixture(scope="module")
def local_browser(browser_type: BrowserType,
                  browser_type_launch_args: dict[str, Any]) -> Iterator[Browser]:
    """Chromium that resolves no host but this machine: nothing leaves it (the
    provider's stock pages import a web font)."""
    args = [*browser_type_launch_args["args"], NO_OTHER_HOSTS]
    browser = browser_type.launch(**{**browser_type_launch_args, "args": args})
    yield browser
    browser.close()


@pytest.fixture
def context(local_browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile (own cookies) for one person."""
    ctx = local_browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


def settle(page: Page) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']",
                           state="attached", timeout=WAIT_MS)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                           state="attached", timeout=WAIT_MS)


def sign_in_at_provider(page: Page, app: str, login: str) -> None:
    """From the griffie page through the provider's sign-in and consent, back to the griffie
    page; the browser keeps its session cookie all the way (its saved answers stay linked)."""
    page.goto(f"{app}/griffie")
    settle(page)
    before = session_cookie(page.context)
    assert before is not None
    page.get_by_role("button", name=SIGN_IN).click()
    page.wait_for_url(lambda u: not u.startswith(app), timeout=WAIT_MS)  # the provider's own page
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("any password: the stock page checks none")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()  # the provider's consent page
    # back on the griffie page, where the sign-in began (not Streamlit's start page)
    page.wait_for_url(f"{app}/griffie", timeout=WAIT_MS)
    settle(page)
    assert session_cookie(page.context) == before


def open_griffie(page: Page, app: str) -> None:
    page.goto(f"{app}/griffie")
    settle(page)


def session_cookie(context: BrowserContext) -> str | None:
    """This browser's vbestuur session token (the link to its saved answers)."""
    return next((c["value"] for c in context.cookies() if c["name"] == COOKIE_NAME), None)


def streamlit_user_cookie(context: BrowserContext) -> bool:
    return any(c["name"].startswith("_streamlit_user") for c in context.cookies())


def test_a_griffier_signs_in_at_the_provider_and_gets_the_griffie_view(
        context: BrowserContext, oidc_app: str) -> None:
    page = context.new_page()
    sign_in_at_provider(page, oidc_app, "griffier")
    expect(page.get_by_text(signed_in_as("griffier"))).to_be_visible()
    expect(page.get_by_role("button", name="Opslaan").first).to_be_visible()  # may edit
    expect(page.get_by_text("geen rol voor de griffie")).to_have_count(0)
    expect(page.get_by_role("button", name=SIGN_IN)).to_have_count(0)


def test_a_role_given_as_text_maps_too_and_only_to_its_own_rights(
        context: BrowserContext, oidc_app: str) -> None:
    page = context.new_page()
    sign_in_at_provider(page, oidc_app, "begeleider")  # claim "Facilitator", one string
    expect(page.get_by_text(signed_in_as("begeleider"))).to_be_visible()
    expect(page.get_by_text("geen rol voor de griffie")).to_be_visible()
    expect(page.get_by_role("button", name="Opslaan")).to_have_count(0)


def test_a_person_without_a_role_of_this_app_gets_no_staff_access(
        context: BrowserContext, oidc_app: str) -> None:
    page = context.new_page()
    sign_in_at_provider(page, oidc_app, "burger")  # the provider knows her: role "raadslid"
    assert streamlit_user_cookie(context)
    without_role = re.compile(r"Bij de gemeente bent u aangemeld als burger\u2060?@gemeente\.test")
    expect(page.get_by_text(without_role)).to_be_visible()
    expect(page.get_by_text("U bent aangemeld als")).to_have_count(0)
    expect(page.get_by_role("button", name="Opslaan")).to_have_count(0)
    sign_out_at_provider(page, oidc_app)  # the message's way out works
    assert not streamlit_user_cookie(context)


def sign_out_at_provider(page: Page, app: str) -> None:
    """"Afmelden", then the provider's own sign-out page, back to the app."""
    page.get_by_role("button", name="Afmelden").click()
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_url(lambda u: u.startswith(app), timeout=WAIT_MS)
    settle(page)


def test_signing_out_ends_the_sign_in_here_and_at_the_provider(
        context: BrowserContext, oidc_app: str) -> None:
    page = context.new_page()
    sign_in_at_provider(page, oidc_app, "griffier")
    expect(page.get_by_text(signed_in_as("griffier"))).to_be_visible()
    sign_out_at_provider(page, oidc_app)
    assert not streamlit_user_cookie(context)
    open_griffie(page, oidc_app)
    expect(page.get_by_role("button", name=SIGN_IN)).to_be_visible()
    expect(page.get_by_text("U bent aangemeld als")).to_have_count(0)
