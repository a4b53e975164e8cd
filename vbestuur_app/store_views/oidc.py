"""Sign-in through the municipality's identity provider (OIDC) with Streamlit's `st.login`.

Why: in production the municipality's own accounts (and their multi-factor sign-in) should
decide who is staff, not a second set of passwords. Streamlit does the OIDC flow when the
`[auth]` section of `.streamlit/secrets.toml` is filled in (README, "Staff accounts"); the
roles come from one claim of the ID token (`VBESTUUR_OIDC_ROLE_CLAIM`, default `roles`) and
the name recorded with each change from `VBESTUUR_OIDC_NAME_CLAIM` (default `email`).
Without an `[auth]` section nothing of this shows and only local accounts work.
"""

from __future__ import annotations

import time

import streamlit as st

from vbestuur_service import runtime, staff

from .. import session
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


def _identity() -> tuple[str, frozenset[str]] | None:
    """(name, the app's roles in the configured claim) of the person signed in at the
    provider, or None when nobody is. The roles may be empty: known there, no role here."""
    if not configured():
        return None
    claims = _claims()
    if claims is None:
        return None
    settings = runtime.current().settings
    name = str(claims.get(settings.oidc_name_claim) or claims.get("sub") or "")[:100]
    return name, staff.roles_from_claim(claims.get(settings.oidc_role_claim))


def adopt() -> None:
    """After a provider sign-in: put the provider's identity into this session (once)."""
    if session.staff(time.time()) is not None:
        return
    identity = _identity()
    if identity is not None and identity[0] and identity[1]:
        session.current().staff = staff.from_claims(identity[0], identity[1], time.time())


def without_role() -> str | None:
    """The name of a person the provider signed in whose claim holds no role of this app.

    Why: such a person must get no staff access, and must be told why, with a way to sign
    out; otherwise the sign-in button would only send them round the provider again."""
    identity = _identity()
    if identity is None or identity[1]:
        return None
    return identity[0] or "?"


def button() -> None:
    """The provider's sign-in button, only when the operator configured a provider."""
    if configured():
        st.button(_("Aanmelden via de gemeente"), key=BUTTON_KEY, on_click=st.login)


def sign_out() -> None:
    """Streamlit's logout: clears its identity cookie, then the provider's end-session page."""
    if configured() and _claims() is not None:
        st.logout()
