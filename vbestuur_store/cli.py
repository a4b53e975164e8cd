"""Operator commands: `python -m vbestuur_store COMMAND`.

set-pin | upgrade | purge | status                 the store (as before)
add-user NAME --role R [--role R …]               a staff account; the passphrase is asked
list-users | remove-user NAME | set-roles NAME --role R …
backup FILE | restore FILE                         SQLite online backup (PostgreSQL: pg_dump)

Why passphrases never come from argv: the command line is visible to every user of the
machine (`ps`) and lands in shell history. They are read from a prompt (twice) or, for
scripts, as one line on stdin.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from vbestuur_store import backup
from vbestuur_store.accounts_errors import ROLES, AccountError
from vbestuur_store.config import load_config
from vbestuur_store.db import make_engine
from vbestuur_store.errors import StoreError
from vbestuur_store.faults import StorageFault
from vbestuur_store.migrate import current_revision, head_revision, upgrade_to_head
from vbestuur_store.store import Store, open_store


def _read_secret(what: str) -> str:
    """Ask twice on a terminal; read one line from a pipe (for scripts)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(f"Nieuwe {what} / new {what}: ")
    if getpass.getpass("Nogmaals / again: ") != first:
        raise SystemExit("De invoer verschilt / the entries differ")
    return first


def _accounts(args: argparse.Namespace, store: Store) -> str:
    if args.command == "add-user":
        account = store.add_user(args.name, _read_secret("passphrase"), args.role or [])
        return f"added {account.name}: {', '.join(sorted(account.roles))}"
    if args.command == "set-roles":
        account = store.set_roles(args.name, args.role or [])
        return f"roles of {account.name}: {', '.join(sorted(account.roles))}"
    if args.command == "remove-user":
        store.remove_user(args.name)
        return f"removed {args.name.strip().lower()}"
    return "\n".join(f"{a.name}\t{','.join(sorted(a.roles))}" for a in store.list_users())


def _run(args: argparse.Namespace, store: Store) -> str:
    command = args.command
    if command == "set-pin":
        store.set_pin(_read_secret("PIN"))
        return "Pincode ingesteld / PIN set"
    if command == "purge":
        return f"{store.purge_expired()} verlopen sessies verwijderd / expired sessions deleted"
    if command == "status":
        return (f"database: {store.engine.url.render_as_string(hide_password=True)}\n"
                f"revision: {current_revision(store.engine)} (head {head_revision()})\n"
                f"pin: {'set' if store.has_pin() else 'not set'}\n"
                f"accounts: {len(store.list_users())}\n"
                f"ready: {store.ping().code}\n"
                f"retention: {store.retention_days} days")
    if command == "upgrade":
        return "Database bijgewerkt / database upgraded"
    return _accounts(args, store)


def _backup(args: argparse.Namespace) -> str:
    url = args.url or load_config().url
    if args.command == "backup":
        pages = backup.backup(url, Path(args.file))
        return f"backup written to {args.file} ({pages} pages)"
    pages = backup.restore(url, Path(args.file))
    engine = make_engine(url)
    try:
        upgrade_to_head(engine)  # an older backup gets today's schema
    finally:
        engine.dispose()
    return f"restored from {args.file} ({pages} pages)"


def parser() -> argparse.ArgumentParser:
    """The command line: one positional command, its argument, roles and --url."""
    p = argparse.ArgumentParser(prog="python -m vbestuur_store",
                                description="Beheer van de vbestuur-opslag")
    sub = p.add_subparsers(dest="command", required=True)
    for name in ("set-pin", "upgrade", "purge", "status", "list-users"):
        sub.add_parser(name)
    for name in ("add-user", "set-roles", "remove-user"):
        cmd = sub.add_parser(name)
        cmd.add_argument("name")
        if name != "remove-user":
            cmd.add_argument("--role", action="append", choices=sorted(ROLES), required=True)
    for name in ("backup", "restore"):
        sub.add_parser(name).add_argument("file")
    for cmd in sub.choices.values():
        cmd.add_argument("--url", help="database URL (default: from the environment)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code. Errors are printed as codes on stderr."""
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    args = parser().parse_args(argv)
    try:
        if args.command in ("backup", "restore"):
            print(_backup(args))
            return 0
        store = open_store(args.url)
        try:
            print(_run(args, store))
        finally:
            store.close()
    except StoreError as err:
        print(f"vbestuur_store: {err}: {type(err).__doc__ or ''}".strip(), file=sys.stderr)
        return 1
    except (AccountError, StorageFault, backup.BackupError) as err:
        print(f"error: {err.code}", file=sys.stderr)
        return 1
    return 0
