"""The session token, sealed with the bewaarcode, so a resume can hand it to another device.

Why: the store keeps only hashes of session tokens (F17), yet "verder op een ander apparaat"
must give device B the very token of device A. So the bewaarcode row keeps the token encrypted
(AES-GCM from `cryptography`) under a key derived from the bewaarcode itself. The code is only
stored as its SHA-256, and the key is a *different* hash of it (HKDF with its own label), so a
copy of the database opens no box; whoever types the code opens it. 140 random bits of code
make the key unguessable; a fresh random nonce per box is kept next to the ciphertext.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from vbestuur_store.tokens import normalise_code

_LABEL = b"vbestuur bewaarcode token box v1"
NONCE_BYTES = 12


def _key(code: str) -> bytes:
    canonical = normalise_code(code).encode("ascii")
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_LABEL).derive(canonical)


def seal(token: str, code: str) -> str:
    """The token encrypted under the code, as URL-safe base64 (nonce + ciphertext + tag)."""
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(_key(code)).encrypt(nonce, token.encode("ascii"), _LABEL)
    return base64.urlsafe_b64encode(nonce + sealed).decode("ascii")


def open_box(box: str, code: str) -> str | None:
    """The token in `box` if `code` opens it, else None (tampered box or another code)."""
    try:
        raw = base64.urlsafe_b64decode(box.encode("ascii"))
        plain = AESGCM(_key(code)).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], _LABEL)
    except (InvalidTag, ValueError):
        return None
    return plain.decode("ascii")
