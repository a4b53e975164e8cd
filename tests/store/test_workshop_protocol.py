"""A whole workshop with 40 phones through the service's use cases, on SQLite and PostgreSQL.

Why through `vbestuur_service.workshop` and not the store alone: that is the protocol the pages
speak (join with the device's cookie token and the client's address, vote, reveal, next step,
end, export). Forty devices join at the same moment, each reloads and opens a second tab, votes,
changes its mind and votes again: the room must count 40 participants and 40 answers, never a
join or a reload. No browser: the browser test has six phones; this one has the crowd.
"""

from __future__ import annotations

import secrets
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from workshop_vocabulary import GEREGELD_VALUES, POLLS

from vbestuur_service import workshop as ws
from vbestuur_service.runtime import Runtime
from vbestuur_service.settings import Settings
from vbestuur_service.staff import Refused
from vbestuur_store import StepRevealed, Store, WorkshopEnded
from vbestuur_store.models_workshop import ParticipantRow, VoteRow

PIN = "zaal-2026"
PHONES = 40


def _all_at_once(count: int, job: Callable[[int], Any]) -> list[Any]:
    """job(0..count-1) in `count` threads released together (a room pressing "Meedoen")."""
    barrier = threading.Barrier(count)

    def start(index: int) -> Any:
        barrier.wait(timeout=60)
        return job(index)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(start, range(count)))


@pytest.fixture
def rt(store: Store, tmp_path: Path) -> Runtime:
    """The service's runtime on the parametrised backend's store."""
    return Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)}),
                   store_factory=lambda _settings: store)


def _rows(store: Store, table: type[ParticipantRow] | type[VoteRow]) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)


def final(index: int) -> str:
    return GEREGELD_VALUES[index % len(GEREGELD_VALUES)]


def test_forty_phones_are_forty_participants_whatever_they_reload(rt: Runtime,
                                                                   store: Store) -> None:
    made = ws.create(rt, PIN, [1, 2], k=5, max_participants=PHONES)
    devices = [secrets.token_urlsafe(32) for _ in range(PHONES)]

    def phone(index: int) -> str:
        client = f"10.1.0.{index + 1}"
        first = ws.join(rt, made.code.lower(), devices[index], client=client)
        assert not isinstance(first, Refused)
        room, token = first
        ws.vote(rt, room, token, 1, "geregeld", ["weet-niet"], POLLS)
        for _reload_or_tab in range(2):  # a reload and a second tab: the same device
            again = ws.join(rt, made.code, devices[index], client=client)
            assert again == (room, token)
            assert ws.mine(rt, room, token)[(1, "geregeld")] == ["weet-niet"]
        ws.vote(rt, room, token, 1, "geregeld", [final(index)], POLLS)
        return token

    tokens = _all_at_once(PHONES, phone)
    assert len(set(tokens)) == PHONES
    assert ws.get(rt, made.code).participants == PHONES == _rows(store, ParticipantRow)
    assert _rows(store, VoteRow) == PHONES  # one device, one vote
    assert ws.join(rt, made.code, secrets.token_urlsafe(32), client="10.1.1.1") == Refused(0)

    wall = ws.results(rt, made.code, 1, POLLS)
    assert not wall.revealed and wall.result.geregeld.counts is None
    assert wall.result.geregeld.respondents == PHONES
    shown = ws.reveal(rt, made.code, PIN, POLLS)
    expected = Counter(final(i) for i in range(PHONES))
    assert shown.geregeld.counts == {v: expected[v] for v in GEREGELD_VALUES}
    with pytest.raises(StepRevealed):  # the revealed figure can no longer move
        ws.vote(rt, made.code, tokens[0], 1, "geregeld", ["ja"], POLLS)

    ws.move(rt, made.code, PIN, 2)
    _all_at_once(PHONES, lambda i: ws.vote(rt, made.code, tokens[i], 2, "geregeld",
                                           [final(i + 1)], POLLS))
    running = ws.summary(rt, made.code, PIN, POLLS)
    assert running.results[1].geregeld.counts is None  # not revealed, workshop running
    ws.end(rt, made.code, PIN)
    with pytest.raises(WorkshopEnded):
        ws.vote(rt, made.code, tokens[1], 2, "geregeld", ["ja"], POLLS)
    ended = ws.summary(rt, made.code, PIN, POLLS)
    assert ended.participants == PHONES
    assert ended.results[0].geregeld.counts == shown.geregeld.counts
    assert sum((ended.results[1].geregeld.counts or {}).values()) == PHONES
    assert _rows(store, VoteRow) == 2 * PHONES
