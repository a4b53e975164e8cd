"""`Store`: the one small interface the app talks to.

Why a facade over module functions: the app (and the st.App cookie middleware) needs one
object to create once (e.g. with `st.cache_resource`) and share between all sessions and
threads; the modules behind it stay small and testable. Every method is one short transaction;
no method imports Streamlit. Errors a person can cause are `StoreError` subclasses with nl/en
messages (see errors.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine

from vbestuur_store import (
    accounts,
    answers,
    health,
    limiter,
    organisation,
    pin,
    profile,
    retention,
    session_start,
    sessions,
    signin,
    tokens,
)
from vbestuur_store.accounts_errors import Account, StartResult, VerifyResult
from vbestuur_store.audit import Change
from vbestuur_store.config import load_config
from vbestuur_store.db import Clock, Db, faults_as_codes, make_engine
from vbestuur_store.migrate import upgrade_to_head

_UNSET: Any = object()


class Store:
    """Answers, bewaarcodes, readiness history, the municipality profile, the organisation view
    and the griffie PIN, over SQLite or PostgreSQL. Thread-safe."""

    def __init__(self, engine: Engine, *, retention_days: int = 90,
                 clock: Clock | None = None) -> None:
        self.db = Db(engine, clock)
        self.retention_days = retention_days

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (for diagnostics and tests)."""
        return self.db.engine

    def close(self) -> None:
        """Release all pooled connections."""
        self.db.engine.dispose()

    # sessions and resume
    def new_token(self) -> str:
        """Create a session and return its opaque token (for the cookie)."""
        return sessions.new_session(self.db)

    def ensure_session(self, token: str | None) -> tuple[str, bool]:
        """Legacy (inserts a row on every cookieless load, F6): use page_load + start_session."""
        return sessions.ensure_session(self.db, token)

    def page_load(self, cookie: str | None) -> tuple[str, bool]:
        """For the cookie middleware: (token, whether to set the cookie); never inserts a row."""
        return session_start.page_load(self.db, cookie)

    def start_session(self, token: str, *, client: str) -> StartResult:
        """Before the first save: make the token's row, bounded per client (F6)."""
        return session_start.start_session(self.db, token, client=client)

    def exists(self, token: str | None) -> bool:
        """Whether the token belongs to a stored session."""
        return sessions.exists(self.db, token)

    def touch(self, token: str) -> None:
        """Mark the session as used now (resets the retention clock)."""
        sessions.touch(self.db, token)

    def forget(self, token: str) -> None:
        """"Vergeet mij": delete everything stored under the token."""
        sessions.forget(self.db, token)

    def create_bewaarcode(self, token: str) -> str:
        """A new bewaarcode for the session (show it once); replaces any earlier code."""
        return sessions.create_bewaarcode(self.db, token)

    def resume(self, code: str) -> str:
        """The token for a typed bewaarcode; MalformedCode or UnknownCode otherwise."""
        return sessions.resume(self.db, code)

    def cookie_header(self, token: str, *, secure: bool = False) -> str:
        """The Set-Cookie value for the token, expiring with the retention period."""
        return tokens.session_cookie(token, self.retention_days, secure=secure)

    # answers, documents, readiness
    def save_answers(self, token: str, flow_id: str, data: dict[str, Any]) -> None:
        """Replace the stored answers of one flow."""
        answers.save_answers(self.db, token, flow_id, data)

    def load_answers(self, token: str) -> dict[str, dict[str, Any]]:
        """All stored answers, by flow id."""
        return answers.load_answers(self.db, token)

    def save_document(self, token: str, kind: str, data: Any) -> None:
        """Store a JSON document of some kind (e.g. "netwerklijst") for the session."""
        answers.save_document(self.db, token, kind, data)

    def load_document(self, token: str, kind: str) -> Any | None:
        """The stored document of that kind, or None."""
        return answers.load_document(self.db, token, kind)

    def record_readiness(self, token: str, flow_id: str, scores: dict[str, float],
                         when: datetime | None = None) -> None:
        """Keep one dated readiness result (score per phase)."""
        answers.record_readiness(self.db, token, flow_id, scores, when)

    def readiness_history(self, token: str, flow_id: str) -> list[answers.ReadinessEntry]:
        """The session's readiness results, oldest first."""
        return answers.readiness_history(self.db, token, flow_id)

    # municipality profile
    def get_profile(self) -> dict[str, profile.ProfileValue]:
        """The municipality's values for the open terms, by term id."""
        return profile.get_profile(self.db)

    def set_profile_value(self, term_id: str, nl: str, en: str, actor: str) -> None:
        """Set one term's local value (audited)."""
        profile.set_profile_value(self.db, term_id, nl, en, actor)

    def clear_profile_value(self, term_id: str, actor: str) -> None:
        """Go back to the national default text for a term (audited)."""
        profile.clear_profile_value(self.db, term_id, actor)

    def profile_history(self, term_id: str | None = None) -> list[Change]:
        """Who changed which term when."""
        return profile.profile_history(self.db, term_id)

    # griffie PIN
    def set_pin(self, new_pin: str) -> None:
        """Set or replace the griffie PIN (hashed)."""
        pin.set_pin(self.db, new_pin)

    def has_pin(self) -> bool:
        """Whether a griffie PIN is configured."""
        return pin.has_pin(self.db)

    def check_pin(self, candidate: str, now: datetime | None = None) -> bool:
        """True/False; raises Locked after repeated failures, PinNotConfigured if none."""
        return pin.check_pin(self.db, candidate, now)

    def require_pin(self, candidate: str, now: datetime | None = None) -> None:
        """Like check_pin, but raises WrongPin for a wrong PIN."""
        pin.require_pin(self.db, candidate, now)

    # staff accounts and sign-in (issue 12)
    def add_user(self, name: str, passphrase: str, roles: Iterable[str]) -> Account:
        """Create a local staff account (AccountError with a code otherwise)."""
        return accounts.add_user(self.db, name, passphrase, roles)

    def list_users(self) -> list[Account]:
        """Every staff account with its roles."""
        return accounts.list_users(self.db)

    def set_roles(self, name: str, roles: Iterable[str]) -> Account:
        """Replace an account's roles."""
        return accounts.set_roles(self.db, name, roles)

    def remove_user(self, name: str) -> None:
        """Delete a staff account."""
        accounts.remove_user(self.db, name)

    def verify(self, name: str, passphrase: str, *, client: str,
               session_token: str | None = None) -> VerifyResult:
        """A staff sign-in: SignedIn(roles) / Wrong() / Throttled(seconds)."""
        return signin.verify(self.db, name, passphrase, client=client,
                             session_token=session_token)

    def verify_pin(self, candidate: str, *, client: str,
                   session_token: str | None = None) -> VerifyResult:
        """The griffie PIN, throttled per client and account instead of one global lock."""
        return signin.verify_pin(self.db, candidate, client=client, session_token=session_token)

    def room_code_wait(self, client: str) -> int:
        """Seconds this client must wait before typing another room code (0: go ahead)."""
        return limiter.wait_seconds(self.db, limiter.ROOM_CODE, client)

    def room_code_missed(self, client: str) -> int:
        """Count a wrong room code from this client; return the wait it causes."""
        return limiter.record(self.db, limiter.ROOM_CODE, client)

    def ping(self, timeout: float = health.PING_SECONDS) -> health.Readiness:
        """Readiness within `timeout` seconds: ok / unavailable / read_only / schema_outdated."""
        return health.ping(self.db.engine, timeout)

    # organisation view
    def org_items(self, step_ids: Iterable[int] | None = None) -> list[organisation.OrgItem]:
        """State per step: the given steps (unedited = "open"), or all edited ones."""
        return organisation.org_items(self.db, step_ids)

    def update_org_item(self, step_id: int, actor: str, *, status: str = _UNSET,
                        owner: str | None = _UNSET, due: date | None = _UNSET,
                        note: str = _UNSET,
                        expected_version: int | None = None) -> organisation.OrgItem:
        """Change status/owner/due/note of a step; each changed field is audited."""
        given = {"status": status, "owner": owner, "due": due, "note": note}
        changes = {k: v for k, v in given.items() if v is not _UNSET}
        return organisation.update_org_item(self.db, step_id, actor, changes, expected_version)

    def org_history(self, step_id: int | None = None) -> list[Change]:
        """Who changed what when, for one step or all."""
        return organisation.org_history(self.db, step_id)

    # retention
    def purge_expired(self, now: datetime | None = None) -> int:
        """Delete sessions unused for the retention period; return how many."""
        return retention.purge_expired(self.db, self.retention_days, now)


def open_store(url: str | None = None, *, retention_days: int | None = None,
               clock: Clock | None = None, upgrade: bool = True,
               env: Mapping[str, str] | None = None) -> Store:
    """Open (and by default create or upgrade) the store.

    Without `url` the settings come from the environment (see config.py): an SQLite file under
    data/ or VBESTUUR_DATA_DIR, or VBESTUUR_DATABASE_URL. VBESTUUR_GRIFFIE_PIN, if set, becomes
    the griffie PIN.
    """
    env = os.environ if env is None else env
    config = load_config(env)
    engine = make_engine(url or config.url)
    if upgrade:
        with faults_as_codes():  # a refused or hung database: StorageFault, within seconds
            upgrade_to_head(engine)
    store = Store(engine, retention_days=retention_days or config.retention_days, clock=clock)
    if upgrade:
        pin.apply_env_pin(store.db, env)
    return store
