"""The page's `<html lang>` on the first paint (vbestuur_app/page_lang.py), without a browser,
and the app's stylesheet and script the same rewrite links (vbestuur_app/page_assets.py).

Why: Streamlit's index.html says lang="en"; WCAG 3.1.1 needs the page's real language
before any script runs, so the ASGI layer rewrites it from `?lang=`.
"""

from __future__ import annotations

from own_loop import run_in_own_thread
from starlette.types import Message, Receive, Scope, Send

from vbestuur_app.asgi import content_security_policy, middleware
from vbestuur_app.page_assets import ASSETS, HEAD_TAGS, SCRIPT, STYLESHEET
from vbestuur_app.page_lang import PageLanguageMiddleware, requested_lang, with_lang

INDEX = b'<!doctype html><html lang="en"><head></head><body>lang="en"</body></html>'


def scope(path: str = "/", query: bytes = b"", method: str = "GET",
          headers: list[tuple[bytes, bytes]] | None = None) -> Scope:
    return {"type": "http", "method": method, "path": path, "query_string": query,
            "headers": headers or []}


def serve(app_scope: Scope, body: bytes = INDEX, kind: bytes = b"text/html") -> tuple[
        list[Message], Scope | None]:
    seen: dict[str, Scope] = {}

    async def app(inner: Scope, receive: Receive, send: Send) -> None:
        seen["scope"] = inner
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", kind), (b"content-length", str(len(body)).encode()),
            (b"etag", b'"abc"')]})
        half = len(body) // 2
        await send({"type": "http.response.body", "body": body[:half], "more_body": True})
        await send({"type": "http.response.body", "body": body[half:], "more_body": False})

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    async def receive() -> Message:
        return {"type": "http.request"}

    run_in_own_thread(PageLanguageMiddleware(app)(app_scope, receive, send))
    return sent, seen.get("scope")  # None: the inner app was never asked


def test_requested_lang_only_known_languages() -> None:
    assert requested_lang(scope(query=b"lang=en")) == "en"
    assert requested_lang(scope(query=b"lang=nl")) == "nl"
    assert requested_lang(scope()) == "nl"
    assert requested_lang(scope(query=b"lang=%3Cscript%3E")) == "nl"
    assert requested_lang(scope(query=b"lang=fr")) == "nl"


def test_with_lang_changes_only_the_html_element() -> None:
    assert with_lang(INDEX, "nl") == INDEX.replace(b'<html lang="en">', b'<html lang="nl">')


def test_the_page_is_served_in_the_requested_language() -> None:
    sent, inner = serve(scope("/over", b"lang=nl", headers=[(b"if-none-match", b'"abc"'),
                                                          (b"accept-encoding", b"gzip")]))
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    assert body.startswith(b'<!doctype html><html lang="nl">')
    assert body.count(HEAD_TAGS) == 1 and body.index(HEAD_TAGS) < body.index(b"</head>")
    headers = dict(sent[0]["headers"])
    assert headers[b"content-length"] == str(len(body)).encode()
    assert b"etag" not in headers
    assert inner is not None  # never a stale 304:
    assert all(k != b"if-none-match" for k, _ in inner["headers"])
    # Streamlit gzips pages other than `/` itself, and gzip cannot be rewritten:
    assert all(k != b"accept-encoding" for k, _ in inner["headers"])


def test_assets_and_other_methods_pass_untouched() -> None:
    for other in (scope("/static/js/main.js", b"lang=nl"), scope("/", b"lang=nl", "POST"),
                  scope("/_stcore/health", b"lang=nl")):
        sent, _ = serve(other)
        assert b"".join(m.get("body", b"") for m in sent[1:]) == INDEX


def test_the_app_assets_are_served_hashed_and_cached() -> None:
    for asset, kind in ((STYLESHEET, b"text/css"), (SCRIPT, b"text/javascript")):
        sent, inner = serve(scope(asset.path))
        assert inner is None  # the inner app (Streamlit) is never asked
        headers = dict(sent[0]["headers"])
        assert sent[0]["status"] == 200 and headers[b"content-type"].startswith(kind)
        assert b"immutable" in headers[b"cache-control"]
        assert sent[1]["body"] == asset.body and asset.etag.strip('"') in asset.path
        again, _ = serve(scope(asset.path, headers=[(b"if-none-match", asset.etag.encode())]))
        assert again[0]["status"] == 304 and again[1]["body"] == b""
    assert b"min-height: 3rem" in STYLESHEET.body  # the touch targets
    assert b"data-vb-screen" in SCRIPT.body and b"stSidebarNavItems" in SCRIPT.body
    unknown, _ = serve(scope("/static/vbestuur/vbestuur.0000.css"))
    assert b"".join(m.get("body", b"") for m in unknown[1:]) == INDEX  # Streamlit's answer


def test_the_csp_allows_the_app_script_as_a_file_and_no_other_inline_script() -> None:
    policy = dict(part.split(" ", 1) for part in content_security_policy().split("; "))
    assert policy["script-src"].split()[0] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["style-src"].startswith("'self'")
    assert all(path.startswith("/static/vbestuur/") for path in ASSETS)
    assert PageLanguageMiddleware in [m.cls for m in middleware()]
