"""The tables and sentences bench/scale.py prints: throughput, CPU per part, what limits it.

Why apart from scale.py: the bench's orchestration (processes, crowd, kill test) and the way
its figures are summed up are two jobs; each file stays small.
"""

from __future__ import annotations

import statistics

from cpu import Meter
from crowd import Figures

Measured = tuple[Figures, Meter]
ONE, TWO = ("app1",), ("app1", "app2")
QUIET = 0.10  # a window is quiet when processes outside the bench took at most this share
ROW_HEAD = ("| setup | phase | runs | s | runs/s | p50 ms | p95 ms | errors | CPU s: replicas "
            "| client | HAProxy | PostgreSQL | other processes | idle | load avg |\n"
            "|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|")
SHARES = ("| setup (all rounds) | replicas | client | HAProxy | PostgreSQL | other processes "
          "| idle | replica CPU ms per rerun | client CPU ms per rerun |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|")


def row(label: str, phase: str, f: Figures, m: Meter, replicas: tuple[str, ...]) -> str:
    cpu = " + ".join(f"{m.used[r]:.1f}" for r in replicas)
    part = m.shares()
    return (f"| {label} | {phase} | {f.runs} | {f.seconds:.1f} | {f.rps:.1f} | {f.p50:.0f} | "
            f"{f.percentile(0.95):.0f} | {f.errors} | {cpu} | {m.used['client']:.1f} | "
            f"{m.used['haproxy']:.1f} | {m.used['postgres']:.1f} | "
            f"{100 * part['other processes']:.0f} % | {100 * part['idle']:.0f} % | {m.load:.1f} |")


def summed(meters: list[Meter]) -> dict[str, float]:
    """The CPU seconds of each part over several phases."""
    return {name: sum(m.used[name] for m in meters) for name in meters[0].used}


def shares(used: dict[str, float], replicas: tuple[str, ...]) -> dict[str, float]:
    """Each part's share of the machine over the phases (as Meter.shares, summed)."""
    total = used["machine busy"] + used["machine idle"]
    ours = {k: v for k, v in used.items() if not k.startswith("machine")}
    other = max(0.0, used["machine busy"] - sum(ours.values()))
    found = {**ours, "other processes": other, "idle": used["machine idle"]}
    return {k: v / max(total, 1e-9) for k, v in found.items()}


def share_row(label: str, rounds: list[Measured], replicas: tuple[str, ...]) -> str:
    used = summed([m for _f, m in rounds])
    part = shares(used, replicas)
    runs = sum(f.runs for f, _m in rounds)
    reps = " + ".join(f"{100 * part[r]:.0f}" for r in replicas)
    rest = " | ".join(f"{100 * part[k]:.0f} %" for k in
                      ("client", "haproxy", "postgres", "other processes", "idle"))
    replica_ms = 1000 * sum(used[r] for r in replicas) / max(1, runs)
    return (f"| {label} | {reps} % | {rest} | {replica_ms:.1f} | "
            f"{1000 * used['client'] / max(1, runs):.2f} |")


def per_cpu(rounds: list[Measured], replicas: tuple[str, ...]) -> float:
    """Reruns per CPU second of the replicas, over all rounds."""
    used = summed([m for _f, m in rounds])
    return sum(f.runs for f, _m in rounds) / max(1e-9, sum(used[r] for r in replicas))


def limit(rounds: list[Measured], replicas: tuple[str, ...]) -> str:
    """The sentence that says what limited the two-replica setup, from its CPU shares."""
    part = shares(summed([m for _f, m in rounds]), replicas)
    busy = {k: v for k, v in part.items() if k not in replicas and k != "idle"}
    biggest = max(busy, key=busy.__getitem__)
    return (f"the two replicas had {100 * sum(part[r] for r in replicas):.0f} % of the machine "
            f"(2 cores = 100 %); the other processes on it took "
            f"{100 * sum(busy.values()):.0f} % (the most: {biggest}, "
            f"{100 * part[biggest]:.0f} %), and {100 * part['idle']:.0f} % stayed idle")


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.1f}, from {min(values):.1f} to {max(values):.1f}"


def quiet_pairs(one: list[Measured], two: list[Measured]) -> str:
    """The same ratio over the rounds in which both windows had the machine (nearly) alone.

    Why: other work on a shared machine takes more from two replicas than from one (one
    replica needs one core, and the other core absorbs the other work), so the ratio of a busy
    machine says more about that work than about the topology. All rounds are printed above;
    this line only adds the ratio of the quiet ones, with how many there were."""
    pairs = [(a.rps, b.rps) for (a, m1), (b, m2) in zip(one, two, strict=True)
             if max(m1.shares()["other processes"], m2.shares()["other processes"]) <= QUIET]
    if not pairs:
        return (f"no round had both windows quiet (other processes <= {100 * QUIET:.0f} % of "
                "the machine): this run's ratio is the shared machine's, not the topology's")
    rps1, rps2 = [a for a, _b in pairs], [b for _a, b in pairs]
    return (f"the {len(pairs)} of {len(one)} rounds with both windows quiet (other processes "
            f"<= {100 * QUIET:.0f} % of the machine): "
            f"{statistics.median(rps2) / statistics.median(rps1):.2f}x")


def summary(one: list[Measured], two: list[Measured]) -> None:
    """Medians and spreads of the rounds, the ratio, the CPU shares and what limits it."""
    rps1, rps2 = [f.rps for f, _m in one], [f.rps for f, _m in two]
    paired = [b / a for a, b in zip(rps1, rps2, strict=True)]
    print(f"\nreruns/s over {len(one)} rounds each: 1 replica {spread(rps1)}; "
          f"2 replicas {spread(rps2)}")
    print(f"throughput 2 replicas / 1 replica (median reruns/s of the rounds): "
          f"{statistics.median(rps2) / statistics.median(rps1):.2f}x; round by round "
          + ", ".join(f"{r:.2f}x" for r in paired))
    print(quiet_pairs(one, two))
    print("\nShare of the machine's CPU (both cores, over the measured windows of all rounds):\n")
    print(SHARES)
    print(share_row("1 replica", one, ONE))
    print(share_row("2 replicas", two, TWO))
    capacity = 2 * per_cpu(two, TWO) / per_cpu(one, ONE)
    print(f"\n2 replicas, CPU-bound capacity (a core each, client/HAProxy/PostgreSQL elsewhere): "
          f"{capacity:.2f}x one replica (2 x reruns per replica-CPU-second, 2 replicas vs 1)")
    print(f"what limits it: {limit(two, TWO)}", flush=True)
