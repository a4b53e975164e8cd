"""Encryption at rest (issue 16): nothing identifying is readable in the database without the
key — the raw SQLite files and a PostgreSQL dump are searched for what was registered."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from register_helpers import COORDINATOR, KEY, draft, sqlite_bytes
from sqlalchemy import text

from vbestuur_service.incidents import IncidentRegister, Perpetrator, RegisterUnavailable
from vbestuur_service.incidents.crypto import new_key, sealer
from vbestuur_service.settings import Settings

SECRETS = {"name": "Hendrikus Zwartkop", "handle": "@ZwartkopH1978",
           "phone_typed": "06 41 23 45 67", "phone_e164": "+31641234567",
           "email": "zwartkop.h@voorbeeld.nl", "description": "draagt altijd een rode pet",
           "what": "stond bij mijn voordeur te schreeuwen", "reporter": "Wethouder Marjolein",
           "contact": "marjolein@gemeente.example", "police": "PL0900-2026123456",
           "platform": "Mastodonia", "addition": "kan niet meer slapen",
           "note": "coordinator belt terug"}


def _fill(register: IncidentRegister) -> str:
    s = SECRETS
    receipt = register.register("owner-secret-token", draft(
        named=True, reporter_name=s["reporter"], reporter_contact=s["contact"],
        description=s["what"], platform=s["platform"], reported="aangifte",
        police_number=s["police"], vpt_code_asked=True,
        perpetrator=Perpetrator(name=s["name"], handles=(s["handle"],),
                                phones=(s["phone_typed"],), emails=(s["email"],),
                                description=s["description"])))
    register.add_to("owner-secret-token", receipt.incident_id, s["addition"])
    register.add_note(COORDINATOR, receipt.incident_id, s["note"])
    return receipt.incident_id


def _needles() -> list[bytes]:
    found = {v.encode() for v in SECRETS.values()}
    found |= {v.lower().lstrip("@").encode() for v in SECRETS.values()}  # normalised forms
    found |= {b"owner-secret-token", b"Zwartkop", b"zwartkop", b"Marjolein"}
    return sorted(found)


def _raw_database(db_url: str, backend: str, request: pytest.FixtureRequest,
                  tmp_path: Path) -> bytes:
    """SQLite: the database file with its -wal and -shm; PostgreSQL: a plain pg_dump."""
    if backend == "sqlite":
        return sqlite_bytes(db_url)
    server = request.getfixturevalue("pg_server")
    dump = tmp_path / "register.sql"
    plain = db_url.replace("postgresql+psycopg://", "postgresql://")
    subprocess.run([str(server.bindir / "pg_dump"), "--format=plain", f"--file={dump}", plain],
                   check=True, timeout=120)
    return dump.read_bytes()


def test_nothing_identifying_is_readable_at_rest(register: IncidentRegister, db_url: str,
                                                 backend: str, request: pytest.FixtureRequest,
                                                 tmp_path: Path) -> None:
    incident_id = _fill(register)
    assert register.detail(COORDINATOR, incident_id).draft.perpetrator.name == SECRETS["name"]
    raw = _raw_database(db_url, backend, request, tmp_path)
    assert incident_id.encode() in raw  # the search does see what is stored in clear
    assert b"aangifte" in raw and b"wethouder" in raw
    assert [n for n in _needles() if n in raw] == []


def test_without_a_key_the_register_says_so(make_runtime) -> None:  # type: ignore[no-untyped-def]
    runtime = make_runtime(register_key="")
    with pytest.raises(RegisterUnavailable) as err:
        IncidentRegister.open(runtime)
    assert err.value.code == "no-key"
    token = runtime.use(lambda s: s.new_token())  # the rest of the app works
    assert runtime.use(lambda s: s.exists(token))


@pytest.mark.parametrize("bad", ["not-a-key", "a" * 44, "é"])
def test_a_malformed_key_is_refused(make_runtime, bad: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RegisterUnavailable) as err:
        IncidentRegister.open(make_runtime(register_key=bad))
    assert err.value.code == "bad-key"


def test_another_key_does_not_open_the_register(make_runtime) -> None:  # type: ignore[no-untyped-def]
    IncidentRegister.open(make_runtime()).register("owner", draft())
    with pytest.raises(RegisterUnavailable) as err:
        IncidentRegister.open(make_runtime(register_key=new_key()))
    assert err.value.code == "bad-key"


def test_the_key_file(make_runtime, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    key_file = tmp_path / "register.key"
    key_file.write_text(f"# the register key\n{KEY}\n", encoding="ascii")
    register = IncidentRegister.open(make_runtime(register_key="",
                                                  register_key_file=str(key_file)))
    assert register.register("owner", draft()).incident_id
    with pytest.raises(RegisterUnavailable) as err:
        IncidentRegister.open(make_runtime(register_key="",
                                           register_key_file=str(tmp_path / "missing")))
    assert err.value.code == "bad-key"


def test_rotation_keeps_texts_and_matches(make_runtime) -> None:  # type: ignore[no-untyped-def]
    from vbestuur_service.incidents.__main__ import _run

    old = IncidentRegister.open(make_runtime())
    incident_id = _fill(old)
    old.register("owner-2", draft(perpetrator=Perpetrator(handles=("x.com/zwartkoph1978",))))
    newer = new_key()
    assert "re-encrypted" in _run("rotate", make_runtime(register_key=f"{newer},{KEY}"))
    rotated = IncidentRegister.open(make_runtime(register_key=newer))  # the old key is gone
    detail = rotated.detail(COORDINATOR, incident_id)
    assert detail.draft.perpetrator.handles == (SECRETS["handle"],)
    assert [n.text for n in detail.notes] == [SECRETS["note"]]
    assert rotated.signals(COORDINATOR)[0].matched_on == ("handle",)  # the hashes still fit
    with pytest.raises(RegisterUnavailable):
        IncidentRegister.open(make_runtime(register_key=KEY))


def test_a_text_no_configured_key_opens_is_reported(make_runtime) -> None:  # type: ignore[no-untyped-def]
    """A key removed before `rotate` re-sealed everything: a calm RegisterUnavailable."""
    register = IncidentRegister.open(make_runtime())
    incident_id = _fill(register)
    other = sealer(Settings.from_env({"VBESTUUR_REGISTER_KEY": new_key()}))
    runtime = make_runtime()
    with runtime.store().engine.begin() as conn:
        conn.execute(text("UPDATE incidents SET sealed = :s WHERE id = :i"),
                     {"s": other.seal({"p": {}}), "i": incident_id})
    with pytest.raises(RegisterUnavailable) as err:
        IncidentRegister.open(runtime).detail(COORDINATOR, incident_id)
    assert err.value.code == "bad-key"


def test_the_key_stays_out_of_repr() -> None:
    settings = Settings.from_env({"VBESTUUR_REGISTER_KEY": KEY})
    assert settings.register_key == KEY and KEY not in repr(settings)


def test_processes_opening_a_new_register_at_once_agree_on_one_index_key(  # type: ignore[no-untyped-def]
        make_runtime) -> None:
    from concurrent.futures import ThreadPoolExecutor
    runtimes = [make_runtime() for _ in range(6)]
    with ThreadPoolExecutor(len(runtimes)) as pool:
        registers = list(pool.map(IncidentRegister.open, runtimes))
    for n, register in enumerate(registers):
        register.register(f"owner-{n}", draft(perpetrator=Perpetrator(handles=("@dezelfde",))))
    (signal,) = registers[0].signals(COORDINATOR)
    assert (signal.incidents, signal.office_holders) == (6, 6)
