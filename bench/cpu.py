"""CPU time of processes, from /proc (Linux): what each part of a bench really used.

Why: on a shared 2-core machine a wall-clock ratio mixes the app's cost with everything else
that ran. The CPU seconds of each process (user + system, its threads included, optionally
its child processes such as PostgreSQL's backends) say where the cores went.
"""

from __future__ import annotations

import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def cpu_seconds(pid: int, children: bool = False) -> float:
    """utime + stime of `pid` (and, with `children`, of its live child processes)."""
    try:
        fields = _stat(pid)
    except OSError:
        return 0.0
    total = (int(fields[11]) + int(fields[12])) / TICKS
    if children:
        total += sum(cpu_seconds(child) for child in child_pids(pid))
    return total


def child_pids(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int(_stat(int(entry.name))[1]) == parent:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def load_average() -> float:
    """The machine's 1-minute load average: how many runnable tasks competed for the cores."""
    return float(Path("/proc/loadavg").read_text().split()[0])


def machine_seconds() -> tuple[float, float]:
    """Busy and idle CPU seconds of the whole machine so far, all cores (/proc/stat).

    Busy is what some process (or the kernel for it) ran; idle and I/O wait are cores with
    nothing to run; steal (the hypervisor ran another guest) counts as neither."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, idle, iowait, irq, softirq = fields[:7]
    return (user + nice + system + irq + softirq) / TICKS, (idle + iowait) / TICKS


def own_cpu_seconds() -> float:
    """This process (the load client): all its threads."""
    times = os.times()
    return times.user + times.system


class Meter:
    """CPU seconds each named process (and this client) used during one measured phase."""

    def __init__(self, parts: dict[str, tuple[int, bool]]) -> None:
        self.parts = parts  # name -> (pid, with its children)
        self.used: dict[str, float] = {}
        self.load = 0.0

    def _now(self) -> dict[str, float]:
        now = {name: cpu_seconds(pid, kids) for name, (pid, kids) in self.parts.items()}
        busy, idle = machine_seconds()
        return {**now, "client": own_cpu_seconds(), "machine busy": busy,
                "machine idle": idle}

    def __enter__(self) -> Meter:
        self._start = self._now()
        return self

    def __exit__(self, *exc: object) -> None:
        end = self._now()
        self.used = {name: end[name] - self._start[name] for name in end}
        self.load = load_average()

    def shares(self) -> dict[str, float]:
        """Each part's share of the machine's CPU seconds in the phase (busy + idle, all
        cores), with "other" (every process not named here) and "idle" (nothing to run)."""
        total = self.used["machine busy"] + self.used["machine idle"]
        ours = {name: self.used[name] for name in self.used if not name.startswith("machine")}
        other = max(0.0, self.used["machine busy"] - sum(ours.values()))
        found = {**ours, "other processes": other, "idle": self.used["machine idle"]}
        return {name: seconds / max(total, 1e-9) for name, seconds in found.items()}
