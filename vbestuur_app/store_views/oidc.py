"""Sign-in through the municipality's identity provider (OIDC) with Streamlit's `st.login`.

Why: in production the municipality's own accounts (and their multi-factor sign-in) should
decide who is staff, not a second set of passwords. Streamlit does the OIDC flow when the
`[auth]` section of `.streamlit/secrets.toml` is filled in (README, "Staff accounts"); the
roles come from one claim of the ID token (`VBESTUUR_OIDC_ROLE_CLAIM`, default `roles`) and
the name recorded with each change from `VBESTUUR_OIDC_NAME_CLAIM` (default `email`), both
read from the ID token (Streamlit does not ask the userinfo endpoint). Tested against a real
provider: tests/browser/test_oidc_signin.py.
Without an `[auth]` section nothing of this shows and only local accounts work.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlparse

import streamlit as st

from vbestuur_service import runtime, staff
from vbestuur_service.settings import Settings

from .. import asgi_oidc, persistence, session
from ..i18n import _

BUTTON_KEY = "staff:oidc"


def configured() -> bool:
    """True when the operator filled in Streamlit's `[auth]` secrets."""
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file at all: Streamlit raises its own error
        return False


def _claims() -> dict[str, object] | None:
    try:
        if not st.user.is_logged_in:
            return None
        return dict(st.user.to_dict())
    except Exception:  # noqa: BLE001 - no [auth] configured or no client context
        return None


@dataclass(frozen=True)
class ProviderIdentity:
    """Who the provider vouched for: the name, the app's roles in the configured claim (may
    be empty: known there, no role here), and until when that sign-in counts here."""

    name: str
    roles: frozenset[str]
    until: float


def judge(claims: dict[str, object], settings: Settings) -> ProviderIdentity | None:
    """The identity in an ID token's claims, or None without a usable issue time.

    Why `iat`: Streamlit keeps its identity cookie for 30 days, but a sign-in of staff lasts
    half an hour here, as with a local account (vbestuur_service.staff). So a provider
    sign-in counts for half an hour from when the provider issued the ID token; after that
    the person signs in at the provider again."""
    issued = claims.get("iat")
    if not isinstance(issued, int | float) or isinstance(issued, bool):
        return None
    name = str(claims.get(settings.oidc_name_claim) or claims.get("sub") or "")[:100]
    roles = staff.roles_from_claim(claims.get(settings.oidc_role_claim))
    return ProviderIdentity(name or "?", roles, float(issued) + staff.SIGNIN_SECONDS)


def _identity(now: float) -> ProviderIdentity | None:
    """The provider's identity on this session while its sign-in counts, else None."""
    if not configured():
        return None
    claims = _claims()
    if claims is None:
        return None
    identity = judge(claims, runtime.current().settings)
    return identity if identity is not None and now < identity.until else None


def adopt() -> None:
    """After a provider sign-in: put the provider's identity into this session (once)."""
    now = time.time()
    if session.staff(now) is not None:
        return
    identity = _identity(now)
    if identity is not None and identity.roles:
        # the sign-in's half hour runs from the token's issue, not from this page load
        session.current().staff = staff.from_claims(identity.name, identity.roles,
                                                    identity.until - staff.SIGNIN_SECONDS)


def without_role() -> str | None:
    """The name of a person the provider signed in whose claim holds no role of this app.

    Why: such a person must get no staff access, and must be told why, with a way to sign
    out; otherwise the sign-in button would only send them round the provider again."""
    identity = _identity(time.time())
    return identity.name if identity is not None and not identity.roles else None


def button() -> None:
    """The provider's sign-in button, only when the operator configured a provider."""
    if configured():
        st.button(_("Aanmelden via de gemeente"), key=BUTTON_KEY, on_click=_login)


def _login() -> None:
    """on_click: note this page for the way back (asgi_oidc), then Streamlit's `st.login`."""
    url = st.context.url
    asgi_oidc.remember_return(persistence.read_cookie(), urlparse(url).path if url else "/",
                              time.time())
    st.login()


def sign_out() -> None:
    """Streamlit's logout: clears its identity cookie, then the provider's end-session page."""
    if configured() and _claims() is not None:
        st.logout()
