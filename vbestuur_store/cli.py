"""Operator commands: `python -m vbestuur_store set-pin | upgrade | purge | status`.

Why a CLI: the griffie PIN must be set by the operator, never shipped as a default, and an
operator may want to migrate or purge outside the app (e.g. from cron).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence

from vbestuur_store.errors import StoreError
from vbestuur_store.migrate import current_revision, head_revision
from vbestuur_store.store import Store, open_store


def _read_pin() -> str:
    """Ask twice on a terminal; read one line from a pipe (for scripts)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Nieuwe pincode / new PIN: ")
    if getpass.getpass("Nogmaals / again: ") != first:
        raise SystemExit("De pincodes verschillen / the PINs differ")
    return first


def _run(command: str, store: Store) -> str:
    if command == "set-pin":
        store.set_pin(_read_pin())
        return "Pincode ingesteld / PIN set"
    if command == "purge":
        return f"{store.purge_expired()} verlopen sessies verwijderd / expired sessions deleted"
    if command == "status":
        return (f"database: {store.engine.url.render_as_string(hide_password=True)}\n"
                f"revision: {current_revision(store.engine)} (head {head_revision()})\n"
                f"pin: {'set' if store.has_pin() else 'not set'}\n"
                f"retention: {store.retention_days} days")
    return "Database bijgewerkt / database upgraded"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m vbestuur_store",
                                     description="Beheer van de vbestuur-opslag")
    parser.add_argument("command", choices=["set-pin", "upgrade", "purge", "status"])
    parser.add_argument("--url", help="database URL (default: from the environment)")
    args = parser.parse_args(argv)
    store = open_store(args.url)
    try:
        print(_run(args.command, store))
    except StoreError as err:
        print(f"vbestuur_store: {err}: {type(err).__doc__ or ''}".strip(), file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0
