"""vbestuur_store: keeps answers, bewaarcodes, readiness history, the municipality profile and
the griffie's organisation view, on SQLite (default) or PostgreSQL.

Why a separate package: the engine stays pure (it never imports this), and the app talks to
storage through one object, `open_store()` → `Store`. See store.py for the interface and
errors.py for the messages a person may see.

Why the names are loaded on first use (PEP 562 `__getattr__`): most modules here import
SQLAlchemy, which costs a process about half a second to import; a cookieless first visit needs
no database at all (issue 15). `from vbestuur_store import StoreError` imports only
errors.py; `Store` imports the store (and SQLAlchemy) when something first asks for it. For
type checkers and import-linter the imports below are plain imports (`TYPE_CHECKING`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vbestuur_store.accounts_errors import (
        ROLES,
        Account,
        AccountError,
        SessionStarted,
        SignedIn,
        Throttled,
        Wrong,
    )
    from vbestuur_store.answers import ReadinessEntry
    from vbestuur_store.audit import Change
    from vbestuur_store.config import StoreConfig, load_config
    from vbestuur_store.errors import (
        InvalidValue,
        Locked,
        MalformedCode,
        PinNotConfigured,
        StaleItem,
        StoreError,
        UnknownCode,
        UnknownToken,
        WeakPin,
        WrongPin,
    )
    from vbestuur_store.faults import StorageFault, fault_code
    from vbestuur_store.health import Readiness
    from vbestuur_store.migrate import current_revision, head_revision, upgrade_to_head
    from vbestuur_store.organisation import STATUSES, OrgItem
    from vbestuur_store.profile import ProfileValue
    from vbestuur_store.store import Store, open_store
    from vbestuur_store.tokens import COOKIE_NAME, is_token
    from vbestuur_store.workshop import (
        Workshop,
        check_facilitator,
        create_workshop,
        delete_workshop,
        end_workshop,
        get_workshop,
        normalise_room_code,
        purge_expired_workshops,
        show_step,
    )
    from vbestuur_store.workshop_errors import (
        MalformedRoom,
        NotJoined,
        PollClosed,
        RoomExpired,
        RoomFull,
        StepRevealed,
        TooFewToReveal,
        UnknownRoom,
        WorkshopEnded,
    )
    from vbestuur_store.workshop_polls import PollVocabulary, StepResult, Tally
    from vbestuur_store.workshop_reveal import RoomView, reveal_step, room_view
    from vbestuur_store.workshop_room import (
        WorkshopSummary,
        cast_vote,
        join_workshop,
        own_answers,
        poll_results,
        propose_to_organisation,
        workshop_summary,
    )
    from vbestuur_store.workshop_settings import workshop_days

_WHERE = {
    "ROLES": "accounts_errors",
    "Account": "accounts_errors",
    "AccountError": "accounts_errors",
    "SessionStarted": "accounts_errors",
    "SignedIn": "accounts_errors",
    "Throttled": "accounts_errors",
    "Wrong": "accounts_errors",
    "ReadinessEntry": "answers",
    "Change": "audit",
    "StoreConfig": "config",
    "load_config": "config",
    "InvalidValue": "errors",
    "Locked": "errors",
    "MalformedCode": "errors",
    "PinNotConfigured": "errors",
    "StaleItem": "errors",
    "StoreError": "errors",
    "UnknownCode": "errors",
    "UnknownToken": "errors",
    "WeakPin": "errors",
    "WrongPin": "errors",
    "StorageFault": "faults",
    "fault_code": "faults",
    "Readiness": "health",
    "current_revision": "migrate",
    "head_revision": "migrate",
    "upgrade_to_head": "migrate",
    "STATUSES": "organisation",
    "OrgItem": "organisation",
    "ProfileValue": "profile",
    "Store": "store",
    "open_store": "store",
    "COOKIE_NAME": "tokens",
    "is_token": "tokens",
    "Workshop": "workshop",
    "check_facilitator": "workshop",
    "create_workshop": "workshop",
    "delete_workshop": "workshop",
    "end_workshop": "workshop",
    "get_workshop": "workshop",
    "normalise_room_code": "workshop",
    "purge_expired_workshops": "workshop",
    "show_step": "workshop",
    "workshop_days": "workshop_settings",
    "MalformedRoom": "workshop_errors",
    "NotJoined": "workshop_errors",
    "PollClosed": "workshop_errors",
    "RoomExpired": "workshop_errors",
    "RoomFull": "workshop_errors",
    "StepRevealed": "workshop_errors",
    "TooFewToReveal": "workshop_errors",
    "UnknownRoom": "workshop_errors",
    "WorkshopEnded": "workshop_errors",
    "PollVocabulary": "workshop_polls",
    "StepResult": "workshop_polls",
    "Tally": "workshop_polls",
    "RoomView": "workshop_reveal",
    "reveal_step": "workshop_reveal",
    "room_view": "workshop_reveal",
    "WorkshopSummary": "workshop_room",
    "cast_vote": "workshop_room",
    "join_workshop": "workshop_room",
    "own_answers": "workshop_room",
    "poll_results": "workshop_room",
    "propose_to_organisation": "workshop_room",
    "workshop_summary": "workshop_room",
}


if not TYPE_CHECKING:  # for a type checker the names above are plain imports

    def __getattr__(name: str) -> object:
        """Import the submodule that defines `name` on first use and keep the name here."""
        module = _WHERE.get(name)
        if module is None:  # also how `from vbestuur_store import incidents` finds a submodule
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"vbestuur_store.{module}"), name)
        globals()[name] = value
        return value


__all__ = [
    "ROLES",
    "Account",
    "AccountError",
    "Readiness",
    "SessionStarted",
    "SignedIn",
    "StorageFault",
    "Throttled",
    "Wrong",
    "fault_code",
    "COOKIE_NAME",
    "STATUSES",
    "Change",
    "InvalidValue",
    "Locked",
    "MalformedCode",
    "OrgItem",
    "PinNotConfigured",
    "ProfileValue",
    "ReadinessEntry",
    "StaleItem",
    "Store",
    "StoreConfig",
    "StoreError",
    "UnknownCode",
    "UnknownToken",
    "WeakPin",
    "WrongPin",
    "current_revision",
    "head_revision",
    "is_token",
    "load_config",
    "open_store",
    "upgrade_to_head",
    "MalformedRoom",
    "NotJoined",
    "PollVocabulary",
    "PollClosed",
    "RoomExpired",
    "RoomFull",
    "RoomView",
    "StepRevealed",
    "TooFewToReveal",
    "reveal_step",
    "room_view",
    "StepResult",
    "Tally",
    "UnknownRoom",
    "Workshop",
    "WorkshopEnded",
    "WorkshopSummary",
    "cast_vote",
    "check_facilitator",
    "create_workshop",
    "delete_workshop",
    "end_workshop",
    "get_workshop",
    "join_workshop",
    "normalise_room_code",
    "own_answers",
    "poll_results",
    "propose_to_organisation",
    "purge_expired_workshops",
    "show_step",
    "workshop_days",
    "workshop_summary",
]
