"""The app's own stylesheet and script, linked from the page instead of sent with each rerun.

Why: the fixed touch-target CSS and the scroll/focus and language scripts used to be three
`st.html` elements (two in their own containers) drawn on every rerun, a fifth of the cost of
a question's rerun. They never change, so they are files (`assets/`), served by the ASGI
layer under `/static/vbestuur/` with their content hash in the name (cached for a year,
compressed like Streamlit's own files) and linked from the page's `<head>`
(`page_lang.PageLanguageMiddleware` rewrites index.html). The script follows each run through
one marker element (`widgets.page_marker`). Both are same-origin files, so the CSP needs no
inline-script hash for them (`script-src 'self'`, `style-src 'self'`).

Why it imports nothing of the UI: the ASGI layer must not import Streamlit pages.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

ASSET_DIR = Path(__file__).resolve().parent / "assets"
PREFIX = "/static/vbestuur/"


@dataclass(frozen=True)
class Asset:
    """One file as served: its URL path, bytes, content type and ETag."""

    path: str
    body: bytes
    content_type: str
    etag: str


def _asset(name: str, content_type: str) -> Asset:
    body = (ASSET_DIR / name).read_bytes()
    digest = hashlib.sha256(body).hexdigest()[:16]
    stem, suffix = name.rsplit(".", 1)
    return Asset(f"{PREFIX}{stem}.{digest}.{suffix}", body, content_type, f'"{digest}"')


STYLESHEET = _asset("vbestuur.css", "text/css; charset=utf-8")
SCRIPT = _asset("vbestuur.js", "text/javascript; charset=utf-8")
ASSETS = {asset.path: asset for asset in (STYLESHEET, SCRIPT)}
HEAD_TAGS = (f'<link rel="stylesheet" href="{STYLESHEET.path}">'
             f'<script defer src="{SCRIPT.path}"></script>').encode()


def with_assets(body: bytes) -> bytes:
    """The HTML with the app's stylesheet and script linked just before `</head>` (once)."""
    if HEAD_TAGS in body:
        return body
    return body.replace(b"</head>", HEAD_TAGS + b"</head>", 1)


def response(asset: Asset, if_none_match: str | None, head: bool) -> tuple[int, list[
        tuple[bytes, bytes]], bytes]:
    """Status, headers and body for a request of `asset` (304 when the browser has it)."""
    fresh = if_none_match == asset.etag
    headers = [(b"content-type", asset.content_type.encode()),
               (b"cache-control", b"public, immutable, max-age=31536000"),
               (b"etag", asset.etag.encode())]
    if fresh:
        return 304, headers, b""
    headers.append((b"content-length", str(len(asset.body)).encode()))
    return 200, headers, b"" if head else asset.body
