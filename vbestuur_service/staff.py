"""Staff sign-in: who is signed in on this session, with which roles, for how long.

Why accounts instead of the shared griffie PIN: one PIN with one global lock row let anyone
lock the real griffier out with five wrong guesses (F4 of the security review). Every member of
staff now signs in with their own name and passphrase (`python -m vbestuur_store add-user`);
the store throttles per client and per account, never globally, and a session on which the
account signed in before stays trusted for it (docs/storage.md).

Why the facilitator goes through here too: a participant who read the room code from the wall
could lock the facilitator out by guessing the workshop PIN (F2). `open_workshop` uses the
store's `verify_facilitator`, which counts guesses on the guesser's client and never on the
workshop row the facilitator's actions use, and answers an unknown room exactly like a wrong
PIN (no oracle, F15).

The results are typed values, never sentences: the web layer words them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from vbestuur_store.accounts_errors import SignedIn, Throttled, Wrong

from .runtime import Runtime

if TYPE_CHECKING:  # the workshop functions import the store: in the functions (issue 15)
    from vbestuur_store import Workshop

SIGNIN_SECONDS: Final = 30 * 60  # a sign-in lasts half an hour of this browser session
GRIFFIE_ROLES: Final = frozenset({"griffie", "coordinator"})
OPERATOR_ROLES: Final = frozenset({"operator"})
FACILITATOR_ROLES: Final = frozenset({"facilitator", "coordinator"})
UNKNOWN_CLIENT: Final = "unknown"


@dataclass(frozen=True)
class StaffIdentity:
    """A signed-in member of staff; `via` is "local" (an account) or "oidc"."""

    name: str
    roles: frozenset[str]
    until: float
    via: str = "local"

    def active(self, now: float) -> bool:
        return now < self.until

    def may(self, allowed: frozenset[str]) -> bool:
        """True if one of this person's roles is in `allowed`."""
        return bool(self.roles & allowed)


@dataclass(frozen=True)
class Refused:
    """A sign-in that did not succeed: `wait` seconds > 0 when throttled, else 0 (wrong)."""

    wait: int = 0


def client_key(address: object) -> str:
    """The throttling key of a client: its address, or one shared key when it is unknown."""
    text = str(address or "").strip()
    return text[:64] if text else UNKNOWN_CLIENT


def sign_in(rt: Runtime, name: str, passphrase: str, *, client: str,
            session_token: str | None, now: float) -> StaffIdentity | Refused:
    """Check a name and passphrase with the store's per-client and per-account throttle."""
    result = rt.use(lambda s: s.verify(name, passphrase, client=client_key(client),
                                       session_token=session_token))
    return _judged(result, now, via="local")


def from_claims(name: str, roles: frozenset[str], now: float) -> StaffIdentity:
    """An identity vouched for by the identity provider (OIDC): no passphrase here."""
    return StaffIdentity(name=name, roles=roles, until=now + SIGNIN_SECONDS, via="oidc")


def open_workshop(rt: Runtime, typed_code: str, pin: str, *, client: str,
                  session_token: str | None) -> tuple[str, Workshop] | Refused:
    """(canonical code, workshop) for the right room and PIN; otherwise Refused, the same for
    an unknown room and a wrong PIN."""
    from vbestuur_store.workshop import get_workshop, normalise_room_code
    from vbestuur_store.workshop_access import verify_facilitator

    result = rt.use(lambda s: verify_facilitator(s, typed_code, pin, client=client_key(client),
                                                 session_token=session_token))
    if not isinstance(result, SignedIn):
        return Refused(result.seconds if isinstance(result, Throttled) else 0)
    code = normalise_room_code(typed_code)
    return code, rt.use(lambda s: get_workshop(s, code))


def trust_new_workshop(rt: Runtime, code: str, pin: str, *, client: str,
                       session_token: str | None) -> None:
    """Right after creating a workshop: sign its facilitator in on this session, so the
    session is trusted for it and strangers' guesses never slow her down."""
    from vbestuur_store.workshop_access import verify_facilitator

    rt.use(lambda s: verify_facilitator(s, code, pin, client=client_key(client),
                                        session_token=session_token))


def _judged(result: SignedIn | Wrong | Throttled, now: float,
            via: str) -> StaffIdentity | Refused:
    if isinstance(result, SignedIn):
        return StaffIdentity(name=result.name, roles=frozenset(result.roles),
                             until=now + SIGNIN_SECONDS, via=via)
    return Refused(result.seconds if isinstance(result, Throttled) else 0)


KNOWN_ROLES: Final = frozenset({"griffie", "coordinator", "facilitator", "operator"})


def roles_from_claim(value: object) -> frozenset[str]:
    """The app's roles in an identity provider's claim: a list, or one string separated by
    spaces or commas. Anything that is not one of the app's roles is ignored."""
    items = value if isinstance(value, list | tuple) else str(value or "").replace(",", " ").split()
    return frozenset(str(item).strip().lower() for item in items) & KNOWN_ROLES
