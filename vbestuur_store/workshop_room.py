"""The room's side of a workshop: joining, answering, and what the room may see of the answers.

Why every figure goes through `workshop_polls.tally`: the presenter view, the export and the
proposals to the griffie all read the same `StepResult`s, so none of them can show a count that
the k threshold would hide. A participant can read back only his own answers (to see what he
chose); there is no function that returns another participant's answer.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vbestuur_store.errors import InvalidValue, StaleItem
from vbestuur_store.models_workshop import ParticipantRow, VoteRow, WorkshopRow
from vbestuur_store.organisation import MAX_NOTE
from vbestuur_store.store import Store
from vbestuur_store.tokens import is_token
from vbestuur_store.workshop import as_facilitator, find_row, participant_hash
from vbestuur_store.workshop_errors import (
    NotJoined,
    RoomFull,
    WorkshopEnded,
)
from vbestuur_store.workshop_phone import checked_voter, store_vote
from vbestuur_store.workshop_polls import (
    OPEN_VERDICTS,
    UNKNOWN_VERDICTS,
    PollVocabulary,
    StepResult,
    clean_answer,
    step_result,
    steps_with,
)
from vbestuur_store.workshop_reveal import hidden, revealed_by_step

Answers = dict[str, list[list[str]]]


@dataclass(frozen=True)
class WorkshopSummary:
    """Everything the export shows: per step the tallies (hidden below k) and the verdicts."""

    code: str
    k: int
    created_at: datetime
    ended_at: datetime | None
    participants: int
    results: tuple[StepResult, ...]

    @property
    def open_steps(self) -> tuple[int, ...]:
        """Steps the room judged not (fully) arranged: most answers "nee" or "deels"."""
        return steps_with(self.results, OPEN_VERDICTS)

    @property
    def unknown_steps(self) -> tuple[int, ...]:
        """Steps where most of the room did not know ("weet ik niet")."""
        return steps_with(self.results, UNKNOWN_VERDICTS)


def join_workshop(store: Store, code: str, device: str | None = None) -> str:
    """Join a running workshop as `device` (the browser's HttpOnly cookie token); return the
    token to vote with. The same device joining again is the same participant, with his
    answers; without a device (tests, a protocol client) a fresh random token is one new
    participant. A new device is refused with RoomFull once the maximum is reached."""
    db = store.db
    token = secrets.token_urlsafe(32) if device is None else device
    if not is_token(token):
        raise NotJoined()
    with db.write() as session:
        row = find_row(db, session, code, lock="update")  # joins queue for the maximum
        if row.ended_at is not None:
            raise WorkshopEnded()
        hashed = participant_hash(row.room_code, token)
        if session.get(ParticipantRow, (row.id, hashed)) is not None:
            return token
        if row.max_participants is not None and _count(session, row) >= row.max_participants:
            raise RoomFull()
        session.add(ParticipantRow(workshop_id=row.id, participant=hashed, joined_at=db.now()))
    return token


def _count(session: Session, row: WorkshopRow) -> int:
    return int(session.scalar(select(func.count()).select_from(ParticipantRow)
                              .where(ParticipantRow.workshop_id == row.id)) or 0)


def _participant(session: Session, row: WorkshopRow, token: str) -> str:
    """The stored hash of a joined participant's token; NotJoined otherwise."""
    if not is_token(token):
        raise NotJoined()
    hashed = participant_hash(row.room_code, token)
    if session.get(ParticipantRow, (row.id, hashed)) is None:
        raise NotJoined()
    return hashed


def cast_vote(store: Store, code: str, token: str, step_id: int, question: str,
              answer: str | list[str], *, polls: PollVocabulary) -> None:
    """Store (or replace) the participant's answer to a question of the step on the screen."""
    db = store.db
    clean = clean_answer(step_id, question, answer, polls)
    with db.write() as session:
        voter = checked_voter(db, session, code, token, step_id)
        store_vote(db, session, voter, step_id, question, clean)


def own_answers(store: Store, code: str, token: str) -> dict[tuple[int, str], list[str]]:
    """The participant's own current answers, by (step, question)."""
    db = store.db
    with db.read() as session:
        row = find_row(db, session, code)
        hashed = _participant(session, row, token)
        votes = session.execute(select(VoteRow.step_id, VoteRow.question, VoteRow.answer)
                                .where(VoteRow.workshop_id == row.id,
                                       VoteRow.participant == hashed))
        return {(step, question): list(answer) for step, question, answer in votes}


def _answers_by_step(session: Session, workshop_id: int) -> dict[int, Answers]:
    grouped: dict[int, Answers] = defaultdict(lambda: defaultdict(list))
    votes = session.execute(select(VoteRow.step_id, VoteRow.question, VoteRow.answer)
                            .where(VoteRow.workshop_id == workshop_id))
    for step, question, answer in votes:
        grouped[step][question].append(list(answer))
    return grouped


def poll_results(store: Store, code: str, pin: str, step_id: int, *,
                 polls: PollVocabulary) -> StepResult:
    """The live tally of one step, for the facilitator only (PIN): figures from k answers.

    Why behind the PIN: a live tally read twice a moment apart shows one vote as a +1; the
    room reads `room_view` (revealed figures only), never this."""
    def action(session: Session, row: WorkshopRow) -> StepResult:
        if step_id not in row.steps:
            raise InvalidValue(field="step_id")
        answers = _answers_by_step(session, row.id).get(step_id, {})
        return step_result(step_id, dict(answers), row.k, polls)

    return as_facilitator(store, code, pin, action)


def _summary(session: Session, row: WorkshopRow, polls: PollVocabulary) -> WorkshopSummary:
    """Figures of revealed steps as revealed; of other steps only once the workshop has ended
    (then no vote can move them), so two exports never differ by one vote."""
    answers = _answers_by_step(session, row.id)
    participants = session.scalars(select(ParticipantRow.participant)
                                   .where(ParticipantRow.workshop_id == row.id)).all()
    shown = revealed_by_step(session, row)
    ended = row.ended_at is not None
    results = tuple(shown.get(step) or _unrevealed(step, answers.get(step, {}), row, polls, ended)
                    for step in row.steps)
    return WorkshopSummary(code=row.room_code, k=row.k, created_at=row.created_at,
                           ended_at=row.ended_at, participants=len(participants),
                           results=results)


def _unrevealed(step: int, answers: Answers, row: WorkshopRow, polls: PollVocabulary,
                ended: bool) -> StepResult:
    result = step_result(step, dict(answers), row.k, polls)
    return result if ended else hidden(result)


def workshop_summary(store: Store, code: str, pin: str, *,
                     polls: PollVocabulary) -> WorkshopSummary:
    """The summary for the export (facilitator PIN required)."""
    return as_facilitator(store, code, pin, lambda session, row: _summary(session, row, polls))


PROPOSE_TRIES = 3


@dataclass(frozen=True)
class Proposal:
    """What the room said about one step, for the sentence the app writes into the note.

    Why facts and not a sentence: the store writes no prose; the app's catalogue words it
    (`note_for`), in the griffie's language. The sentence must name `actor` ("workshop
    <code>"): that is how a second hand-over sees the proposal is already there.
    """

    code: str
    day: str  # the workshop's day, ISO
    judged: str  # the verdict: "nee", "deels" or "weet-niet"
    counts: dict[str, int]
    respondents: int

    @property
    def actor(self) -> str:
        return f"workshop {self.code}"


NoteWriter = Callable[[Proposal], str]


def proposal(summary: WorkshopSummary, result: StepResult) -> Proposal:
    """The facts of one step's proposal (only for steps with figures)."""
    counts, judged = result.geregeld.counts, result.verdict
    if counts is None or judged is None:
        raise InvalidValue(field="step_id")
    day = (summary.ended_at or summary.created_at).date().isoformat()
    return Proposal(summary.code, day, judged, dict(counts), result.geregeld.respondents)


def _propose(store: Store, summary: WorkshopSummary, result: StepResult,
             note_for: NoteWriter) -> bool:
    """Add the proposal to the step's note unless this workshop already did; never overwrite
    the griffie's own note, and retry when someone edits the item at the same moment."""
    facts = proposal(summary, result)
    actor, line = facts.actor, note_for(facts)
    if actor not in line:
        raise InvalidValue(field="note")
    for _ in range(PROPOSE_TRIES):
        item = store.org_items([result.step_id])[0]
        if actor in item.note:
            return True
        note = f"{item.note.rstrip()}\n\n{line}" if item.note.strip() else line
        if len(note) > MAX_NOTE:
            return False
        try:
            store.update_org_item(result.step_id, actor, note=note,
                                  expected_version=item.version)
            return True
        except StaleItem:
            continue
    return False


def propose_to_organisation(store: Store, code: str, pin: str, org_steps: Iterable[int],
                            note_for: NoteWriter, *, polls: PollVocabulary) -> tuple[int, ...]:
    """Hand the steps the room judged open or unknown to the griffie's organisation view.

    Only steps in `org_steps` (the app passes the steps with role "organisatie"; roles are
    content, which the store does not read) and only with figures (k reached). The proposal is
    a note worded by `note_for`, audited under the actor "workshop <code>"; the status stays
    the griffie's choice.
    Returns the steps whose note now carries this workshop's proposal.
    """
    summary = workshop_summary(store, code, pin, polls=polls)
    wanted = set(org_steps)
    handed = (*summary.open_steps, *summary.unknown_steps)
    results = [r for r in summary.results if r.step_id in wanted and r.step_id in handed]
    return tuple(r.step_id for r in results if _propose(store, summary, r, note_for))
