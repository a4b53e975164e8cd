"""A visitor's data under their token: saving, the open conversation, resume and forget.

Why here and not through AppTest: these are the storage rules behind "Bewaren en verdergaan"
and "vergeet mij"; plain calls on a real SQLite store check them without drawing a page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from vbestuur_service import visitor as uc
from vbestuur_service.runtime import Runtime
from vbestuur_service.settings import Settings
from vbestuur_service.visitor import Visitor
from vbestuur_store import MalformedCode, UnknownCode


@pytest.fixture
def rt(tmp_path: Path) -> Iterator[Runtime]:
    runtime = Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path)}))
    yield runtime
    runtime.close()


def new_visitor(rt: Runtime) -> Visitor:
    return Visitor(rt, rt.use(lambda s: s.new_token()))


def test_answers_documents_and_the_open_flow_round_trip(rt: Runtime) -> None:
    me = new_visitor(rt)
    assert me.known() and me.answers() == {} and me.open_flow() is None
    me.save_answers("incident", {"wat": "bedreiging"})
    me.set_open_flow("incident")
    me.save_document("netwerklijst", {"rows": []})
    assert me.answers() == {"incident": {"wat": "bedreiging"}}
    assert me.open_flow() == "incident"
    assert me.document("netwerklijst") == {"rows": []}


def test_resume_adopts_the_token_and_offers_the_cookie_swap_once(rt: Runtime) -> None:
    home, phone = new_visitor(rt), new_visitor(rt)
    home.save_answers("incident", {"wat": "bedreiging"})
    resumed = uc.resume(rt, home.make_bewaarcode(), cookie=phone.token)
    assert (resumed.token, resumed.relinked) == (home.token, True)
    assert resumed.answers == {"incident": {"wat": "bedreiging"}}
    assert rt.relinks.take(phone.token) == home.token
    assert rt.relinks.take(phone.token) is None


def test_a_resume_without_another_cookie_needs_no_swap(rt: Runtime) -> None:
    home = new_visitor(rt)
    resumed = uc.resume(rt, home.make_bewaarcode(), cookie=None)
    assert not resumed.relinked


def test_a_wrong_code_changes_nothing(rt: Runtime) -> None:
    phone = new_visitor(rt)
    with pytest.raises(MalformedCode):
        uc.resume(rt, "ABCD", cookie=phone.token)
    with pytest.raises(UnknownCode):
        uc.resume(rt, "-".join(["ABCD"] * 7), cookie=phone.token)
    assert rt.relinks.take(phone.token) is None


def test_forget_deletes_every_token_and_cancels_the_swap(rt: Runtime) -> None:
    home, phone = new_visitor(rt), new_visitor(rt)
    uc.resume(rt, home.make_bewaarcode(), cookie=phone.token)
    assert uc.forget(rt, {home.token, phone.token}) == []
    assert not home.known() and not phone.known()
    assert rt.relinks.take(phone.token) is None


def test_keep_relink_only_while_this_browser_still_holds_its_old_cookie(rt: Runtime) -> None:
    uc.keep_relink(rt, cookie="old", link_from="old", token="new")
    assert rt.relinks.take("old") == "new"
    uc.keep_relink(rt, cookie="new", link_from="old", token="new")
    assert rt.relinks.take("old") is None
