"""Compressed pages and static files: brotli where the browser asks, else gzip.

Why here: Streamlit 1.67 deliberately sends `/` and `/static` uncompressed (its
SelectiveGZipMiddleware bypasses them, because compressing a large bundle on every request
costs CPU). A first visit was 2.12 MB of scripts that shrink about four times. So this
middleware compresses, but a hashed static file (Streamlit marks them immutable for a year,
each has an ETag) is compressed ONCE per encoding and kept in a bounded in-memory cache: the
CPU cost is paid once per process, not per visitor. Compression runs in a worker thread, so
the event loop keeps serving websockets meanwhile. Anything already encoded (Streamlit's own
gzip on `/_stcore/`), partial (206), not-modified (304) or not text passes untouched.

`VBESTUUR_COMPRESS` = `off` turns it off (for the before/after bench, or when a reverse proxy
compresses), `gzip` never uses brotli. brotli is the maintained Google binding (`brotli`
on PyPI, binary wheels); without it the middleware offers gzip only.
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from collections.abc import Callable

import anyio
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vbestuur_service import runtime

try:
    import brotli
except ImportError:  # pragma: no cover - brotli is a runtime dependency
    brotli = None

MINIMUM_BYTES = 512
CACHE_BYTES = 32 * 1024 * 1024
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
              "application/wasm", "application/manifest+json", "text/javascript")
Compress = Callable[[bytes, bool], bytes]


def _gzip(body: bytes, cached: bool) -> bytes:
    return gzip.compress(body, compresslevel=9 if cached else 6, mtime=0)


def _brotli(body: bytes, cached: bool) -> bytes:
    assert brotli is not None
    return bytes(brotli.compress(body, quality=9 if cached else 5))


def encodings(mode: str | None = None) -> dict[str, Compress]:
    """The encodings offered under the `VBESTUUR_COMPRESS` mode, best first."""
    mode = (runtime.current().settings.compress if mode is None else mode).lower()
    if mode == "off":
        return {}
    offered: dict[str, Compress] = {}
    if brotli is not None and mode != "gzip":
        offered["br"] = _brotli
    offered["gzip"] = _gzip
    return offered


def chosen_encoding(accept: str, offered: dict[str, Compress]) -> str | None:
    """The first offered encoding the Accept-Encoding header allows (q=0 refuses)."""
    allowed = set()
    for part in accept.lower().split(","):
        name, _, params = part.strip().partition(";")
        if params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            allowed.add(name.strip())
    return next((name for name in offered if name in allowed or "*" in allowed), None)


class CompressedCache:
    """Compressed bodies of immutable static files, least recently used dropped first."""

    def __init__(self, limit: int = CACHE_BYTES) -> None:
        self.limit = limit
        self._items: OrderedDict[tuple[str, str, str], bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str, str]) -> bytes | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: tuple[str, str, str], body: bytes) -> None:
        with self._lock:
            if key in self._items or len(body) > self.limit:
                return
            self._items[key] = body
            self._size += len(body)
            while self._size > self.limit:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped)


def compressible(start: Message) -> bool:
    """A complete 200 text response not yet encoded."""
    headers = Headers(raw=start["headers"])
    kind = headers.get("content-type", "").lower()
    return start["status"] == 200 and "content-encoding" not in headers \
        and kind.startswith(TEXT_TYPES)


class CompressionMiddleware:
    """Compresses `/`, the pages and `/static` for browsers that accept br or gzip."""

    def __init__(self, app: ASGIApp, offered: dict[str, Compress] | None = None,
                 cache: CompressedCache | None = None) -> None:
        self.app = app
        self.offered = encodings() if offered is None else offered
        self.cache = CompressedCache() if cache is None else cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        encoding = None
        if scope["type"] == "http" and scope["method"] == "GET" and self.offered:
            encoding = chosen_encoding(Headers(scope=scope).get("accept-encoding", ""),
                                       self.offered)
        if encoding is None:
            await self.app(scope, receive, send)
            return
        await self._compressed(scope, receive, send, encoding)

    async def _compressed(self, scope: Scope, receive: Receive, send: Send,
                          encoding: str) -> None:
        start: Message | None = None
        passthrough = False
        chunks: list[bytes] = []

        async def collect(message: Message) -> None:
            nonlocal start, passthrough
            if message["type"] == "http.response.start":
                if compressible(message):
                    start = message
                    return
                passthrough = True
            if passthrough or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False) and start is not None:
                await self._send(scope, start, b"".join(chunks), encoding, send)

        await self.app(scope, receive, collect)

    async def _send(self, scope: Scope, start: Message, body: bytes, encoding: str,
                    send: Send) -> None:
        headers = MutableHeaders(scope=start)
        if len(body) >= MINIMUM_BYTES:
            body = await self._encode(scope["path"], headers.get("etag"), body, encoding)
            headers["content-encoding"] = encoding
            headers["content-length"] = str(len(body))
        headers.append("vary", "Accept-Encoding")
        await send(start)
        await send({"type": "http.response.body", "body": body})

    async def _encode(self, path: str, etag: str | None, body: bytes, encoding: str) -> bytes:
        """A hashed static file from the cache (or compressed once into it); else fresh."""
        cached = path.startswith("/static/") and etag is not None
        key = (path, etag or "", encoding)
        if cached and (found := self.cache.get(key)) is not None:
            return found
        compress = self.offered[encoding]
        result = await anyio.to_thread.run_sync(compress, body, cached)
        if cached:
            self.cache.put(key, result)
        return result
