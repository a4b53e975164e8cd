"""Workshop mode in the store, on SQLite and PostgreSQL: codes, PIN, votes, k, expiry, griffie.

Load (40 people answering at once) and the k property over random sequences of votes are in
test_workshop_concurrency.py; here: one behaviour per test, with the messages people see.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from store_helpers import FakeClock, dump
from workshop_vocabulary import GEREGELD_VALUES, POLLS

from vbestuur_store import (
    InvalidValue,
    Locked,
    MalformedRoom,
    NotJoined,
    PollClosed,
    PollVocabulary,
    RoomExpired,
    Store,
    UnknownRoom,
    WeakPin,
    WorkshopEnded,
    WrongPin,
    cast_vote,
    check_facilitator,
    create_workshop,
    delete_workshop,
    end_workshop,
    get_workshop,
    join_workshop,
    normalise_room_code,
    own_answers,
    poll_results,
    propose_to_organisation,
    purge_expired_workshops,
    reveal_step,
    show_step,
    workshop_days,
    workshop_summary,
)
from vbestuur_store.models_workshop import WORKSHOP_TABLES, VoteRow
from vbestuur_store.workshop import ROOM_ALPHABET
from vbestuur_store.workshop_polls import clean_answer, tally
from vbestuur_store.workshop_room import Proposal

PIN = "zaal-2026"


def _room(store: Store, steps: tuple[int, ...] = (1, 2, 3), k: int = 5) -> str:
    return create_workshop(store, PIN, steps, k=k, days=7).code


def test_create_gives_a_short_unambiguous_code(store: Store) -> None:
    made = create_workshop(store, PIN, [3, 1, 3, 2])
    assert len(made.code) == 6 and set(made.code) <= set(ROOM_ALPHABET)
    assert not set("01ILOU") & set(ROOM_ALPHABET)
    assert made.steps == (1, 2, 3) and made.current_step == 1 and made.k == 5
    assert (made.expires_at - made.created_at).days == workshop_days({}) == 7
    assert not made.ended and made.participants == 0
    assert normalise_room_code(f" {made.code[:3].lower()}-{made.code[3:]} ") == made.code
    codes = {_room(store) for _ in range(20)}
    assert len(codes) == 20


def test_workshop_days_from_environment() -> None:
    assert workshop_days({}) == 7
    assert workshop_days({"VBESTUUR_WORKSHOP_DAYS": "2"}) == 2
    with pytest.raises(InvalidValue):
        workshop_days({"VBESTUUR_WORKSHOP_DAYS": "0"})


@pytest.mark.parametrize("k", [0, 2, -5, True, 1001])
def test_k_below_three_is_refused(store: Store, k: int) -> None:
    with pytest.raises(InvalidValue):
        create_workshop(store, PIN, [1], k=k)


def test_database_refuses_k_below_three(store: Store) -> None:
    code = _room(store)
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(text("UPDATE workshops SET k = 2 WHERE room_code = :c"), {"c": code})
    assert get_workshop(store, code).k == 5


def test_bad_steps_and_weak_pin_are_refused(store: Store) -> None:
    for steps in ([], [0], [22], [True]):
        with pytest.raises(InvalidValue):
            create_workshop(store, PIN, steps)
    with pytest.raises(WeakPin):
        create_workshop(store, "123", [1])


def test_wrong_and_expired_codes_get_clear_messages(store: Store, clock: FakeClock) -> None:
    with pytest.raises(MalformedRoom) as malformed:
        join_workshop(store, "ABC")
    assert (malformed.value.code, malformed.value.params) == ("malformed-room", {})
    code = _room(store)
    other = next(c for c in ("222222", "333333") if c != code)
    with pytest.raises(UnknownRoom) as unknown:
        join_workshop(store, other)
    assert unknown.value.code == "unknown-room"
    clock.advance(days=7, seconds=1)
    with pytest.raises(RoomExpired) as expired:
        join_workshop(store, code)
    assert expired.value.code == "room-expired"
    assert purge_expired_workshops(store) == 1
    with pytest.raises(UnknownRoom):
        get_workshop(store, code)


def test_wrong_pin_is_refused_and_slowed_down(store: Store, clock: FakeClock) -> None:
    code = _room(store)
    with pytest.raises(WrongPin) as wrong:
        check_facilitator(store, code, "raden-123")
    assert wrong.value.code == "wrong-pin"
    for _ in range(4):
        with pytest.raises(WrongPin):
            check_facilitator(store, code, "raden-123")
    with pytest.raises(Locked) as locked:
        check_facilitator(store, code, PIN)  # even the right PIN waits
    assert locked.value.code == "locked" and locked.value.params["seconds"] > 0
    other = _room(store)
    assert check_facilitator(store, other, PIN).code == other  # per workshop
    clock.advance(seconds=locked.value.seconds)
    assert check_facilitator(store, code, PIN).code == code


def test_votes_follow_the_screen_and_end_with_the_workshop(store: Store) -> None:
    code = _room(store)
    token = join_workshop(store, code)
    cast_vote(store, code, token, 1, "geregeld", "nee", polls=POLLS)
    cast_vote(store, code, token, 1, "geregeld", ["deels"], polls=POLLS)  # a change replaces
    cast_vote(store, code, token, 1, "gedrag", ["stalken", "uitschelden"], polls=POLLS)
    assert own_answers(store, code, token) == {(1, "geregeld"): ["deels"],
                                               (1, "gedrag"): ["uitschelden", "stalken"]}
    with pytest.raises(PollClosed):
        cast_vote(store, code, token, 2, "geregeld", "ja", polls=POLLS)
    show_step(store, code, PIN, 2)
    cast_vote(store, code, token, 2, "geregeld", "ja", polls=POLLS)
    with pytest.raises(PollClosed):
        cast_vote(store, code, token, 1, "geregeld", "nee", polls=POLLS)
    with pytest.raises(InvalidValue):
        cast_vote(store, code, token, 2, "gedrag", ["stalken"], polls=POLLS)  # only step 1 asks it
    with pytest.raises(NotJoined):
        cast_vote(store, code, "x" * 43, 2, "geregeld", "ja", polls=POLLS)
    end_workshop(store, code, PIN)
    with pytest.raises(WorkshopEnded):
        cast_vote(store, code, token, 2, "geregeld", "nee", polls=POLLS)
    with pytest.raises(WorkshopEnded):
        join_workshop(store, code)
    assert own_answers(store, code, token)[(2, "geregeld")] == ["ja"]


@pytest.mark.parametrize("answer", ["misschien", ["ja", "nee"], [], 3, None])
def test_invalid_geregeld_answers(store: Store, answer: Any) -> None:
    code = _room(store)
    token = join_workshop(store, code)
    with pytest.raises(InvalidValue):
        cast_vote(store, code, token, 1, "geregeld", answer, polls=POLLS)


def test_aggregate_appears_only_at_k(store: Store) -> None:
    code = _room(store, k=3)
    tokens = [join_workshop(store, code) for _ in range(3)]
    for index, token in enumerate(tokens[:2]):
        cast_vote(store, code, token, 1, "geregeld", GEREGELD_VALUES[index], polls=POLLS)
    result = poll_results(store, code, PIN, 1, polls=POLLS)
    assert (result.geregeld.respondents, result.geregeld.counts) == (2, None)
    assert result.verdict is None
    cast_vote(store, code, tokens[2], 1, "geregeld", "nee", polls=POLLS)
    counts = poll_results(store, code, PIN, 1, polls=POLLS).geregeld.counts
    assert counts == {"ja": 1, "deels": 1, "nee": 1, "weet-niet": 0}
    # no two-thirds "ja" and no majority for anything else: "deels" (docs/workshop.md)
    assert poll_results(store, code, PIN, 1, polls=POLLS).verdict == "deels"


def _fill(store: Store, code: str, answers: list[str], step: int = 1) -> None:
    """New participants answer the step on the screen, one answer each."""
    for value in answers:
        cast_vote(store, code, join_workshop(store, code), step, "geregeld", value, polls=POLLS)


def test_summary_equals_stored_votes_and_respects_k(store: Store) -> None:
    code = _room(store, steps=(1, 3, 5), k=3)
    _fill(store, code, ["nee", "nee", "ja", "weet-niet"])
    show_step(store, code, PIN, 3)
    token = join_workshop(store, code)
    cast_vote(store, code, token, 3, "geregeld", "ja", polls=POLLS)  # one answer: below k
    running = workshop_summary(store, code, PIN, polls=POLLS)
    assert [r.geregeld.counts for r in running.results] == [None, None, None]  # not revealed
    assert running.results[0].geregeld.respondents == 4
    end_workshop(store, code, PIN)
    summary = workshop_summary(store, code, PIN, polls=POLLS)
    by_step = {r.step_id: r for r in summary.results}
    assert summary.participants == 5 and summary.k == 3
    with store.engine.connect() as conn:
        stored = Counter(answer[0] for answer in conn.execute(
            select(VoteRow.answer).where(VoteRow.step_id == 1)).scalars())
    assert by_step[1].geregeld.counts == {v: stored[v] for v in GEREGELD_VALUES}
    assert by_step[1].geregeld.counts == {"ja": 1, "deels": 0, "nee": 2, "weet-niet": 1}
    assert by_step[3].geregeld.counts is None and by_step[5].geregeld.respondents == 0
    assert summary.open_steps == (1,) and summary.unknown_steps == ()
    with pytest.raises(WrongPin):
        workshop_summary(store, code, "fout-fout", polls=POLLS)


def test_the_live_tally_is_for_the_facilitator_only(store: Store) -> None:
    """Two reads of a live tally a moment apart show one vote: only the PIN gets it."""
    code = _room(store, k=3)
    _fill(store, code, ["ja", "nee", "nee"])
    with pytest.raises(WrongPin):
        poll_results(store, code, "fout-fout", 1, polls=POLLS)
    assert poll_results(store, code, PIN, 1, polls=POLLS).geregeld.counts == {
        "ja": 1, "deels": 0, "nee": 2, "weet-niet": 0}


def test_two_exports_never_differ_by_one_vote(store: Store) -> None:
    """While the workshop runs, an export has figures only of revealed (closed) steps; an
    unrevealed step gets its figures once the workshop has ended and no vote can move them."""
    code = _room(store, steps=(1, 3), k=3)
    _fill(store, code, ["ja", "ja", "nee"])
    reveal_step(store, code, PIN, polls=POLLS)
    show_step(store, code, PIN, 3)
    _fill(store, code, ["nee", "nee", "ja"], 3)
    before = workshop_summary(store, code, PIN, polls=POLLS)
    _fill(store, code, ["deels"], 3)  # one more vote on the step that is not revealed
    after = workshop_summary(store, code, PIN, polls=POLLS)
    assert before.results[0] == after.results[0]  # the revealed step: fixed
    assert before.results[1].geregeld.counts is after.results[1].geregeld.counts is None
    end_workshop(store, code, PIN)
    ended = workshop_summary(store, code, PIN, polls=POLLS)
    assert ended.results[1].geregeld.counts == {"ja": 1, "deels": 1, "nee": 2, "weet-niet": 0}


def _note(facts: Proposal) -> str:
    """A note writer as the app gives one (the store writes no prose of its own)."""
    return (f"Voorstel uit {facts.actor} ({facts.day}): {facts.judged}, weet "
            f"{facts.counts['weet-niet']}; {facts.respondents} antwoorden")


def test_a_note_that_does_not_name_the_workshop_is_refused(store: Store) -> None:
    code = _room(store, steps=(3,), k=3)
    _fill(store, code, ["nee"] * 3, 3)
    end_workshop(store, code, PIN)
    with pytest.raises(InvalidValue):
        propose_to_organisation(store, code, PIN, [3], note_for=lambda facts: "anoniem",
                                polls=POLLS)


def test_open_steps_go_to_the_griffie_as_proposals(store: Store) -> None:
    code = _room(store, steps=(1, 3, 5, 9), k=3)
    _fill(store, code, ["nee", "nee", "ja"])  # step 1: open, but not an organisation step
    for step, answers in ((3, ["weet-niet"] * 3), (5, ["ja"] * 3), (9, ["deels"] * 2)):
        show_step(store, code, PIN, step)
        _fill(store, code, answers, step)
    end_workshop(store, code, PIN)  # figures of steps not revealed: only once it has ended
    store.update_org_item(3, "griffier", note="Loopt via de burgemeester.")
    with pytest.raises(WrongPin):
        propose_to_organisation(store, code, "fout-fout", [3, 5, 9], note_for=_note, polls=POLLS)
    assert propose_to_organisation(store, code, PIN, [3, 5, 9], note_for=_note, polls=POLLS) == (3,)
    item = store.org_items([3])[0]
    assert item.note.startswith("Loopt via de burgemeester.\n\nVoorstel uit workshop " + code)
    assert "weet-niet" in item.note and "weet 3; 3 antwoorden" in item.note
    assert item.status == "open" and item.updated_by == f"workshop {code}"
    assert [i.version for i in store.org_items([5, 9])] == [0, 0]  # ja; below k
    again = propose_to_organisation(store, code, PIN, [3], note_for=_note, polls=POLLS)
    assert again == (3,)  # idempotent
    assert store.org_items([3])[0].version == item.version
    assert [c.actor for c in store.org_history(3)][-1] == f"workshop {code}"


def test_delete_removes_every_answer_of_that_workshop_only(store: Store) -> None:
    keep, gone = _room(store), _room(store)
    for code in (keep, gone):
        _fill(store, code, ["ja", "nee"])
    with pytest.raises(WrongPin):
        delete_workshop(store, gone, "fout-fout")
    delete_workshop(store, gone, PIN)
    with pytest.raises(UnknownRoom):
        get_workshop(store, gone)
    rows = dump(store.engine)
    assert [len(rows[t]) for t in WORKSHOP_TABLES] == [1, 2, 2, 0]
    assert get_workshop(store, keep).participants == 2


def test_expired_workshops_are_purged_with_their_answers(store: Store,
                                                         clock: FakeClock) -> None:
    old = _room(store)
    _fill(store, old, ["ja", "nee", "deels"])
    clock.advance(days=3)
    young = _room(store)
    clock.advance(days=5)
    with pytest.raises(RoomExpired):
        check_facilitator(store, old, PIN)
    _room(store)  # creating a workshop purges the expired ones first
    rows = dump(store.engine)
    assert len(rows["workshops"]) == 2
    assert rows["workshop_votes"] == [] and rows["workshop_participants"] == []
    assert get_workshop(store, young).code == young


def test_the_poll_vocabulary_is_the_callers() -> None:
    """The store owns no answers: another vocabulary asks other forms at other steps."""
    other = PollVocabulary(GEREGELD_VALUES, ("schelden",), "niets", frozenset({3}))
    assert clean_answer(3, "gedrag", ["schelden"], other) == ["schelden"]
    counted = tally("gedrag", [["schelden"], [], ["schelden"]], 3, other).counts
    assert counted == {"schelden": 2, "niets": 1}
    with pytest.raises(InvalidValue):
        clean_answer(1, "gedrag", ["schelden"], other)  # step 1 does not ask it here
    with pytest.raises(InvalidValue):
        clean_answer(3, "gedrag", ["stalken"], other)
    with pytest.raises(ValueError, match="must offer"):
        PollVocabulary(("ja", "nee"), (), "geen", frozenset())
