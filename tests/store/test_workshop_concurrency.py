"""Workshop votes under load, on SQLite and PostgreSQL: 40 participants answering at once
lose no vote and double none, and the k threshold holds after every single join, vote and
change (a property test)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from workshop_vocabulary import BEHAVIOURS, GEREGELD_VALUES, POLLS

from vbestuur_store import (
    Store,
    cast_vote,
    create_workshop,
    get_workshop,
    join_workshop,
    own_answers,
    poll_results,
)
from vbestuur_store.models_workshop import VoteRow

PIN = "zaal-2026"
PARTICIPANTS = 40


def _run_all(count: int, job: Callable[[int], Any]) -> list[Any]:
    """Run job(0..count-1) in `count` threads released at the same moment."""
    barrier = threading.Barrier(count)

    def start(index: int) -> Any:
        barrier.wait(timeout=60)
        return job(index)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(start, range(count)))


def _room(store: Store, steps: tuple[int, ...] = (1, 2, 3), k: int = 5) -> str:
    return create_workshop(store, PIN, steps, k=k, days=7).code


def test_40_participants_answering_at_once(store: Store) -> None:
    """Each participant answers, changes his mind twice and answers the experience question,
    all at the same moment: every last answer counts exactly once."""
    code = _room(store, k=5)
    tokens = _run_all(PARTICIPANTS, lambda _i: join_workshop(store, code))
    assert len(set(tokens)) == PARTICIPANTS == get_workshop(store, code).participants

    def final(index: int) -> str:
        return GEREGELD_VALUES[index % 4]

    def forms(index: int) -> list[str]:
        return [b for n, b in enumerate(BEHAVIOURS) if (index >> n) & 1]

    def job(index: int) -> None:
        token = tokens[index]
        for value in (GEREGELD_VALUES[(index + 1) % 4], GEREGELD_VALUES[(index + 2) % 4],
                      final(index)):
            cast_vote(store, code, token, 1, "geregeld", value, polls=POLLS)
        cast_vote(store, code, token, 1, "gedrag", forms(index), polls=POLLS)

    _run_all(PARTICIPANTS, job)
    result = poll_results(store, code, PIN, 1, polls=POLLS)
    expected = Counter(final(i) for i in range(PARTICIPANTS))
    assert result.geregeld.respondents == PARTICIPANTS
    assert result.geregeld.counts == {v: expected[v] for v in GEREGELD_VALUES}
    assert result.gedrag is not None and result.gedrag.counts is not None
    for behaviour in BEHAVIOURS:
        assert result.gedrag.counts[behaviour] == sum(
            behaviour in forms(i) for i in range(PARTICIPANTS))
    assert result.gedrag.counts["geen"] == sum(not forms(i) for i in range(PARTICIPANTS))
    with store.engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(VoteRow)).scalar()
    assert rows == 2 * PARTICIPANTS
    for index, token in enumerate(tokens):
        assert own_answers(store, code, token)[(1, "geregeld")] == [final(index)]


Action = tuple[str, int, str]
ACTIONS = st.lists(st.tuples(st.sampled_from(["vote", "join"]), st.integers(0, 9),
                             st.sampled_from(GEREGELD_VALUES)), min_size=1, max_size=25)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS, k=st.integers(3, 6))
def test_k_threshold_holds_in_every_state(store: Store, actions: list[Action], k: int) -> None:
    """After every join, vote and change: no figures while fewer than k distinct participants
    answered; with figures, they add up to exactly the distinct participants' last answers."""
    code = _room(store, steps=(2,), k=k)
    tokens: list[str] = []
    last: dict[int, str] = {}
    for kind, who, value in actions:
        if kind == "join" or not tokens:
            tokens.append(join_workshop(store, code))
            continue
        index = who % len(tokens)
        cast_vote(store, code, tokens[index], 2, "geregeld", value, polls=POLLS)
        last[index] = value
        tally = poll_results(store, code, PIN, 2, polls=POLLS).geregeld
        assert tally.respondents == len(last) and tally.needed == k
        assert (tally.counts is None) == (len(last) < k)
        if tally.counts is not None:
            assert tally.counts == {v: list(last.values()).count(v) for v in GEREGELD_VALUES}
