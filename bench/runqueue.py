"""Where a loaded server's time went: on a core, waiting for a core, or waiting on something else.

Why: with 50 sessions the result page's p95 was seconds while the server used under half a core
(issue 15). That can be a wait inside the app (a lock, a sleep, the SQLite writer, a queue)
or a process that is ready to run and gets no core on a shared 2-core machine. Linux tells
the two apart: `/proc/PID/task/TID/schedstat` counts per thread the nanoseconds on a core and
the nanoseconds runnable but waiting for one, and a thread's state `R` means running or
runnable. So while a crowd runs, a sampler thread of the bench reads both every few ms:
- `on_core` / `waiting_for_core`: seconds summed over the server's threads (threads that end
  between two samples are missed, so both are lower bounds; threads that wait for the GIL
  sleep, they do not count as waiting for a core);
- `stalled`: of the samples with a request in flight, the share in which no server thread was
  running or runnable. A lock, a sleep or a database wait in the app shows up here; a server
  that only lacks a core does not. (So does the moment a reply is on its way or not yet read
  by the client: a few percent even for hello-world.)
The same figures for the bench client itself show whether the load generator kept up.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

SAMPLE_SECONDS = 0.005


def _tasks(pid: int | str) -> list[Path]:
    return list(Path(f"/proc/{pid}/task").glob("*"))


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:  # the thread ended between listing and reading
        return ""


def _schedstat(pid: int | str) -> dict[str, tuple[int, int]]:
    """Per thread: (ns on a core, ns runnable waiting for a core) since it started."""
    found = {}
    for task in _tasks(pid):
        fields = _read(task / "schedstat").split()
        if len(fields) >= 2:
            found[task.name] = (int(fields[0]), int(fields[1]))
    return found


def _runnable(pid: int) -> bool:
    """Whether any thread of `pid` is running or ready to run (state R)."""
    for task in _tasks(pid):
        stat = _read(task / "stat")
        if stat and stat.rsplit(")", 1)[1].split()[0] == "R":
            return True
    return False


class Sampler:
    """A thread that samples `pid` (and this client) until the `with` block ends."""

    def __init__(self, pid: int, in_flight: Callable[[], int]) -> None:
        self.pid, self.in_flight = pid, in_flight
        self.seen: dict[str, dict[str, tuple[int, int]]] = {"server": {}, "client": {}}
        self.first: dict[str, dict[str, tuple[int, int]]] = {}
        self.busy = self.stalls = 0
        self.own = ""  # the sampler's own thread, not part of the client's figures
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        for name, pid in (("server", self.pid), ("client", "self")):
            self.seen[name].update(_schedstat(pid))
        if self.in_flight() > 0:
            self.busy += 1
            self.stalls += not _runnable(self.pid)

    def _run(self) -> None:
        self.own = str(threading.get_native_id())
        while not self._stop.is_set():
            self._sample()
            time.sleep(SAMPLE_SECONDS)

    def __enter__(self) -> Sampler:
        self.first = {"server": _schedstat(self.pid), "client": _schedstat("self")}
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def seconds(self, name: str) -> tuple[float, float]:
        """(on a core, waiting for a core) in seconds during the block, for "server"/"client"."""
        start = self.first[name]
        seen = {k: v for k, v in self.seen[name].items() if name == "server" or k != self.own}
        run = sum(v[0] - start.get(k, (0, 0))[0] for k, v in seen.items())
        wait = sum(v[1] - start.get(k, (0, 0))[1] for k, v in seen.items())
        return run / 1e9, wait / 1e9

    def figures(self) -> dict[str, float]:
        """The figures the crowd table prints (see the module docstring)."""
        server_run, server_wait = self.seconds("server")
        client_run, client_wait = self.seconds("client")
        return {"on_core": server_run, "waiting_for_core": server_wait,
                "client_on_core": client_run, "client_waiting": client_wait,
                "stalled": 100 * self.stalls / self.busy if self.busy else 0.0}
