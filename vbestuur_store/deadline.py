"""A client-side deadline for PostgreSQL statements, for a server that stopped answering (F3).

Why this is needed on top of `statement_timeout`: that timeout runs *in the server*. A server
that is hung (SIGSTOP, a frozen VM, a proxy that accepts and forwards nothing) never cancels
anything, the kernel keeps acknowledging the TCP packets, and libpq waits forever — every page
that touches the database would hang with it. So one watchdog thread keeps the deadline of
every statement in flight; when one passes, it shuts the connection's socket down. The waiting
call then fails at once with a connection error, SQLAlchemy drops that connection from the
pool, and the caller gets `StorageFault("unavailable")`. Checkouts from the pool are pinged
under the same deadline (instead of `pool_pre_ping`, whose ping has no deadline).
"""

from __future__ import annotations

import heapq
import itertools
import os
import socket
import threading
import time
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DisconnectionError

_KEY = "vbestuur_deadline"
NO_DEADLINE = "vbestuur_no_deadline"  # execution option: migrations may run (and wait) longer


class Watchdog:
    """One daemon thread that shuts down the sockets of statements past their deadline."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, int]] = []
        self._live: dict[int, int] = {}
        self._ids = itertools.count()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    def arm(self, fileno: int, seconds: float) -> int:
        """Watch `fileno` for `seconds`; return a ticket for `disarm`."""
        ticket = next(self._ids)
        with self._cond:
            self._live[ticket] = fileno
            heapq.heappush(self._heap, (time.monotonic() + seconds, ticket, fileno))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="vbestuur-deadline",
                                                daemon=True)
                self._thread.start()
            self._cond.notify()
        return ticket

    def disarm(self, ticket: int) -> None:
        with self._cond:
            self._live.pop(ticket, None)

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._heap and self._heap[0][1] not in self._live:
                    heapq.heappop(self._heap)
                wait = self._heap[0][0] - time.monotonic() if self._heap else None
                if wait is None or wait > 0:
                    self._cond.wait(timeout=wait)
                    continue
                _, ticket, fileno = heapq.heappop(self._heap)
                self._live.pop(ticket, None)
            _shut(fileno)


def _shut(fileno: int) -> None:
    """Shut the socket down through a duplicate, so the blocked reader sees end-of-file."""
    try:
        dup = socket.socket(fileno=os.dup(fileno))
    except OSError:
        return
    try:
        dup.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        dup.close()


WATCHDOG = Watchdog()


def _fileno(dbapi_connection: Any) -> int:
    return int(dbapi_connection.pgconn.socket)


def install(engine: Engine, seconds: float) -> None:
    """Give every statement and every pool checkout of `engine` a deadline of `seconds`."""

    @event.listens_for(engine, "before_cursor_execute")
    def _arm(conn: Any, cursor: Any, *_args: Any) -> None:
        if conn.get_execution_options().get(NO_DEADLINE):
            return
        conn.info[_KEY] = WATCHDOG.arm(_fileno(conn.connection.dbapi_connection), seconds)

    @event.listens_for(engine, "after_cursor_execute")
    def _disarm(conn: Any, *_args: Any) -> None:
        ticket = conn.info.pop(_KEY, None)
        if ticket is not None:
            WATCHDOG.disarm(ticket)

    @event.listens_for(engine, "handle_error")
    def _disarm_on_error(context: Any) -> None:
        conn = context.connection
        ticket = conn.info.pop(_KEY, None) if conn is not None else None
        if ticket is not None:
            WATCHDOG.disarm(ticket)

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        ticket: int | None = None
        try:
            ticket = WATCHDOG.arm(_fileno(dbapi_connection), seconds)
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SELECT 1")  # opens the transaction the caller then uses
        except Exception as err:  # any failure: let the pool try a fresh connection
            raise DisconnectionError() from err
        finally:
            if ticket is not None:
                WATCHDOG.disarm(ticket)
