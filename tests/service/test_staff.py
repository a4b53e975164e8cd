"""The staff use case: sign-in through the store's throttle, and OIDC role mapping."""

from __future__ import annotations

from pathlib import Path

from vbestuur_service import staff
from vbestuur_service.runtime import Runtime
from vbestuur_service.settings import Settings

PASS = "een-lang-wachtwoord"


def test_sign_in_gives_roles_and_refuses_alike(tmp_path: Path) -> None:
    rt = Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)}))
    try:
        rt.use(lambda s: s.add_user("j.jansen", PASS, ["griffie"]))
        who = staff.sign_in(rt, "J.Jansen", PASS, client="10.0.0.1", session_token=None,
                            now=100.0)
        assert isinstance(who, staff.StaffIdentity)
        assert who.roles == frozenset({"griffie"}) and who.may(staff.GRIFFIE_ROLES)
        assert who.active(100.0 + staff.SIGNIN_SECONDS - 1)
        assert not who.active(100.0 + staff.SIGNIN_SECONDS)
        wrong = staff.sign_in(rt, "j.jansen", "niet-het-wachtwoord", client="10.0.0.2",
                              session_token=None, now=100.0)
        unknown = staff.sign_in(rt, "niemand", PASS, client="10.0.0.3", session_token=None,
                                now=100.0)
        assert wrong == unknown == staff.Refused(0)
    finally:
        rt.close()


def test_roles_from_a_claim_keep_only_the_apps_roles() -> None:
    assert staff.roles_from_claim(["Griffie", "admin", "facilitator"]) == frozenset(
        {"griffie", "facilitator"})
    assert staff.roles_from_claim("coordinator, operator x") == frozenset(
        {"coordinator", "operator"})
    assert staff.roles_from_claim(None) == frozenset()


def test_the_role_claim_is_configurable() -> None:
    assert Settings.from_env({}).oidc_role_claim == "roles"
    assert Settings.from_env({"VBESTUUR_OIDC_ROLE_CLAIM": "groups"}).oidc_role_claim == "groups"
