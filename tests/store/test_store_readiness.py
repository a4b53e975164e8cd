"""Readiness over time: dated results kept only on the person's token."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from store_helpers import FakeClock

from vbestuur_store import InvalidValue, Store


def test_history_is_dated_and_ordered(store: Store, clock: FakeClock) -> None:
    token = store.new_token()
    first = clock.now
    store.record_readiness(token, "gereedheid", {"vooraf": 0.25, "tijdens": 0.5, "erna": 0})
    clock.advance(days=30)
    store.record_readiness(token, "gereedheid", {"vooraf": 0.75, "tijdens": 0.5, "erna": 1})
    # an explicit earlier date sorts first
    store.record_readiness(token, "gereedheid", {"vooraf": 0.0}, when=first - timedelta(days=1))
    history = store.readiness_history(token, "gereedheid")
    assert [h.when for h in history] == [first - timedelta(days=1), first,
                                         first + timedelta(days=30)]
    assert history[1].scores == {"vooraf": 0.25, "tijdens": 0.5, "erna": 0.0}
    assert history[2].scores["vooraf"] - history[1].scores["vooraf"] == pytest.approx(0.5)
    assert all(h.when.tzinfo is not None for h in history)


def test_history_is_per_token_and_per_flow(store: Store) -> None:
    one, two = store.new_token(), store.new_token()
    store.record_readiness(one, "gereedheid", {"vooraf": 1.0})
    store.record_readiness(one, "andere-check", {"vooraf": 0.1})
    assert store.readiness_history(two, "gereedheid") == []
    assert [h.scores for h in store.readiness_history(one, "gereedheid")] == [{"vooraf": 1.0}]


@pytest.mark.parametrize("scores", [{}, {"vooraf": "hoog"}, {"vooraf": True},
                                    {"vooraf": float("nan")}, [("vooraf", 1.0)]])
def test_invalid_scores_are_refused(store: Store, scores: Any) -> None:
    token = store.new_token()
    with pytest.raises(InvalidValue):
        store.record_readiness(token, "gereedheid", scores)
    assert store.readiness_history(token, "gereedheid") == []
