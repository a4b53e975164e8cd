"""Passphrase hashing for staff accounts: Argon2id at OWASP's parameters, via argon2-cffi.

Parameters: OWASP Password Storage Cheat Sheet, "Use Argon2id with a minimum configuration of
19 MiB of memory, an iteration count of 2, and 1 degree of parallelism"
(https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html, read
2026-12-01). memory_cost is in KiB: 19 MiB = 19456. The parameters travel inside every PHC
hash string, so raising them later only needs `needs_rehash` on the next good sign-in.
About 0.1 s per hash on the 2-core development machine.
"""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

OWASP_MEMORY_KIB = 19 * 1024
OWASP_TIME_COST = 2
OWASP_PARALLELISM = 1
MIN_LENGTH = 12
MAX_LENGTH = 1024

HASHER = PasswordHasher(time_cost=OWASP_TIME_COST, memory_cost=OWASP_MEMORY_KIB,
                        parallelism=OWASP_PARALLELISM)


@cache
def _dummy() -> str:
    """Verified against when the account does not exist, so both answers take equally long.

    Made on the first sign-in, not at import: hashing costs ~0.1 s, and a process start (the
    first page) has no use for it. Every check asks for it first, known account or not, so the
    first check of a process is slower whoever signs in: it tells nothing about the name."""
    return HASHER.hash("vbestuur: no such account, never a real passphrase")


def acceptable(passphrase: object) -> bool:
    """At least 12 characters (and not absurdly long); anything else is up to the person."""
    return isinstance(passphrase, str) and MIN_LENGTH <= len(passphrase) <= MAX_LENGTH


def hash_passphrase(passphrase: str) -> str:
    """The PHC string to store."""
    return HASHER.hash(passphrase)


def matches(stored: str | None, passphrase: object) -> bool:
    """Whether `passphrase` fits `stored` (None: verify against a dummy, always False)."""
    if not isinstance(passphrase, str) or len(passphrase) > MAX_LENGTH:
        passphrase = ""
    dummy = _dummy()
    try:
        return bool(HASHER.verify(stored or dummy, passphrase)) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """Whether `stored` was made with weaker parameters than today's."""
    return HASHER.check_needs_rehash(stored)
