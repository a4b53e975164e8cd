"""The workshop in a real room (issue 13), in the store: one device is one participant, a
maximum of participants, figures only when revealed and then fixed, and the verdict rule.

The property test runs the same sequence of join / vote / change / reveal / move in two rooms
that differ only in one participant's answers, and checks that everything an observer of the
wall sees is the same in both rooms, except the one figure of a revealed step, which never
changes afterwards: so no two views let anyone read off that participant's answer.
"""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from workshop_vocabulary import GEREGELD_VALUES, POLLS

from vbestuur_store import (
    NotJoined,
    RoomFull,
    StepRevealed,
    Store,
    StoreError,
    TooFewToReveal,
    cast_vote,
    create_workshop,
    get_workshop,
    join_workshop,
    own_answers,
    reveal_step,
    room_view,
    show_step,
    workshop_summary,
)
from vbestuur_store.workshop_polls import Tally, verdict

PIN = "zaal-2026"
DEVICES = [secrets.token_urlsafe(32) for _ in range(8)]


def _room(store: Store, k: int = 3, most: int | None = None) -> str:
    return create_workshop(store, PIN, (1, 2), k=k, days=7, max_participants=most).code


def test_reload_second_tab_and_reopened_browser_are_one_participant(store: Store) -> None:
    code = _room(store)
    phone = DEVICES[0]
    first = join_workshop(store, code, phone)
    cast_vote(store, code, first, 1, "geregeld", "nee", polls=POLLS)
    again = join_workshop(store, code, phone)  # reload, second tab, browser reopened
    assert get_workshop(store, code).participants == 1
    assert own_answers(store, code, again)[(1, "geregeld")] == ["nee"]
    cast_vote(store, code, again, 1, "geregeld", "ja", polls=POLLS)  # still changeable
    assert own_answers(store, code, first)[(1, "geregeld")] == ["ja"]
    join_workshop(store, code, DEVICES[1])
    assert get_workshop(store, code).participants == 2


def test_the_same_device_is_a_different_participant_in_another_room(store: Store) -> None:
    one, two = _room(store), _room(store)
    token = join_workshop(store, one, DEVICES[0])
    with pytest.raises(NotJoined):
        own_answers(store, two, token)


def test_a_maximum_refuses_new_devices_but_not_returning_ones(store: Store) -> None:
    code = _room(store, most=2)
    for device in DEVICES[:2]:
        join_workshop(store, code, device)
    with pytest.raises(RoomFull):
        join_workshop(store, code, DEVICES[2])
    join_workshop(store, code, DEVICES[0])
    assert get_workshop(store, code).participants == 2
    assert get_workshop(store, code).max_participants == 2


def _vote_all(store: Store, code: str, values: list[str]) -> list[str]:
    tokens = [join_workshop(store, code, DEVICES[i]) for i in range(len(values))]
    for token, value in zip(tokens, values, strict=True):
        cast_vote(store, code, token, 1, "geregeld", value, polls=POLLS)
    return tokens


def test_no_figure_before_the_reveal_and_none_below_k(store: Store) -> None:
    code = _room(store, k=3)
    tokens = _vote_all(store, code, ["ja", "nee"])
    with pytest.raises(TooFewToReveal):
        reveal_step(store, code, PIN, polls=POLLS)
    cast_vote(store, code, join_workshop(store, code, DEVICES[5]), 1, "geregeld", "ja",
              polls=POLLS)
    view = room_view(store, code, 1, polls=POLLS)
    assert not view.revealed and view.result.geregeld.counts is None
    assert view.result.geregeld.respondents == 3
    cast_vote(store, code, tokens[1], 1, "geregeld", "deels", polls=POLLS)
    assert room_view(store, code, 1, polls=POLLS).result.geregeld.counts is None


def test_a_revealed_figure_is_fixed_and_the_poll_closes(store: Store) -> None:
    code = _room(store, k=3)
    tokens = _vote_all(store, code, ["ja", "nee", "ja"])
    shown = reveal_step(store, code, PIN, polls=POLLS).geregeld.counts
    assert shown == {"ja": 2, "deels": 0, "nee": 1, "weet-niet": 0}
    with pytest.raises(StepRevealed):
        cast_vote(store, code, tokens[1], 1, "geregeld", "ja", polls=POLLS)
    late = join_workshop(store, code, DEVICES[6])
    with pytest.raises(StepRevealed):
        cast_vote(store, code, late, 1, "geregeld", "nee", polls=POLLS)
    show_step(store, code, PIN, 2)
    show_step(store, code, PIN, 1)  # back to the revealed step: still closed, same figure
    with pytest.raises(StepRevealed):
        cast_vote(store, code, tokens[0], 1, "geregeld", "nee", polls=POLLS)
    view = room_view(store, code, 1, polls=POLLS)
    assert view.revealed and view.result.geregeld.counts == shown
    assert reveal_step(store, code, PIN, polls=POLLS).geregeld.counts == shown
    summary = workshop_summary(store, code, PIN, polls=POLLS)
    assert summary.results[0].geregeld.counts == shown


def _tally(ja: int, deels: int, nee: int, weet: int) -> Tally:
    counts = {"ja": ja, "deels": deels, "nee": nee, "weet-niet": weet}
    return Tally("geregeld", sum(counts.values()), 3, counts)


@pytest.mark.parametrize(("counts", "expected"), [
    ((3, 2, 1, 0), "deels"),  # the walk-through's case: not "geregeld"
    ((4, 1, 1, 0), "ja"),  # exactly two thirds
    ((2, 1, 0, 0), "ja"),
    ((3, 1, 1, 0), "deels"),  # 60 % is not two thirds
    ((1, 0, 2, 0), "nee"),
    ((2, 0, 2, 0), "deels"),  # half is not more than half
    ((0, 1, 0, 3), "weet-niet"),
    ((1, 1, 1, 1), "deels"),
    ((0, 5, 0, 0), "deels"),
])
def test_the_verdict_rule(counts: tuple[int, int, int, int], expected: str) -> None:
    assert verdict(_tally(*counts)) == expected


def test_no_verdict_without_figures() -> None:
    assert verdict(Tally("geregeld", 2, 3, None)) is None


VOTE = st.tuples(st.just("vote"), st.integers(0, 5), st.integers(0, 3))
ACTIONS = st.lists(st.one_of(
    st.tuples(st.just("join"), st.integers(0, 5), st.just(0)), VOTE, VOTE, VOTE,
    st.tuples(st.sampled_from(["reveal", "next", "prev"]), st.just(0), st.just(0)),
), min_size=1, max_size=30)
# The attack of the security review (F1): three in, the target changes his vote, reveal, vote.
F1 = [("join", 0, 0), ("join", 1, 0), ("join", 2, 0), ("vote", 1, 0), ("vote", 2, 0),
      ("vote", 0, 1), ("vote", 0, 2), ("reveal", 0, 0), ("join", 3, 0), ("vote", 3, 1),
      ("vote", 0, 3), ("next", 0, 0), ("prev", 0, 0), ("vote", 0, 0)]


def _apply(store: Store, code: str, action: tuple[str, int, int], target_shift: int) -> str:
    """One action in one room; participant 0's answers are shifted by `target_shift`."""
    kind, who, value = action
    try:
        if kind == "join":
            join_workshop(store, code, DEVICES[who])
        elif kind == "vote":
            step = get_workshop(store, code).current_step
            shift = target_shift if who == 0 else 0
            cast_vote(store, code, DEVICES[who], step, "geregeld",
                      GEREGELD_VALUES[(value + shift) % 4], polls=POLLS)
        elif kind == "reveal":
            reveal_step(store, code, PIN, polls=POLLS)
        else:
            show_step(store, code, PIN, 2 if kind == "next" else 1)
    except StoreError as err:
        return err.code
    return "ok"


def _wall(store: Store, code: str) -> dict[int, dict[str, Any]]:
    """Everything the wall can show of every step, as an observer would record it."""
    seen = {}
    for step in (1, 2):
        view = room_view(store, code, step, polls=POLLS)
        tally = view.result.geregeld
        seen[step] = {"participants": view.workshop.participants, "revealed": view.revealed,
                      "respondents": tally.respondents, "counts": tally.counts}
    return seen


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS, k=st.integers(3, 4), shift=st.integers(1, 3))
@example(actions=F1, k=3, shift=1)
def test_no_two_views_give_away_one_answer(store: Store, actions: list[tuple[str, int, int]],
                                           k: int, shift: int) -> None:
    rooms = (_room(store, k=k), _room(store, k=k))
    fixed: list[dict[int, Any]] = [{}, {}]
    for action in actions:
        outcomes = [_apply(store, code, action, s)
                    for code, s in zip(rooms, (0, shift), strict=True)]
        walls = [_wall(store, code) for code in rooms]
        assert outcomes[0] == outcomes[1]  # what the room sees happen does not depend on it
        for room, wall in enumerate(walls):
            for step, seen in wall.items():
                if seen["counts"] is None:
                    assert step not in fixed[room]
                    continue
                assert seen["revealed"] and seen["respondents"] >= k
                assert fixed[room].setdefault(step, seen["counts"]) == seen["counts"]
        strip = [{s: {**v, "counts": None} for s, v in w.items()} for w in walls]
        assert strip[0] == strip[1]  # everything but a revealed figure is the same
