"""What makes the presenter view a beamer screen: no app chrome, large type, and a QR code with
alt text, at an address the phones can reach.

Why CSS and not a separate app: the presenter is a page of the one app (it needs the
facilitator's session). While the screen's container is on the page, fixed CSS (never content
text) hides Streamlit's header, the side menu and the frame's elements above the page, and the
screen is laid out to fit 1280×720 and 1920×1080 without scrolling (type scales with the
window; tests/browser/test_workshop_room.py measures it). Once a step's result is on the wall,
the room has joined: the QR code shrinks to make room for the figures.
Why an <img> through st.html: `st.image` writes no alt text (axe `image-alt`, critical);
the alt text is escaped, the image is a data: PNG made here.
"""

from __future__ import annotations

import base64
import html

import streamlit as st

from ..i18n import _
from ..widgets import plain
from . import backend, qr

SCREEN = ".st-key-ws-screen"
CHROME_CSS = f"""<style>
body:has({SCREEN}) header, body:has({SCREEN}) [data-testid="stSidebar"],
body:has({SCREEN}) [data-testid="stSidebarCollapsedControl"],
body:has({SCREEN}) [data-testid="stMainBlockContainer"] > div > [data-testid="stVerticalBlock"]
  > :not(:has({SCREEN})):not(:has(style)) {{ display: none !important; }}
body:has({SCREEN}) [data-testid="stMainBlockContainer"] {{ padding: 1rem 2rem 0.5rem;
  max-width: 100%; }}
body:has({SCREEN}) [data-testid="stAppViewContainer"] {{ overflow: hidden; }}
{SCREEN} p, {SCREEN} li {{ font-size: clamp(0.95rem, 1.25vw, 1.6rem); line-height: 1.3; }}
{SCREEN} h1 {{ font-size: clamp(1.5rem, 2.2vw, 2.8rem); padding-top: 0; }}
{SCREEN} h2 {{ font-size: clamp(1.1rem, 1.5vw, 1.9rem); padding: 0.4rem 0 0.2rem; }}
.st-key-ws-code p {{ font-size: clamp(2rem, 3.5vw, 3.5rem); font-weight: 700;
  letter-spacing: 0.08em; white-space: nowrap; margin: 0; }}
.st-key-ws-qr img {{ width: min(26vh, 100%); height: auto; display: block; }}
{SCREEN}:has(.st-key-ws-revealed) .st-key-ws-qr img {{ width: min(16vh, 100%); }}
.st-key-ws-buttons button {{ min-height: 3.2rem; font-size: 1.3rem; }}
</style>"""


def chrome_css() -> None:
    """Hide the app's chrome while the screen is shown (fixed CSS, no content text)."""
    st.html(CHROME_CSS)


@st.cache_data(show_spinner=False, max_entries=64)
def _qr(url: str) -> bytes:
    return qr.qr_png(url)


def _page_url() -> str | None:
    try:
        url = st.context.url
    except (AttributeError, RuntimeError):
        return None
    return url if isinstance(url, str) else None


def _listening_on() -> str:
    value = st.get_option("server.address")
    return value if isinstance(value, str) else ""


def join_base() -> tuple[str | None, str]:
    """(address phones can reach or None, the page's own address) for the join link."""
    page = qr.base_url(_page_url(), backend.rt().settings.public_url)
    if backend.rt().settings.public_url.strip():
        return page, page
    return qr.reachable(page, _listening_on(), qr.lan_addresses()), page


def loopback_notice(page: str) -> None:
    """Tell the facilitator, before the room opens, why phones cannot join and what to do."""
    st.error(_("Telefoons kunnen dit adres niet bereiken"), icon="⚠️")
    addresses = qr.lan_addresses()
    if _listening_on().strip() in qr.ALL_INTERFACES and not addresses:
        st.markdown(plain(_(
            "Deze computer heeft geen netwerkadres gevonden. Verbind hem met het netwerk van de "
            "zaal en laad de pagina opnieuw, of stel VBESTUUR_PUBLIC_URL in op het adres dat de "
            "zaal kan bereiken.")))
        return
    st.markdown(plain(_(
        "De app draait alleen op deze computer ({url}). Stop de app en start hem opnieuw met "
        "`make run HOST=0.0.0.0`, of stel VBESTUUR_PUBLIC_URL in op het adres dat de zaal kan "
        "bereiken.", url=page)))
    if addresses:
        st.markdown(plain(_(
            "Adressen van deze computer in het netwerk: {addresses}",
            addresses=", ".join(addresses))))


def join_panel(code: str) -> None:
    """Where and how to join: the address, the code in big letters, a large QR code."""
    base, page = join_base()
    if base is None:
        loopback_notice(page)
        return
    url = qr.join_url(base, code)
    st.markdown(plain(_("Doe mee op uw telefoon: {url}", url=url.split("?")[0])))
    with st.container(key="ws-code"):
        st.markdown(plain(code))
    data = base64.b64encode(_qr(url)).decode("ascii")
    alt = html.escape(_("QR-code: open {url} op uw telefoon om mee te doen", url=url), quote=True)
    with st.container(key="ws-qr"):
        st.html(f'<img src="data:image/png;base64,{data}" alt="{alt}">')
