"""Results and errors of staff accounts, sign-in and the limiter, as codes only.

Why codes and no sentences: the web layer owns every text a person reads (nl authoritative,
en following) and chooses one calm message per code; the store only says what happened. A
result never says whether an account exists: an unknown name and a wrong passphrase are both
`wrong`, so the sign-in page cannot become an oracle (F15's lesson).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ROLES = frozenset({"griffie", "coordinator", "facilitator", "operator"})

AccountCode = Literal["invalid_name", "unknown_role", "no_roles", "weak_passphrase",
                      "duplicate_user", "unknown_user"]


class AccountError(Exception):
    """An operator's or the web layer's request about accounts cannot be done; see `code`."""

    def __init__(self, code: AccountCode) -> None:
        super().__init__(code)
        self.code: AccountCode = code


@dataclass(frozen=True)
class SignedIn:
    """The passphrase was right: who, and with which roles."""

    name: str
    roles: frozenset[str]
    code: Literal["ok"] = "ok"


@dataclass(frozen=True)
class Wrong:
    """Wrong name or passphrase (deliberately the same result for both)."""

    code: Literal["wrong"] = "wrong"


@dataclass(frozen=True)
class Throttled:
    """Too many attempts from this client or on this account: try again after `seconds`."""

    seconds: int
    code: Literal["throttled"] = "throttled"


VerifyResult = SignedIn | Wrong | Throttled


@dataclass(frozen=True)
class SessionStarted:
    """A session row exists for the token now (`created`: it was made by this call)."""

    token: str
    created: bool
    code: Literal["ok"] = "ok"


StartResult = SessionStarted | Throttled


@dataclass(frozen=True)
class Account:
    """A staff account as listed to the operator (never its hash)."""

    name: str
    roles: frozenset[str]
