"""Concurrency: 50 writers at once, on their own tokens and on one organisation item.

"Nothing lost, no error": every thread's last save is there, every readiness record is there,
every edit of the shared item is in the audit trail in an unbroken chain (each change's old
value is the previous change's new value, so no edit was overwritten unseen), and no writer got
an exception (SQLite "database is locked" or a PostgreSQL serialisation error would fail it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from store_workers import forkserver, process_writer

from vbestuur_store import Locked, StaleItem, Store

WRITERS = 50
ROUNDS = 10


def _run_all(job: Callable[[int], Any]) -> list[Any]:
    """Run job(0..WRITERS-1) in WRITERS threads released at the same moment."""
    barrier = threading.Barrier(WRITERS)

    def start(index: int) -> Any:
        barrier.wait(timeout=60)
        return job(index)

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        return list(pool.map(start, range(WRITERS)))  # re-raises any writer's exception


def test_50_writers_on_their_own_tokens(store: Store) -> None:
    tokens = [store.new_token() for _ in range(WRITERS)]

    def job(index: int) -> None:
        token = tokens[index]
        for n in range(1, ROUNDS + 1):
            store.save_answers(token, "gereedheid", {"n": n, "writer": index})
            store.save_answers(token, "melden", {"n": n})
            store.record_readiness(token, "gereedheid", {"vooraf": n / ROUNDS})
            store.save_document(token, "netwerklijst", [index, n])
            assert store.load_answers(token)["gereedheid"]["n"] == n

    _run_all(job)
    for index, token in enumerate(tokens):
        assert store.load_answers(token) == {"gereedheid": {"n": ROUNDS, "writer": index},
                                             "melden": {"n": ROUNDS}}
        assert len(store.readiness_history(token, "gereedheid")) == ROUNDS
        assert store.load_document(token, "netwerklijst") == [index, ROUNDS]


def _assert_unbroken_chain(store: Store, field: str, expected_changes: int) -> None:
    changes = [c for c in store.org_history(3) if c.field == field]
    assert len(changes) == expected_changes
    for before, after in zip(changes, changes[1:], strict=False):
        assert after.old == before.new, "an edit was overwritten without being seen"
    assert store.org_items([3])[0].note == changes[-1].new


def test_50_writers_on_one_organisation_item(store: Store) -> None:
    def job(index: int) -> None:
        for n in range(ROUNDS):
            store.update_org_item(3, f"griffie {index}", note=f"{index}-{n}",
                                  status=("deels", "geregeld")[n % 2])

    _run_all(job)
    item = store.org_items([3])[0]
    assert item.version == WRITERS * ROUNDS
    _assert_unbroken_chain(store, "note", WRITERS * ROUNDS)


def test_50_read_modify_write_edits_are_all_kept(store: Store) -> None:
    """The app's pattern: show the item, edit, save with expected_version; retry if stale."""
    store.update_org_item(3, "griffie", note="0")
    retries = 0

    def job(_: int) -> None:
        nonlocal retries
        while True:
            seen = store.org_items([3])[0]
            try:
                store.update_org_item(3, "griffie", note=str(int(seen.note) + 1),
                                      expected_version=seen.version)
                return
            except StaleItem:
                retries += 1

    _run_all(job)
    assert store.org_items([3])[0].note == str(WRITERS)
    assert retries > 0  # the writers really did collide
    _assert_unbroken_chain(store, "note", WRITERS + 1)


def test_parallel_pin_guesses_are_counted_one_by_one(store: Store) -> None:
    store.set_pin("juiste-pin")
    outcomes: list[str] = []

    def job(_: int) -> None:
        try:
            outcomes.append(str(store.check_pin("fout-0000")))
        except Locked:
            outcomes.append("locked")

    _run_all(job)
    assert outcomes.count("False") == 5 and outcomes.count("locked") == WRITERS - 5


@pytest.mark.parametrize("processes", [WRITERS])
def test_50_writer_processes(store: Store, db_url: str, processes: int) -> None:
    tokens = [store.new_token() for _ in range(processes)]
    context = forkserver()
    pipes, workers = [], []
    for index, token in enumerate(tokens):
        receiver, sender = context.Pipe(duplex=False)
        worker = context.Process(target=process_writer,
                                 args=(db_url, token, index, ROUNDS, sender))
        worker.start()
        sender.close()
        pipes.append(receiver)
        workers.append(worker)
    results = [pipe.recv() if pipe.poll(120) else "timeout" for pipe in pipes]
    for worker in workers:
        worker.join(60)
    assert results == ["ok"] * processes
    for index, token in enumerate(tokens):
        assert store.load_answers(token) == {"gereedheid": {"n": ROUNDS, "writer": index}}
        assert len(store.readiness_history(token, "gereedheid")) == ROUNDS
    assert store.org_items([3])[0].version == processes
    _assert_unbroken_chain(store, "note", processes)
