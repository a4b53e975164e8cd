"""vbestuur_store: keeps answers, bewaarcodes, readiness history, the municipality profile and
the griffie's organisation view, on SQLite (default) or PostgreSQL.

Why a separate package: the engine stays pure (it never imports this), and the app talks to
storage through one object, `open_store()` → `Store`. See store.py for the interface and
errors.py for the messages a person may see.
"""

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
    workshop_days,
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
