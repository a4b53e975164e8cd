"""A visitor's own data under their random token: answers, the open conversation, documents,
the bewaarcode, continuing elsewhere, and "vergeet mij".

Why here and not in the pages: these are the rules of keeping someone's data (what a resume
adopts, which tokens "vergeet mij" forgets, when the cookie swap is offered). They used to be
spread over the web layer's persistence module, the netwerklijst's store bridge and a global
in the cookie middleware. Every call raises only `StoreError`s (see `Runtime.use`); the web
layer decides how to tell the person.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vbestuur_store import SessionStarted, StoreError, Throttled

from .runtime import Runtime

if TYPE_CHECKING:  # types only: the store's modules import SQLAlchemy (issue 15)
    from vbestuur_store import Store

OPEN_FLOW_DOC = "gesprek"  # which conversation was open, so a refresh continues it
Answers = dict[str, dict[str, Any]]


@dataclass(frozen=True)
class Visitor:
    """One token's data on the process's store."""

    rt: Runtime
    token: str

    def start(self, client: str) -> SessionStarted | Throttled:
        """Make sure the token has a row before the first thing worth keeping is saved.

        Why not on the page load: a row for every cookieless load let one client fill the
        database (F6 of the security review). The store bounds how many sessions one
        client may start; an existing session is never refused."""
        return self.rt.use(lambda s: s.start_session(self.token, client=client))

    def known(self) -> bool:
        """Whether the store keeps this token (not forgotten, not expired)."""
        return self.rt.use(lambda s: s.exists(self.token))

    def answers(self) -> Answers:
        return self.rt.use(lambda s: s.load_answers(self.token))

    def save_answers(self, flow_id: str, answers: dict[str, Any]) -> None:
        self.rt.use(lambda s: s.save_answers(self.token, flow_id, answers))

    def open_flow(self) -> str | None:
        """The conversation that was open when this token was last used."""
        doc = self.document(OPEN_FLOW_DOC)
        flow = doc.get("flow") if isinstance(doc, dict) else None
        return flow if isinstance(flow, str) else None

    def set_open_flow(self, flow_id: str) -> None:
        self.save_document(OPEN_FLOW_DOC, {"flow": flow_id})

    def document(self, kind: str) -> object | None:
        return self.rt.use(lambda s: s.load_document(self.token, kind))

    def save_document(self, kind: str, data: object) -> None:
        self.rt.use(lambda s: s.save_document(self.token, kind, data))

    def make_bewaarcode(self) -> str:
        """A new bewaarcode (the store replaces any earlier one and keeps only its hash)."""
        return self.rt.use(lambda s: s.create_bewaarcode(self.token))


@dataclass(frozen=True)
class Resumed:
    """A right bewaarcode: the token it belongs to, its answers, and whether this browser's
    cookie will be swapped on its next page load."""

    token: str
    answers: Answers
    relinked: bool


def resume(rt: Runtime, code: str, cookie: str | None) -> Resumed:
    """Continue with a bewaarcode; raises MalformedCode/UnknownCode (nothing changes then).

    When this browser holds another cookie, the relink book is told to swap it on the next
    page load, so a reload keeps the resumed answers.
    """
    def adopt(store: Store) -> tuple[str, Answers]:
        token = store.resume(code)
        return token, store.load_answers(token)

    token, answers = rt.use(adopt)
    relinked = cookie is not None and cookie != token
    if relinked:
        assert cookie is not None
        rt.relinks.offer(cookie, token)
    return Resumed(token, answers, relinked)


def keep_relink(rt: Runtime, cookie: str | None, link_from: str | None,
                token: str | None) -> None:
    """Renew the one-time cookie swap while a resumed session is open."""
    if link_from and token and cookie == link_from:
        rt.relinks.offer(link_from, token)


def forget(rt: Runtime, tokens: set[str]) -> list[StoreError]:
    """Delete everything kept under each token, and any pending cookie swap.

    Returns the problems (empty when all is gone). A token that fails does not stop the
    others, so as much as possible is deleted; the caller keeps the session when any failed.
    """
    problems: list[StoreError] = []
    for token in sorted(tokens):
        rt.relinks.cancel(token)
        try:
            rt.use(functools.partial(_forget, token=token))
        except StoreError as err:
            problems.append(err)
    return problems


def _forget(store: Store, *, token: str) -> None:
    store.forget(token)


def withdraw_registrations(rt: Runtime, owners: set[str]) -> list[StoreError]:
    """"Vergeet mij" also withdraws this person's incident registrations (issue 16), when the
    register is switched on; a failure keeps the session from saying all was deleted."""
    if not owners or not (rt.settings.register_key or rt.settings.register_key_file):
        return []
    from .incidents import IncidentRegister, RegisterUnavailable  # deferred: only when on

    try:
        register = IncidentRegister.open(rt)
        for owner in owners:
            register.forget(owner)
    except RegisterUnavailable:
        return []  # a register that cannot be opened holds nothing this app could delete
    except StoreError as err:
        return [err]
    return []
