"""How the claims of an ID token become a staff identity (vbestuur_app/store_views/oidc.py).

The whole path runs against a real provider in tests/browser/test_oidc_signin.py; this file
pins the rules a browser test cannot wait for: the half hour from the token's issue time,
and claims that are missing or of the wrong type.
"""

from __future__ import annotations

import pytest

from vbestuur_app.store_views.oidc import judge
from vbestuur_service.settings import Settings
from vbestuur_service.staff import SIGNIN_SECONDS

SETTINGS = Settings.from_env({"VBESTUUR_OIDC_ROLE_CLAIM": "groups"})
ISSUED = 1_800_000_000


def test_the_configured_claim_gives_the_roles_and_the_half_hour_runs_from_the_issue() -> None:
    identity = judge({"iat": ISSUED, "email": "g@gemeente.nl", "groups": ["griffie", "HR"],
                      "roles": ["operator"]}, SETTINGS)
    assert identity is not None
    assert identity.name == "g@gemeente.nl"
    assert identity.roles == frozenset({"griffie"})  # `roles` is not the configured claim
    assert identity.until == ISSUED + SIGNIN_SECONDS


def test_without_the_name_claim_the_subject_names_the_person() -> None:
    identity = judge({"iat": ISSUED, "sub": "abc-123", "groups": "Coordinator"}, SETTINGS)
    assert identity is not None
    assert (identity.name, identity.roles) == ("abc-123", frozenset({"coordinator"}))


def test_a_person_without_a_role_of_this_app_has_no_roles() -> None:
    identity = judge({"iat": ISSUED, "email": "b@gemeente.nl", "groups": ["raadslid"]},
                     SETTINGS)
    assert identity is not None
    assert identity.roles == frozenset()


@pytest.mark.parametrize("issued", [None, "1800000000", True, [ISSUED]])
def test_no_usable_issue_time_is_no_identity(issued: object) -> None:
    claims: dict[str, object] = {"email": "g@gemeente.nl", "groups": ["griffie"]}
    if issued is not None:
        claims["iat"] = issued
    assert judge(claims, SETTINGS) is None


def test_a_long_name_is_cut_to_what_the_change_log_keeps() -> None:
    identity = judge({"iat": ISSUED, "email": "x" * 500, "groups": "griffie"}, SETTINGS)
    assert identity is not None
    assert len(identity.name) == 100
