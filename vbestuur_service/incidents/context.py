"""What every use case of the register needs: the store, the sealer, the index key, the
retention period, and the two checks (who is the coordinator, whose incident is this).

Why a small context object: the office holder's and the coordinator's use cases live in two
modules (service.py, coordinator.py) and must share exactly one notion of "allowed".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from vbestuur_store import Store
from vbestuur_store.db import Db
from vbestuur_store.incidents import StoredIncident, incident

from ..runtime import Runtime
from ..staff import StaffIdentity
from .crypto import Blind, KeyProblem, Sealer
from .model import Problem

T = TypeVar("T")
COORDINATOR = frozenset({"coordinator"})


class RegisterUnavailable(Exception):
    """The register cannot be used; `code` is "no-key", "bad-key" or "database"."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class InvalidDraft(ValueError):
    """A draft (or a text) that cannot be stored; `problems` says why, field by field."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(", ".join(f"{p.field}:{p.code}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Context:
    """The register's parts, made once by IncidentRegister.open."""

    runtime: Runtime
    sealer: Sealer
    blind: Blind
    years: int

    def use(self, action: Callable[[Db], T]) -> T:
        """A store action; storage failures arrive as the runtime's StoreError."""
        def on_db(store: Store) -> T:
            return action(store.db)
        return self.runtime.use(on_db)

    def now(self) -> datetime:
        return self.use(lambda db: db.now())

    def owner_hash(self, owner: str) -> str:
        """The keyed hash the store keeps instead of the owner's session token."""
        if not isinstance(owner, str) or not owner.strip():
            raise PermissionError("no owner")
        return self.blind.digest("owner", owner)

    def own(self, owner: str, incident_id: str) -> StoredIncident:
        """The owner's incident; KeyError for an unknown id *and* for someone else's, so a
        guessed id tells nothing."""
        owner_hash = self.owner_hash(owner)
        row = self.use(lambda db: incident(db, str(incident_id)))
        if row is None or row.owner != owner_hash:
            raise KeyError(incident_id)
        return row

    def opened(self, sealed: str) -> dict[str, Any]:
        """A sealed value opened; RegisterUnavailable("bad-key") when no configured key opens
        it (a key removed before `rotate` finished)."""
        try:
            value = self.sealer.open(sealed)
        except KeyProblem as err:
            raise RegisterUnavailable(err.code) from None
        return value if isinstance(value, dict) else {}


def require_coordinator(staff: object) -> StaffIdentity:
    """The signed-in coordinator; PermissionError for anyone else (or an expired sign-in)."""
    if not isinstance(staff, StaffIdentity) or not staff.may(COORDINATOR):
        raise PermissionError("coordinator role required")
    if not staff.active(time.time()):
        raise PermissionError("sign-in expired")
    return staff
