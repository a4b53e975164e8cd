"""Encryption at rest for the incident register: sealing texts and keyed hashes (issue 16).

Why Fernet (AES-128-CBC + HMAC-SHA256, from `cryptography`): authenticated, misuse-resistant
and with `MultiFernet` a documented rotation path: the first key seals, every key opens, and
`MultiFernet.rotate` re-seals an old token under the first key (docs/privacy.md, "Key
rotation"). The register key comes from VBESTUUR_REGISTER_KEY (one or more keys separated by
commas or spaces, newest first) or VBESTUUR_REGISTER_KEY_FILE (one key per line); it is never
stored in the database.

Why a separate index key: the keyed hashes (HMAC-SHA256) of identifiers and owners must stay
the same when the register key rotates, or every index row would have to be recomputed from
texts that may no longer exist. So a random 32-byte index key is made once, sealed under the
register key and kept in the database (`register_keys`); rotation re-seals it, unchanged.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from ..settings import Settings


class KeyProblem(Exception):
    """The register key is missing ("no-key") or unusable ("bad-key")."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def new_key() -> str:
    """A fresh register key (url-safe base64 of 32 random bytes), for `… key`."""
    return Fernet.generate_key().decode("ascii")


def key_texts(settings: Settings) -> list[str]:
    """The configured keys, newest first: the variable wins over the file."""
    if settings.register_key:
        return settings.register_key.replace(",", " ").split()
    if not settings.register_key_file:
        return []
    try:
        text = Path(settings.register_key_file).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        raise KeyProblem("bad-key") from None
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def sealer(settings: Settings) -> Sealer:
    """The sealer for the configured keys; KeyProblem when there are none or one is bad."""
    texts = key_texts(settings)
    if not texts:
        raise KeyProblem("no-key")
    try:
        return Sealer(MultiFernet([Fernet(t.encode("ascii")) for t in texts]))
    except (ValueError, binascii.Error, UnicodeEncodeError):
        raise KeyProblem("bad-key") from None


class Sealer:
    """Seals JSON values to text and opens them again."""

    def __init__(self, fernet: MultiFernet) -> None:
        self._fernet = fernet

    def seal(self, value: Any) -> str:
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return self._fernet.encrypt(data).decode("ascii")

    def open(self, token: str) -> Any:
        """The value; KeyProblem("bad-key") when no configured key opens it."""
        try:
            return json.loads(self._fernet.decrypt(token.encode("ascii")))
        except (InvalidToken, UnicodeEncodeError):
            raise KeyProblem("bad-key") from None

    def reseal(self, token: str) -> str:
        """The same value sealed under the newest key (rotation)."""
        try:
            return self._fernet.rotate(token.encode("ascii")).decode("ascii")
        except InvalidToken:
            raise KeyProblem("bad-key") from None

    def new_index_key(self) -> str:
        """A new random index key, sealed."""
        return self.seal(base64.b64encode(secrets.token_bytes(32)).decode("ascii"))

    def blind(self, sealed_index_key: str) -> Blind:
        return Blind(base64.b64decode(str(self.open(sealed_index_key))))


class Blind:
    """Keyed hashes (HMAC-SHA256) of normalised values: equal input, equal hash; without the
    key a hash cannot be tested against a guess."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def digest(self, kind: str, value: str) -> str:
        message = f"{kind}\x00{value}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()
