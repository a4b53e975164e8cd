"""Session tokens, bewaarcodes and the session cookie.

Why two kinds of secret:
- The *token* lives in an HttpOnly cookie and is never typed by a person: 32 random bytes,
  URL-safe. It is the key of the person's rows.
- The *bewaarcode* is typed on another device, so it must be easy to read aloud and copy:
  28 Crockford base32 characters (140 random bits, above the 128 the issue asks for) in groups
  of 4. Crockford's alphabet has no I, L, O or U, and we read I/L as 1 and O as 0, so the usual
  misreadings still work. Only its SHA-256 is stored: with 140 random bits a hash cannot be
  brute-forced, so no salt or slow hash is needed, and the hash can be looked up by index.
- The store keeps only the SHA-256 of a token too (F17 of the security review): a copy of the
  database does not let anyone act as a session. 256 random bits need no salt or slow hash.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from vbestuur_store.errors import MalformedCode

TOKEN_BYTES = 32
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{43}$")

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_CHARS = 28
CODE_BITS = CODE_CHARS * 5
GROUP = 4
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.]+")
MAX_CODE_INPUT = 200

COOKIE_NAME = "vbestuur_sessie"


def new_token() -> str:
    """A fresh opaque session token (43 URL-safe characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_token(value: object) -> bool:
    """Whether `value` has the shape of a token; a tampered cookie usually fails here already."""
    return isinstance(value, str) and TOKEN_RE.fullmatch(value) is not None


def hash_token(token: str) -> str:
    """The stored form of a session token: SHA-256 hex (64 characters, the column's width)."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def new_code() -> str:
    """A fresh bewaarcode for display, e.g. `7GQ2-K9XM-…` (7 groups of 4)."""
    number = secrets.randbits(CODE_BITS)
    chars = [CROCKFORD[(number >> (5 * i)) & 31] for i in reversed(range(CODE_CHARS))]
    return "-".join("".join(chars[i:i + GROUP]) for i in range(0, CODE_CHARS, GROUP))


def normalise_code(typed: str) -> str:
    """The canonical 28 characters of a typed code; raise MalformedCode if it cannot be one.

    Case, spaces, dashes and the look-alikes O/I/L are forgiven; anything else is refused
    before the database is asked.
    """
    if not isinstance(typed, str) or len(typed) > MAX_CODE_INPUT:
        raise MalformedCode()
    canonical = _SEPARATORS.sub("", typed).upper().translate(_READ_AS)
    if len(canonical) != CODE_CHARS or any(c not in CROCKFORD for c in canonical):
        raise MalformedCode()
    return canonical


def hash_code(typed: str) -> str:
    """The stored form of a bewaarcode: SHA-256 hex of its canonical characters."""
    return hashlib.sha256(normalise_code(typed).encode("ascii")).hexdigest()


def session_cookie(token: str, max_age_days: int, *, secure: bool = False) -> str:
    """The Set-Cookie header value for the session token (for the st.App middleware).

    HttpOnly keeps scripts from reading it, SameSite=Strict keeps other sites from using it,
    and Max-Age follows the retention period so the cookie dies with the data. Set `secure`
    when the app is served over HTTPS.
    """
    if not is_token(token):
        raise ValueError("not a session token")
    parts = [f"{COOKIE_NAME}={token}", "Path=/", "HttpOnly", "SameSite=Strict",
             f"Max-Age={max_age_days * 86400}"]
    if secure:
        parts.append("Secure")
    return "; ".join(parts)
