"""The incident register's facade: the one door the web layer uses (issue 16).

FIRST COMMIT: the signatures of the contract (/work/notes/incidents-contract.md), so the pages
can be built in parallel; the bodies follow in the next commits.
"""

from __future__ import annotations

import builtins
import datetime as dt

from ..runtime import Runtime
from ..staff import StaffIdentity
from .model import (
    Figures,
    IncidentDetail,
    IncidentDraft,
    IncidentSummary,
    OwnIncident,
    PatternSignal,
    Problem,
    Receipt,
)


class RegisterUnavailable(Exception):
    """The register cannot be used; `code` is "no-key", "bad-key" or "database"."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class IncidentRegister:
    """Registering (office holder, by an opaque `owner`) and reading (coordinator)."""

    @classmethod
    def open(cls, runtime: Runtime) -> IncidentRegister:
        raise NotImplementedError

    def validate(self, draft: IncidentDraft) -> list[Problem]:
        raise NotImplementedError

    def register(self, owner: str, draft: IncidentDraft) -> Receipt:
        raise NotImplementedError

    def mine(self, owner: str) -> list[OwnIncident]:
        raise NotImplementedError

    def add_to(self, owner: str, incident_id: str, text: str) -> None:
        raise NotImplementedError

    def withdraw(self, owner: str, incident_id: str) -> None:
        raise NotImplementedError

    def list(self, staff: StaffIdentity, status: str | None = None, form: str | None = None,
             since: dt.date | None = None) -> builtins.list[IncidentSummary]:
        raise NotImplementedError

    def detail(self, staff: StaffIdentity, incident_id: str) -> IncidentDetail:
        raise NotImplementedError

    def set_status(self, staff: StaffIdentity, incident_id: str, status: str,
                   note: str = "") -> None:
        raise NotImplementedError

    def add_note(self, staff: StaffIdentity, incident_id: str, text: str) -> None:
        raise NotImplementedError

    def signals(self, staff: StaffIdentity) -> builtins.list[PatternSignal]:
        raise NotImplementedError

    def decide(self, staff: StaffIdentity, signal_id: str, confirmed: bool) -> None:
        raise NotImplementedError

    def figures(self, staff: StaffIdentity, k: int = 5) -> Figures:
        raise NotImplementedError

    def purge_expired(self, now: dt.datetime) -> int:
        raise NotImplementedError
