"""The page's `<html lang>` on the first paint, and the app's own stylesheet and script.

Why: Streamlit's index.html says `<html lang="en">` whatever the page's language, so a screen
reader reads a Dutch page with an English voice (WCAG 3.1.1, level A). The page request
carries the language in `?lang=` (the app keeps the URL in step with the session's language;
no parameter means Dutch, the default), so this middleware rewrites that one attribute of
the HTML before it leaves the server. After a switch inside the running page the app's own
script (`assets/vbestuur.js`) updates `document.documentElement.lang`.

The same rewrite links that script and the app's stylesheet (`page_assets.py`), and this
middleware serves both files: it is the one that already rewrites the page on every path.

Why its own module: asgi.py holds the cookie and the headers; this class has one job (the
page as the app needs it) and is added to the stack in `asgi.middleware()`. It imports
nothing from the UI.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .page_assets import ASSETS, Asset, response, with_assets

LANGS = ("nl", "en")
DEFAULT_LANG = "nl"
_HTML_LANG = re.compile(rb'<html lang="[A-Za-z-]*"')
# Dropped from the page request before Streamlit sees it: the conditional headers (see the
# class) and Accept-Encoding, because Streamlit gzips its pages other than `/` itself and a
# gzipped page cannot be rewritten (the outer CompressionMiddleware compresses it after).
_DROPPED = (b"if-none-match", b"if-modified-since", b"accept-encoding")


def requested_lang(scope: Scope) -> str:
    """The language of `?lang=` when it is one the app speaks, else Dutch."""
    query = parse_qs(bytes(scope.get("query_string", b"")).decode("latin-1"))
    wanted = (query.get("lang") or [DEFAULT_LANG])[-1]
    return wanted if wanted in LANGS else DEFAULT_LANG


def with_lang(body: bytes, lang: str) -> bytes:
    """The HTML with its first `<html lang=…>` set to `lang` (other bytes unchanged)."""
    return _HTML_LANG.sub(f'<html lang="{lang}"'.encode(), body, count=1)


def _is_html_page(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["method"] != "GET":
        return False
    path: str = scope.get("path", "/")
    return not path.startswith(("/_stcore/", "/static/", "/media/", "/component/",
                                "/app/static/")) and "." not in path.rsplit("/", 1)[-1]


class PageLanguageMiddleware:
    """Serves the app's HTML page with `<html lang>` in the requested language and the app's
    stylesheet and script linked; serves those two files.

    The conditional request headers are dropped for the page, so the browser never reuses an
    English copy from its cache (a 304 has no body to rewrite); the page is small and sent
    with no-cache anyway.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        asset = _asset_of(scope)
        if asset is not None:
            await _send_asset(scope, send, asset)
            return
        if not _is_html_page(scope):
            await self.app(scope, receive, send)
            return
        lang = requested_lang(scope)
        scope = {**scope, "headers": [(k, v) for k, v in scope.get("headers", [])
                                      if k.lower() not in _DROPPED]}
        start: Message | None = None
        chunks: list[bytes] = []

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            await _send_page(send, start, b"".join(chunks), lang)

        await self.app(scope, receive, rewrite)


def _asset_of(scope: Scope) -> Asset | None:
    if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
        return None
    return ASSETS.get(scope.get("path", ""))


async def _send_asset(scope: Scope, send: Send, asset: Asset) -> None:
    status, headers, body = response(asset, Headers(scope=scope).get("if-none-match"),
                                     scope["method"] == "HEAD")
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _send_page(send: Send, start: Message, body: bytes, lang: str) -> None:
    """Send the buffered response, the HTML rewritten when it is HTML."""
    headers = MutableHeaders(scope=start)
    if headers.get("content-type", "").startswith("text/html"):
        body = with_assets(with_lang(body, lang))
        headers["content-length"] = str(len(body))
        if "etag" in headers:
            del headers["etag"]
    await send(start)
    await send({"type": "http.response.body", "body": body, "more_body": False})
