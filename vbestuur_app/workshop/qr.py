"""The join address and its QR code, made on this machine.

Why segno: it is pure Python and writes PNG itself, so the presenter view needs no image
library and no remote QR service (which would learn the room code and the app's address).

Why the address comes from the browser: the facilitator opens the presenter view at the
address the room can reach (the projector laptop's network name, or the public host); a proxy
in between can be overruled with VBESTUUR_PUBLIC_URL.
"""

from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit

import segno

JOIN_PATH = "meedoen"
FALLBACK_BASE = "http://localhost:8501"


def base_url(page_url: str | None, configured: str = "") -> str:
    """scheme://host[:port] of the app: VBESTUUR_PUBLIC_URL (`Settings.public_url`), else the
    page's own address."""
    configured = configured.strip()
    if configured:
        return configured.rstrip("/")
    parts = urlsplit(page_url or "")
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return FALLBACK_BASE


def join_url(base: str, code: str) -> str:
    """The address a phone opens to join: the participant page with the code filled in."""
    return f"{base}/{JOIN_PATH}?{urlencode({'code': code})}"


def qr_png(data: str, scale: int = 10) -> bytes:
    """A PNG of the QR code for `data` (error correction M, a 4-module quiet zone)."""
    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
