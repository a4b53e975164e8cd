"""Workshop use cases: facilitate, join, vote, present, summarise, hand over, delete.

Why a thin layer over the store's functions: each use case runs on the process's one store
through `Runtime.use`, so a database that is down gives `StorageUnavailable` (a `StoreError`)
on the facilitator's, the screen's and the participant's page alike, and the workshop period
comes from the settings, read once, instead of the environment at each creation.
"""

from __future__ import annotations

from collections.abc import Iterable

from vbestuur_store import (
    PollVocabulary,
    RoomView,
    StepResult,
    Workshop,
    WorkshopSummary,
    cast_vote,
    check_facilitator,
    create_workshop,
    delete_workshop,
    end_workshop,
    get_workshop,
    join_workshop,
    normalise_room_code,
    own_answers,
    propose_to_organisation,
    reveal_step,
    room_view,
    show_step,
    workshop_summary,
)
from vbestuur_store.workshop_errors import RoomExpired, RoomFull, UnknownRoom, WorkshopEnded
from vbestuur_store.workshop_phone import PhoneView, phone_view
from vbestuur_store.workshop_room import NoteWriter

from .runtime import Runtime
from .staff import Refused, client_key


def create(rt: Runtime, pin: str, steps: Iterable[int], k: int,
           max_participants: int | None = None) -> Workshop:
    """A new workshop over `steps`, kept for the configured number of days; at most
    `max_participants` devices (None: no maximum)."""
    chosen = list(steps)
    return rt.use(lambda s: create_workshop(s, pin, chosen, k=k,
                                            days=rt.settings.workshop_days,
                                            max_participants=max_participants))


def open_as_facilitator(rt: Runtime, typed_code: str, pin: str) -> tuple[str, Workshop]:
    """(canonical code, workshop) when the PIN fits the typed code."""
    made = rt.use(lambda s: check_facilitator(s, typed_code, pin))
    return normalise_room_code(made.code), made


def get(rt: Runtime, code: str) -> Workshop:
    return rt.use(lambda s: get_workshop(s, code))


def end(rt: Runtime, code: str, pin: str) -> Workshop:
    return rt.use(lambda s: end_workshop(s, code, pin))


def delete(rt: Runtime, code: str, pin: str) -> None:
    rt.use(lambda s: delete_workshop(s, code, pin))


def summary(rt: Runtime, code: str, pin: str, polls: PollVocabulary) -> WorkshopSummary:
    """The room's answers for the export; `polls` is the content's vocabulary."""
    return rt.use(lambda s: workshop_summary(s, code, pin, polls=polls))


def hand_over(rt: Runtime, code: str, pin: str, org_steps: Iterable[int],
              note_for: NoteWriter, polls: PollVocabulary) -> tuple[int, ...]:
    """Write the room's verdict per organisation step into the griffie's register (the
    register is the one model of "step arranged"; see register.py), worded by `note_for`."""
    steps = list(org_steps)
    return rt.use(lambda s: propose_to_organisation(s, code, pin, steps, note_for,
                                                    polls=polls))


# Every way a well-formed code can fail to let a new device in: the join page says the same
# calm sentence for all of them (no existence oracle, F15) and counts a miss for the client.
NOT_JOINABLE = (UnknownRoom, RoomExpired, WorkshopEnded, RoomFull)


def join(rt: Runtime, typed_code: str, device: str, *,
         client: str) -> tuple[str, str] | Refused:
    """(canonical code, token to vote with) for this device (its HttpOnly cookie token): the
    same device joining again is the same participant.

    Refused(0) for a code that lets nobody in now (unknown, expired, ended or full, alike);
    Refused(seconds) while this client guessed too many such codes (`limiter.ROOM_CODE`). A
    malformed code raises MalformedRoom before the database (a typo hint reveals nothing)."""
    room = normalise_room_code(typed_code)
    key = client_key(client)
    wait = rt.use(lambda s: s.room_code_wait(key))
    if wait:
        return Refused(wait)
    try:
        return room, rt.use(lambda s: join_workshop(s, room, device))
    except NOT_JOINABLE:
        rt.use(lambda s: s.room_code_missed(key))
        return Refused(0)


def vote(rt: Runtime, code: str, token: str, step_id: int, question: str,
         answer: list[str], polls: PollVocabulary) -> None:
    rt.use(lambda s: cast_vote(s, code, token, step_id, question, answer, polls=polls))


def mine(rt: Runtime, code: str, token: str) -> dict[tuple[int, str], list[str]]:
    """What this participant answered so far, by (step, question)."""
    return rt.use(lambda s: own_answers(s, code, token))


def phone(rt: Runtime, code: str, token: str) -> PhoneView:
    """What this participant's phone shows: the step on the screen, whether it ended or was
    revealed, and the participant's own answers to that step (a small read, polled)."""
    return rt.use(lambda s: phone_view(s, code, token))


def results(rt: Runtime, code: str, step_id: int, polls: PollVocabulary) -> RoomView:
    """What the wall shows of one step: revealed figures, or only how many answered."""
    return rt.use(lambda s: room_view(s, code, step_id, polls=polls))


def reveal(rt: Runtime, code: str, pin: str, polls: PollVocabulary) -> StepResult:
    """Reveal the step on the screen: its figures are fixed and its poll closes."""
    return rt.use(lambda s: reveal_step(s, code, pin, polls=polls))


def move(rt: Runtime, code: str, pin: str, step_id: int) -> Workshop:
    """Put another step on the screen."""
    return rt.use(lambda s: show_step(s, code, pin, step_id))
