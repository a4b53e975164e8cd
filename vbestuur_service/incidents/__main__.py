"""Operator commands of the incident register: `python -m vbestuur_service.incidents COMMAND`.

key      print a new register key (put it in VBESTUUR_REGISTER_KEY or, better, in the file
         named by VBESTUUR_REGISTER_KEY_FILE, readable only by the app's user)
rotate   re-encrypt every sealed text under the first (newest) configured key
status   whether the register opens with the configured key(s), and how many incidents
purge    delete incidents past VBESTUUR_REGISTER_YEARS (opening the register also does this,
         at most once an hour per process; run it from cron where the app is seldom used)

Rotation (docs/privacy.md): put the new key *first*, keep the old one after it
(VBESTUUR_REGISTER_KEY="NEW,OLD" or NEW on the file's first line), run `rotate`, then remove
the old key. The index key in the database is re-sealed, not changed, so every keyed hash
stays valid.
Why the key is printed and not written to a file: where a secret lives (a key file, a
secret store of the platform) is the operator's choice; this command never stores it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from vbestuur_store import StoreError
from vbestuur_store.incidents import incidents
from vbestuur_store.incidents_audit import reseal_all

from ..runtime import Runtime
from ..settings import Settings
from .crypto import KeyProblem, new_key, sealer
from .service import IncidentRegister, RegisterUnavailable


def _run(command: str, runtime: Runtime) -> str:
    register = IncidentRegister.open(runtime, purge=False)  # refuses a key that opens nothing
    if command == "purge":
        count = register.purge_expired(runtime.use(lambda s: s.db.now()))
        return f"{count} incidents past their retention period deleted"
    if command == "rotate":
        seal = sealer(runtime.settings)
        count = runtime.use(lambda s: reseal_all(s.db, seal.reseal))
        return f"{count} sealed texts re-encrypted under the first key"
    count = len(runtime.use(lambda s: incidents(s.db)))
    return f"register: ready\nincidents: {count}\nkept: {runtime.settings.register_years} years"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code. Problems are printed as codes on stderr."""
    p = argparse.ArgumentParser(prog="python -m vbestuur_service.incidents",
                                description="Sleutelbeheer van het incidentenregister")
    p.add_argument("command", choices=("key", "rotate", "status", "purge"))
    args = p.parse_args(argv)
    if args.command == "key":
        print(new_key())
        return 0
    runtime = Runtime(Settings.from_env())
    try:
        print(_run(args.command, runtime))
    except (RegisterUnavailable, KeyProblem) as err:
        print(f"error: register-{err.code}", file=sys.stderr)
        return 1
    except StoreError as err:
        print(f"error: {err.code}", file=sys.stderr)
        return 1
    finally:
        runtime.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
