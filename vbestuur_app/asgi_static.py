"""A lean first visit: Streamlit's static set without the fonts the pages do not need.

Why: after compression, a first visit was still 534 KB of fonts, which compression cannot
shrink. Two files, both forced by Streamlit 1.67 whatever the theme says:
- `index.html` preloads Source Sans (170 KB), and the first frame, drawn before the theme
  arrives, asks for it again. The app's theme draws text in the phone's own system font
  (`.streamlit/config.toml`, `[theme] font`), so the preload is dropped from the page and
  Source Sans is answered with a font that has no characters at all (under 1 KB): the browser
  draws every character in the next font of the stack, the system font.
- the frontend preloads the whole Material Symbols icon font (375 KB, ~4,300 icons) for its
  interface icons. The pages show a few dozen; tools/subset_icons.py cuts the font to every
  icon Streamlit's scripts or the app's code name, and this middleware serves that subset
  (vbestuur_app/fonts) under Streamlit's own URL, with Streamlit's caching headers.
Everything stays on this server: nothing remote. `VBESTUUR_LEAN_STATIC=off` serves Streamlit's
files unchanged (for the before/after bench).
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit import file_util

from vbestuur_service import runtime

ICON_SUBSET = Path(__file__).resolve().parent / "fonts" / "MaterialSymbols-Rounded-subset.woff2"
BLANK_FONT = ICON_SUBSET.with_name("blank.woff2")
ICON_PATH = re.compile(r"^/static/media/MaterialSymbols-Rounded\.[\w-]+\.woff2$")
TEXT_FONT_PATH = re.compile(r"^/static/media/SourceSans[\w.-]*\.woff2$")
TEXT_FONT_PRELOAD = re.compile(
    rb'\s*<link\s+rel="preload"\s+href="[^"]*SourceSans[^"]*\.woff2"[^>]*/?>', re.S)


def streamlit_icon_font() -> Path:
    """The icon font file this Streamlit version ships (its name carries a content hash)."""
    media = Path(file_util.get_static_dir()) / "static" / "media"
    return next(media.glob("MaterialSymbols-Rounded.*.woff2"))


@cache
def font_file(path: Path) -> tuple[bytes, str]:
    """A served font's bytes and an ETag of its content (read once per process)."""
    body = path.read_bytes()
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def replacement(path: str) -> Path | None:
    """The app's own font file for this Streamlit font URL, if it replaces it (and is there:
    an install without it serves Streamlit's own file rather than an error)."""
    own = ICON_SUBSET if ICON_PATH.match(path) else (
        BLANK_FONT if TEXT_FONT_PATH.match(path) else None)
    return own if own is not None and own.is_file() else None


def lean_page(body: bytes) -> bytes:
    """index.html without the preload of the Source Sans text font."""
    return TEXT_FONT_PRELOAD.sub(b"", body)


def is_on() -> bool:
    """`VBESTUUR_LEAN_STATIC` (Settings.lean_static): off serves Streamlit's own fonts."""
    return runtime.current().settings.lean_static


class LeanStaticMiddleware:
    """Serves the icon subset and the empty font in place of Streamlit's icon and text fonts,
    and drops the text font preload from the page."""

    def __init__(self, app: ASGIApp, enabled: bool | None = None) -> None:
        self.app = app
        self.enabled = is_on() if enabled is None else enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.enabled or scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
        elif (font := replacement(scope.get("path", ""))) is not None:
            await self._font(scope, send, font)
        elif scope["method"] == "GET":
            await self.app(scope, receive, self._pages(send))
        else:
            await self.app(scope, receive, send)

    @staticmethod
    async def _font(scope: Scope, send: Send, font: Path) -> None:
        body, etag = font_file(font)
        fresh = Headers(scope=scope).get("if-none-match") == etag
        headers = MutableHeaders(raw=[])
        headers["content-type"] = "font/woff2"
        headers["cache-control"] = "public, immutable, max-age=31536000"
        headers["etag"] = etag
        if not fresh:
            headers["content-length"] = str(len(body))
        await send({"type": "http.response.start", "status": 304 if fresh else 200,
                    "headers": headers.raw})
        await send({"type": "http.response.body",
                    "body": b"" if fresh or scope["method"] == "HEAD" else body})

    @staticmethod
    def _pages(send: Send) -> Send:
        """A send that rewrites a complete text/html page (index.html) on its way out."""
        start: Message | None = None
        chunks: list[bytes] = []

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                kind = Headers(raw=message["headers"]).get("content-type", "")
                if message["status"] == 200 and kind.startswith("text/html"):
                    start = message
                    return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                body = lean_page(b"".join(chunks))
                headers = MutableHeaders(scope=start)
                if "content-length" in headers:
                    headers["content-length"] = str(len(body))
                await send(start)
                await send({"type": "http.response.body", "body": body})

        return rewrite
