"""Staff accounts: Argon2id at OWASP's parameters, roles, and the operator commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import extract_parameters
from sqlalchemy import select

from vbestuur_store import AccountError, SignedIn, Store, Wrong, open_store
from vbestuur_store.cli import parser
from vbestuur_store.models_accounts import UserRow

PASS = "lange zin van twaalf+"


def test_add_verify_and_hash_parameters(store: Store) -> None:
    account = store.add_user("J.Jansen", PASS, ["griffie", "coordinator"])
    assert account.name == "j.jansen"
    with store.engine.connect() as conn:
        stored = conn.execute(select(UserRow.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASS not in stored
    params = extract_parameters(stored)
    assert (params.memory_cost, params.time_cost, params.parallelism) == (19456, 2, 1)
    result = store.verify("j.jansen", PASS, client="c1")
    assert result == SignedIn(name="j.jansen", roles=frozenset({"griffie", "coordinator"}))
    assert store.verify("J.JANSEN ", PASS, client="c1").code == "ok"
    # wrong passphrase and unknown account give the very same answer
    assert store.verify("j.jansen", PASS + "x", client="c2") == Wrong()
    assert store.verify("niemand", PASS, client="c2") == Wrong()


@pytest.mark.parametrize(("name", "passphrase", "roles", "code"), [
    ("anna", "kort", ["griffie"], "weak_passphrase"),
    ("anna", "x" * 11, ["griffie"], "weak_passphrase"),
    ("anna", PASS, ["burgemeester"], "unknown_role"),
    ("anna", PASS, [], "no_roles"),
    ("a b", PASS, ["griffie"], "invalid_name"),
])
def test_refusals_are_codes(store: Store, name: str, passphrase: str, roles: list[str],
                            code: str) -> None:
    with pytest.raises(AccountError) as caught:
        store.add_user(name, passphrase, roles)
    assert caught.value.code == code and str(caught.value) == code
    assert store.list_users() == []


def test_list_set_roles_remove(store: Store) -> None:
    store.add_user("anna", PASS, ["facilitator"])
    store.add_user("bert", PASS, ["operator"])
    with pytest.raises(AccountError) as dup:
        store.add_user("Anna", PASS, ["griffie"])
    assert dup.value.code == "duplicate_user"
    assert store.set_roles("anna", ["griffie", "facilitator"]).roles == {"griffie",
                                                                          "facilitator"}
    assert [(a.name, sorted(a.roles)) for a in store.list_users()] == [
        ("anna", ["facilitator", "griffie"]), ("bert", ["operator"])]
    store.remove_user("bert")
    assert [a.name for a in store.list_users()] == ["anna"]
    assert store.verify("bert", PASS, client="c") == Wrong()
    with pytest.raises(AccountError) as gone:
        store.remove_user("bert")
    assert gone.value.code == "unknown_user"


def _cli(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    return subprocess.run([sys.executable, "-m", "vbestuur_store", *args, "--url", url],
                          input=stdin, capture_output=True, text=True, env=env, timeout=120)


def test_cli_reads_the_passphrase_from_stdin_never_argv(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    added = _cli(url, "add-user", "Griffier", "--role", "griffie", "--role", "operator",
                 stdin=PASS + "\n")
    assert added.returncode == 0, added.stderr
    assert PASS not in added.stdout + added.stderr
    listed = _cli(url, "list-users")
    assert listed.stdout.strip() == "griffier\tgriffie,operator"
    assert _cli(url, "set-roles", "griffier", "--role", "coordinator").returncode == 0
    short = _cli(url, "add-user", "kort", "--role", "griffie", stdin="elf tekens\n")
    assert short.returncode == 1 and "weak_passphrase" in short.stderr
    store = open_store(url, env={})
    assert store.verify("griffier", PASS, client="c") == SignedIn(
        name="griffier", roles=frozenset({"coordinator"}))
    store.close()
    assert _cli(url, "remove-user", "griffier").returncode == 0
    assert _cli(url, "list-users").stdout.strip() == ""
    with pytest.raises(SystemExit):  # there is no way to give a passphrase on the command line
        parser().parse_args(["add-user", "x", "--role", "griffie", "--passphrase", PASS])
