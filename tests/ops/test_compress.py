"""Compression of pages and static files: what is compressed, how, and what passes as is."""

from __future__ import annotations

import gzip
from typing import Any

import brotli
import pytest
from ops_helpers import body, call, header

from vbestuur_app.asgi_compress import CompressedCache, CompressionMiddleware, chosen_encoding
from vbestuur_app.asgi_compress import encodings as offered_encodings

SCRIPT = b"function hello(){return 'veilig bestuur';}\n" * 400


def inner(status: int = 200, kind: bytes = b"application/javascript", extra: Any = (),
          chunks: int = 3) -> Any:
    """A Streamlit-like static file response, sent in several chunks, counting its calls."""
    calls: list[int] = []

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        calls.append(1)
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", kind), (b"etag", b'"abc"'),
                                (b"content-length", str(len(SCRIPT)).encode()), *extra]})
        size = len(SCRIPT) // chunks + 1
        for i in range(chunks):
            await send({"type": "http.response.body", "body": SCRIPT[i * size:(i + 1) * size],
                        "more_body": i < chunks - 1})

    app.calls = calls  # type: ignore[attr-defined]
    return app


def get(app: Any, accept: str, path: str = "/static/js/index.abc.js") -> list[dict[str, Any]]:
    return call(app, path, headers=[(b"accept-encoding", accept.encode())])


def test_brotli_when_asked_and_the_body_decodes_to_the_original() -> None:
    sent = get(CompressionMiddleware(inner()), "gzip, deflate, br, zstd")
    assert header(sent[0], "content-encoding") == "br"
    assert header(sent[0], "vary") == "Accept-Encoding"
    data = body(sent)
    assert int(header(sent[0], "content-length") or 0) == len(data) < len(SCRIPT) / 4
    assert brotli.decompress(data) == SCRIPT


@pytest.mark.parametrize("accept", ["gzip", "gzip, br;q=0", "br;q=0, gzip;q=0.5"])
def test_gzip_when_brotli_is_not_accepted(accept: str) -> None:
    sent = get(CompressionMiddleware(inner()), accept)
    assert header(sent[0], "content-encoding") == "gzip"
    assert gzip.decompress(body(sent)) == SCRIPT


def test_gzip_only_mode_never_sends_brotli() -> None:
    sent = get(CompressionMiddleware(inner(), offered=offered_encodings("gzip")), "br, gzip")
    assert header(sent[0], "content-encoding") == "gzip"


@pytest.mark.parametrize("accept", ["", "identity", "gzip;q=0, br;q=0"])
def test_uncompressed_for_a_client_that_does_not_accept(accept: str) -> None:
    sent = get(CompressionMiddleware(inner()), accept)
    assert header(sent[0], "content-encoding") is None
    assert body(sent) == SCRIPT


def test_off_mode_compresses_nothing() -> None:
    sent = get(CompressionMiddleware(inner(), offered=offered_encodings("off")), "br, gzip")
    assert header(sent[0], "content-encoding") is None
    assert body(sent) == SCRIPT


@pytest.mark.parametrize(("status", "kind", "extra"), [
    (304, b"application/javascript", ()), (206, b"application/javascript", ()),
    (200, b"font/woff2", ()), (200, b"image/png", ()),
    (200, b"application/javascript", ((b"content-encoding", b"gzip"),))])
def test_not_modified_partial_binary_or_encoded_responses_pass_untouched(
        status: int, kind: bytes, extra: Any) -> None:
    sent = get(CompressionMiddleware(inner(status, kind, extra)), "br, gzip")
    assert sent[0]["status"] == status
    assert header(sent[0], "content-encoding") == ("gzip" if extra else None)
    assert body(sent) == SCRIPT


def test_a_hashed_static_file_is_compressed_once_per_encoding() -> None:
    cache = CompressedCache()
    app = CompressionMiddleware(inner(), cache=cache)
    first = body(get(app, "br"))
    calls: list[bytes] = []
    original = app.offered["br"]
    app.offered["br"] = lambda data, cached: calls.append(data) or original(data, cached)
    assert body(get(app, "br")) == first
    assert calls == []  # served from the cache
    get(app, "gzip")
    assert cache.get(("/static/js/index.abc.js", '"abc"', "gzip")) is not None


def test_the_page_itself_is_compressed_but_not_cached() -> None:
    cache = CompressedCache()
    sent = get(CompressionMiddleware(inner(kind=b"text/html; charset=utf-8"), cache=cache),
               "gzip", path="/")
    assert header(sent[0], "content-encoding") == "gzip"
    assert cache.get(("/", '"abc"', "gzip")) is None


def test_the_cache_stays_within_its_limit() -> None:
    cache = CompressedCache(limit=100)
    for i in range(10):
        cache.put((f"/static/{i}", "e", "br"), b"x" * 30)
    kept = [i for i in range(10) if cache.get((f"/static/{i}", "e", "br")) is not None]
    assert kept == [7, 8, 9]


def test_accept_encoding_parsing() -> None:
    offered = offered_encodings("on")
    assert chosen_encoding("gzip, deflate, br", offered) == "br"
    assert chosen_encoding("*", offered) == "br"
    assert chosen_encoding("deflate", offered) is None
