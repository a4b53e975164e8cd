"""make scale's arithmetic (bench/crowd.py, bench/scale_tables.py): what it prints must be the
throughput it measured. The bench itself runs in `make scale`, not here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import scale_tables as tables  # noqa: E402
from cpu import Meter  # noqa: E402
from crowd import Figures, source  # noqa: E402


def meter(replicas: dict[str, float], other: float) -> Meter:
    """A measured phase of 10 machine-seconds: the replicas' CPU seconds, `other` seconds
    taken by processes outside the bench, the rest client/HAProxy/PostgreSQL."""
    m = Meter({})
    ours = {**replicas, "client": 0.5, "haproxy": 0.2, "postgres": 0.1}
    busy = sum(ours.values()) + other
    m.used = {**ours, "machine busy": busy, "machine idle": 10.0 - busy}
    return m


def test_figures_are_the_runs_of_the_window_per_second() -> None:
    f = Figures(runs=4, seconds=2.0, times=[0.1, 0.2, 0.3, 0.4])
    assert f.rps == 2.0
    assert f.p50 == pytest.approx(250.0)
    assert f.percentile(0.95) == pytest.approx(300.0)  # the bench's nearest-rank p95


def test_every_person_has_an_address_of_their_own_and_none_is_the_proxys() -> None:
    addresses = [source(n) for n in range(600)]
    assert len(set(addresses)) == 600
    assert "127.0.0.1" not in addresses and all(a.startswith("127.0.") for a in addresses)


def test_the_ratio_of_quiet_rounds_leaves_out_rounds_with_other_work() -> None:
    one = [(Figures(500, 5.0, [0.1]), meter({"app1": 4.0}, other=0.3)),
           (Figures(300, 5.0, [0.1]), meter({"app1": 3.0}, other=4.0))]
    two = [(Figures(900, 5.0, [0.1]), meter({"app1": 4.0, "app2": 4.0}, other=0.4)),
           (Figures(400, 5.0, [0.1]), meter({"app1": 2.0, "app2": 2.0}, other=4.0))]
    line = tables.quiet_pairs(one, two)
    assert "the 1 of 2 rounds" in line and line.endswith("1.80x")
    noisy = tables.quiet_pairs(one[1:], two[1:])
    assert noisy.startswith("no round had both windows quiet")


def test_the_share_of_each_part_adds_up_to_the_machine() -> None:
    used = tables.summed([meter({"app1": 4.0}, other=1.0), meter({"app1": 6.0}, other=0.0)])
    part = tables.shares(used, tables.ONE)
    assert used["app1"] == 10.0
    assert sum(part.values()) == pytest.approx(1.0)
    assert part["other processes"] == pytest.approx(1.0 / 20.0)
