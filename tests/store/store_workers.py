"""Code that runs in separate processes during the crash and concurrency tests.

Why a module of its own: the processes are started by a multiprocessing *forkserver* that has
imported this module and vbestuur_store once, so starting a writer costs milliseconds instead of
a fresh interpreter, and 100 SIGKILL rounds per backend fit in the time budget. The forkserver
is a clean process, not a fork of pytest with its threads and open connections.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext
from typing import Any

from vbestuur_store import open_store

FLOWS = ("gereedheid", "melden")
QUESTIONS = 40


def payload(n: int) -> dict[str, Any]:
    """Answers whose every field carries `n`, so a torn write would show as mixed numbers."""
    answers: dict[str, Any] = {f"q{k:02d}": n for k in range(QUESTIONS)}
    answers["n"] = n
    answers["toelichting"] = f"{n}:" + "x" * 4000
    return answers


def check_payload(answers: dict[str, Any]) -> int:
    """The `n` of a stored payload; raise AssertionError if the fields disagree (torn write)."""
    n = answers["n"]
    assert all(answers[f"q{k:02d}"] == n for k in range(QUESTIONS)), "torn write"
    assert answers["toelichting"] == f"{n}:" + "x" * 4000, "torn write"
    return int(n)


def crash_writer(url: str, token: str, start: int, acks: Connection) -> None:
    """Save forever, counting up; after both flows of round n are committed, send n."""
    store = open_store(url, upgrade=False, env={})
    n = start
    while True:
        n += 1
        for flow in FLOWS:
            store.save_answers(token, flow, payload(n))
        acks.send(n)


def process_writer(url: str, token: str, index: int, rounds: int, result: Connection) -> None:
    """One of many concurrent processes: save its own answers, then edit the shared org item."""
    try:
        store = open_store(url, upgrade=False, env={})
        for n in range(1, rounds + 1):
            store.save_answers(token, "gereedheid", {"n": n, "writer": index})
            store.record_readiness(token, "gereedheid", {"vooraf": n / rounds})
        store.update_org_item(3, f"proces {index}", note=f"proces {index}")
        store.close()
        result.send("ok")
    except Exception as err:  # reported to the test, which fails with it
        result.send(f"{type(err).__name__}: {err}")


def forkserver() -> ForkServerContext:
    """The shared forkserver context, with the heavy imports preloaded."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["vbestuur_store", "store_workers"])
    return context
