"""Back from the identity provider's sign-in through a page of this site, not a redirect.

Why: the session cookie is SameSite=Strict (asgi.py). The provider's redirect to
`/oauth2callback`, and Streamlit's redirect from there to the start page, belong to a
navigation that began on the provider's site, so the browser withholds a Strict cookie. The
start page then arrived without it and got a fresh one: the person's saved answers lost their
link to this browser (tests/browser/test_oidc_signin.py, with the provider on another site,
showed it). So the callback's redirect becomes a small page that goes on with a meta refresh:
a navigation this site starts itself, on which the browser sends the cookie again. The
callback keeps every Set-Cookie of Streamlit's (its identity cookie); it is no page of the
app, so it gets no session cookie of its own (asgi.NOT_PAGES).
"""

from __future__ import annotations

import html

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CALLBACK_PATH = "/oauth2callback"
REDIRECTS = (301, 302, 303, 307, 308)


def hop_page(location: str) -> bytes:
    """A page that continues to `location` at once; a link for a browser that does not."""
    where = html.escape(location, quote=True)
    return ('<!doctype html><html lang="nl"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0;url={where}"><title>vbestuur</title>'
            f'</head><body><p><a href="{where}">Verder · Continue</a></p></body></html>'
            ).encode()


def is_local(location: str) -> bool:
    """Only a path on this site: never turn a redirect elsewhere into a page."""
    return location.startswith("/") and not location.startswith(("//", "/\\"))


class ProviderReturnMiddleware:
    """Turns the redirect at the end of `/oauth2callback` into a same-site page hop."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).endswith(CALLBACK_PATH):
            await self.app(scope, receive, send)
            return
        body: list[bytes] = []

        async def send_hop(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in REDIRECTS:
                headers = MutableHeaders(scope=message)
                location = headers.get("location", "")
                if is_local(location):
                    body.append(hop_page(location))
                    del headers["location"]
                    headers["content-type"] = "text/html; charset=utf-8"
                    headers["content-length"] = str(len(body[0]))
                    headers["cache-control"] = "no-store"
                    message["status"] = 200
            elif message["type"] == "http.response.body" and body:
                if not body[0]:
                    return  # the hop page went out whole: drop the redirect's own body
                message = {"type": "http.response.body", "body": body[0], "more_body": False}
                body[0] = b""
            await send(message)

        await self.app(scope, receive, send_hop)
